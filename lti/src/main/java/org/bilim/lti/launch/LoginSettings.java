package org.bilim.lti.launch;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What Bilim says about itself in a login.
 *
 * @param redirectUri   the launch URL exactly as registered with every platform: the platform
 *                      compares it character for character (Security Framework 1.0, §5.1.1.2)
 * @param toolBase      the origin and path under which every {@code target_link_uri} must fall
 *                      (e.g. {@code https://bilim.example.kz/})
 * @param loginLifetime how long a started login may take to come back as a launch (a few minutes)
 */
public record LoginSettings(URI redirectUri, URI toolBase, Duration loginLifetime) {

    public LoginSettings {
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(toolBase, "toolBase");
        Objects.requireNonNull(loginLifetime, "loginLifetime");
        if (!toolBase.isAbsolute() || toolBase.getHost() == null) {
            throw new IllegalArgumentException("the tool base must be an absolute URL with a host");
        }
        if (loginLifetime.isNegative() || loginLifetime.isZero()) {
            throw new IllegalArgumentException("the login lifetime must be positive");
        }
    }
}
