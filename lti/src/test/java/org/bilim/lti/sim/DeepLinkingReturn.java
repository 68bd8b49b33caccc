package org.bilim.lti.sim;

import java.text.ParseException;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;

/**
 * A Deep Linking response a tool posted to the simulator's return URL.
 *
 * @param jwt the compact JWT as posted in the {@code JWT} form field
 */
public record DeepLinkingReturn(String jwt) {

    /** The claims, unverified: a test checks the signature itself against the tool's keys if it cares. */
    public Map<String, Object> claims() {
        try {
            return SignedJWT.parse(jwt).getJWTClaimsSet().getClaims();
        } catch (ParseException notJwt) {
            throw new IllegalStateException("the tool posted something that is not a JWT", notJwt);
        }
    }
}
