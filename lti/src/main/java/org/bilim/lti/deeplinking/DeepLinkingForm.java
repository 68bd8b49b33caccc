package org.bilim.lti.deeplinking;

import java.net.URI;
import java.util.Objects;

/**
 * The page that takes the reply back to the platform: a form posting the signed JWT as the field
 * {@code JWT} to the return URL, submitted by itself (Deep Linking 2.0, §4.5 "Deep Linking response message": the response goes back
 * through the browser as a form POST). The server renders
 * it; this is its model.
 *
 * @param action the platform's {@code deep_link_return_url}
 * @param jwt    the signed response, the value of the {@code JWT} field
 */
public record DeepLinkingForm(URI action, String jwt) {

    /** The name of the form field the platform reads. */
    public static final String FIELD = "JWT";

    public DeepLinkingForm {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(jwt, "jwt");
    }

    @Override
    public String toString() {
        return "DeepLinkingForm[action=" + action + "]";
    }
}
