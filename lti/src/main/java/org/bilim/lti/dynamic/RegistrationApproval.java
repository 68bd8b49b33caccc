package org.bilim.lti.dynamic;

import java.net.URI;
import java.util.Objects;

import org.bilim.lti.http.Origin;

/**
 * A Bilim administrator's decision to let one Dynamic Registration talk to the platform whose
 * {@code openid_configuration} URL they were shown. It allows that URL's origin (scheme, host,
 * port) for that registration only, and nothing once it is done: the URL arrives as a query
 * parameter anyone can forge, so without a person's yes it would make Bilim fetch any address.
 *
 * @param openIdConfigurationUrl the platform's configuration URL, as the administrator saw it
 */
public record RegistrationApproval(URI openIdConfigurationUrl) {

    public RegistrationApproval {
        Objects.requireNonNull(openIdConfigurationUrl, "openIdConfigurationUrl");
        Origin.of(openIdConfigurationUrl);
    }

    /** The origin the approval opens. */
    public Origin origin() {
        return Origin.of(openIdConfigurationUrl);
    }
}
