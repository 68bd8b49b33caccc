package org.bilim.lti.http;

import java.util.Objects;

/**
 * An OAuth 2 bearer token (RFC 6750): a service access token or a Dynamic Registration
 * {@code registration_token}. Whoever holds it acts as Bilim on the platform, so {@link #toString()}
 * never shows it; only {@link LtiHttp} reads {@link #value()}, to put it in the header.
 */
public record BearerToken(String value) {

    public BearerToken {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("empty bearer token");
        }
    }

    @Override
    public String toString() {
        return "BearerToken[redacted]";
    }
}
