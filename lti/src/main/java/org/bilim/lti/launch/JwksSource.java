package org.bilim.lti.launch;

import com.nimbusds.jose.jwk.JWKSet;

import java.io.IOException;
import java.net.URI;

/**
 * Fetches a platform's public key set from its JWKS URL. The server implements it with its
 * allowlisted HTTP client (timeouts, size limit, only the registration's hosts); this module never
 * opens a connection itself.
 */
@FunctionalInterface
public interface JwksSource {

    /**
     * @throws IOException when the URL cannot be reached or does not answer a key set; the caller
     *                     keeps what it had
     */
    JWKSet fetch(URI jwksUrl) throws IOException;
}
