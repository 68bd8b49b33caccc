package org.bilim.lti.launch;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.opts.AllowWeakRSAKey;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.bilim.lti.registration.PlatformRegistration;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A platform for unit tests of the launch: keys generated when it is made (never pasted in), one
 * registration of Bilim, and signing of whatever header and payload a test writes.
 */
final class TestPlatform {

    static final long REGISTRATION_ID = 7;
    static final String ISSUER = "https://lms.example.edu";
    static final String CLIENT_ID = "bilim-client-1";
    static final String DEPLOYMENT_ID = "dep-1";
    static final URI JWKS_URL = URI.create(ISSUER + "/.well-known/jwks.json");
    static final String TARGET_LINK_URI = "https://bilim.example.kz/lti/courses/42";
    static final String RETURN_URL = ISSUER + "/deep_linking/return";

    final RSAKey rsa;
    final ECKey ec;
    /** A key the platform never published: what an attacker signs with. */
    final RSAKey stranger;

    TestPlatform() {
        try {
            rsa = new RSAKeyGenerator(2048).keyID("platform-rsa-1").generate();
            ec = new ECKeyGenerator(Curve.P_256).keyID("platform-ec-1").generate();
            stranger = new RSAKeyGenerator(2048).keyID("stranger-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    PlatformRegistration registration(PlatformRegistration.State state) {
        return new PlatformRegistration(REGISTRATION_ID, ISSUER, CLIENT_ID, Set.of(DEPLOYMENT_ID, "dep-2"), URI.create(ISSUER + "/auth"),
                URI.create(ISSUER + "/token"), JWKS_URL, state);
    }

    /** What the platform publishes at its JWKS URL. */
    JwksSource jwks() {
        return url -> {
            if (!url.equals(JWKS_URL)) {
                throw new java.io.IOException("no such JWKS " + url);
            }
            return new JWKSet(List.<JWK>of(rsa.toPublicJWK(), ec.toPublicJWK()));
        };
    }

    /** Signs with the platform's key for the header's algorithm: RSA for RS*, EC for ES*. */
    String sign(String headerJson, String payloadJson) {
        JWSHeader header = header(headerJson);
        return sign(header, payloadJson, JWSAlgorithm.Family.EC.contains(header.getAlgorithm()) ? ec : rsa);
    }

    String sign(JWSHeader header, String payloadJson, JWK key) {
        try {
            // Weak keys allowed: a test may sign with one to see the validator refuse it.
            JWSSigner signer = key instanceof ECKey e ? new ECDSASigner(e) : new RSASSASigner((RSAKey) key, Set.of(AllowWeakRSAKey.getInstance()));
            JWSObject jws = new JWSObject(header, new Payload(payloadJson));
            jws.sign(signer);
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs claims as a well-behaved platform does: RS256 with its published key. */
    String sign(Map<String, Object> claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.getKeyID()).build(), JSONObjectUtils.toJSONString(claims), rsa);
    }

    static JWSHeader header(String json) {
        try {
            return JWSHeader.parse(json);
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException("not a JWS header: " + json, e);
        }
    }
}
