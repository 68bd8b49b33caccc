package org.bilim.lti.launch;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Assignment and Grade Services claim of a launch
 * ({@code https://purl.imsglobal.org/spec/lti-ags/claim/endpoint}), kept as given: the server
 * refuses URLs on hosts that are not the registration's before it calls them.
 *
 * @param scopes    the scopes the platform lets Bilim ask for
 * @param lineItems the line items container URL, if any
 * @param lineItem  the line item of this resource link, if any
 */
public record AgsEndpoint(List<String> scopes, Optional<String> lineItems, Optional<String> lineItem) {

    public AgsEndpoint {
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(lineItems, "lineItems");
        Objects.requireNonNull(lineItem, "lineItem");
    }
}
