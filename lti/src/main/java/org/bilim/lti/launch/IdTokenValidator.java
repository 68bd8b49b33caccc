package org.bilim.lti.launch;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.bilim.lti.LogSafe;
import org.bilim.lti.registration.PlatformRegistration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.bilim.lti.launch.LaunchFailure.Reason.ALG_NOT_ALLOWED;
import static org.bilim.lti.launch.LaunchFailure.Reason.AUDIENCE_MISMATCH;
import static org.bilim.lti.launch.LaunchFailure.Reason.AZP_MISMATCH;
import static org.bilim.lti.launch.LaunchFailure.Reason.AZP_MISSING;
import static org.bilim.lti.launch.LaunchFailure.Reason.BAD_SIGNATURE;
import static org.bilim.lti.launch.LaunchFailure.Reason.CRITICAL_HEADER;
import static org.bilim.lti.launch.LaunchFailure.Reason.EXPIRED;
import static org.bilim.lti.launch.LaunchFailure.Reason.ISSUED_IN_FUTURE;
import static org.bilim.lti.launch.LaunchFailure.Reason.ISSUER_MISSING;
import static org.bilim.lti.launch.LaunchFailure.Reason.KEY_IN_HEADER;
import static org.bilim.lti.launch.LaunchFailure.Reason.KEY_UNSUITABLE;
import static org.bilim.lti.launch.LaunchFailure.Reason.KID_MISSING;
import static org.bilim.lti.launch.LaunchFailure.Reason.KID_UNKNOWN;
import static org.bilim.lti.launch.LaunchFailure.Reason.LOGIN_MISMATCH;
import static org.bilim.lti.launch.LaunchFailure.Reason.MALFORMED;
import static org.bilim.lti.launch.LaunchFailure.Reason.NONCE_MISMATCH;
import static org.bilim.lti.launch.LaunchFailure.Reason.NONCE_MISSING;
import static org.bilim.lti.launch.LaunchFailure.Reason.NONCE_REPLAYED;
import static org.bilim.lti.launch.LaunchFailure.Reason.NOT_YET_VALID;
import static org.bilim.lti.launch.LaunchFailure.Reason.REGISTRATION_NOT_ACTIVE;
import static org.bilim.lti.launch.LaunchFailure.Reason.STATE_EXPIRED;
import static org.bilim.lti.launch.LaunchFailure.Reason.STATE_MISMATCH;
import static org.bilim.lti.launch.LaunchFailure.Reason.STATE_MISSING;
import static org.bilim.lti.launch.LaunchFailure.Reason.TIMESTAMP_MISSING;
import static org.bilim.lti.launch.LaunchFailure.Reason.TOO_OLD;
import static org.bilim.lti.launch.LaunchFailure.Reason.UNKNOWN_ISSUER;

/**
 * Step 3 of the LTI launch: the platform's authentication response, validated (Security Framework
 * 1.0, §5.1.3 "Authentication Response Validation"; LTI Core 1.3, §5) into an {@link LtiLaunch}.
 *
 * <p>The order is: the browser's state; the token's form and header; the issuer and the
 * registration; the signature; audience, times, nonce; the LTI claims; last, the nonce is spent,
 * so only a launch that passed everything uses one up. Claims are read before the signature only
 * to find the key ({@code kid}) and the registration ({@code iss}).
 *
 * <p>Thread-safe; one instance serves every launch.
 */
public final class IdTokenValidator {

    /** Asymmetric algorithms only: an HMAC "signed" with a public key anyone can fetch proves nothing. */
    private static final Set<Algorithm> ALLOWED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384);

    /** Far more than any launch needs; refuses to parse megabytes someone posted. */
    private static final int MAX_TOKEN_CHARS = 64 * 1024;

    private static final int MIN_RSA_BITS = 2048;

    /**
     * @param clockSkew   how far the platform's clock may be from Bilim's (a minute)
     * @param maxTokenAge how old an {@code id_token} may be, by its {@code iat}: the platform posts
     *                    it at once, so a few minutes; this also bounds how long nonces are kept
     */
    public record Settings(Duration clockSkew, Duration maxTokenAge) {

        public Settings {
            Objects.requireNonNull(clockSkew, "clockSkew");
            Objects.requireNonNull(maxTokenAge, "maxTokenAge");
            if (clockSkew.isNegative() || maxTokenAge.isNegative() || maxTokenAge.isZero()) {
                throw new IllegalArgumentException("the skew must not be negative and the maximum age must be positive");
            }
        }

        /** 60 seconds of skew, tokens at most 5 minutes old. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(60), Duration.ofMinutes(5));
        }
    }

    private final RegistrationLookup registrations;
    private final PlatformKeys platformKeys;
    private final NonceStore nonces;
    private final Clock clock;
    private final Settings settings;

    public IdTokenValidator(RegistrationLookup registrations, PlatformKeys platformKeys, NonceStore nonces, Clock clock, Settings settings) {
        this.registrations = Objects.requireNonNull(registrations, "registrations");
        this.platformKeys = Objects.requireNonNull(platformKeys, "platformKeys");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * @param idToken     the {@code id_token} form field
     * @param postedState the {@code state} form field
     * @param boundLogin  the pending login this browser proved it started (by cookie or platform
     *                    storage), or null when it proved none
     * @throws LaunchFailure when any check fails, with the reason
     */
    public LtiLaunch validate(String idToken, String postedState, PendingLogin boundLogin) {
        Instant now = clock.instant();
        PendingLogin login = checkState(postedState, boundLogin, now);
        SignedJWT jwt = parse(idToken);
        JWSHeader header = checkHeader(jwt.getHeader());
        JWTClaimsSet claims = claimsOf(jwt);
        PlatformRegistration registration = registration(claims, login);
        verifySignature(jwt, header, registration);
        checkAudience(claims, registration);
        Instant expires = checkTimes(claims, now);
        String nonce = checkNonce(claims, login);
        LtiLaunch launch = LaunchClaims.read(new ClaimReader(claims.getClaims(), ""), registration);
        if (!nonces.useOnce(nonce, expires.plus(settings.clockSkew()))) {
            throw new LaunchFailure(NONCE_REPLAYED, "the nonce of this token was used by an earlier launch");
        }
        return launch;
    }

    /** Security Framework 1.0, §7.3.1: the response must come back to the browser that started the login. */
    private static PendingLogin checkState(String postedState, PendingLogin boundLogin, Instant now) {
        if (postedState == null || postedState.isEmpty()) {
            throw new LaunchFailure(STATE_MISSING, "no state in the authentication response");
        }
        if (boundLogin == null || !same(postedState, boundLogin.state())) {
            throw new LaunchFailure(STATE_MISMATCH, boundLogin == null
                    ? "this browser started no login" : "the state is not the one bound to this browser");
        }
        if (boundLogin.expiredAt(now)) {
            throw new LaunchFailure(STATE_EXPIRED, "the login expired at " + boundLogin.expires());
        }
        return boundLogin;
    }

    /**
     * A JWS in compact serialisation (three parts) with an allowed algorithm. The algorithm is read
     * before Nimbus parses the whole token so that {@code alg: none} is reported as a refused
     * algorithm, not as a parse error.
     */
    private static SignedJWT parse(String idToken) {
        if (idToken == null || idToken.isEmpty()) {
            throw new LaunchFailure(MALFORMED, "no id_token");
        }
        if (idToken.length() > MAX_TOKEN_CHARS) {
            throw new LaunchFailure(MALFORMED, "the id_token has " + idToken.length() + " characters");
        }
        String[] parts = idToken.split("\\.", -1);
        if (parts.length != 3) {
            throw new LaunchFailure(MALFORMED, "the id_token has " + parts.length + " parts, a JWS has 3");
        }
        Algorithm alg;
        try {
            alg = Header.parseAlgorithm(JSONObjectUtils.parse(new Base64URL(parts[0]).decodeToString()));
        } catch (ParseException | RuntimeException e) {
            throw new LaunchFailure(MALFORMED, "the header is not a JSON object with an alg");
        }
        if (!ALLOWED.contains(alg)) {
            throw new LaunchFailure(ALG_NOT_ALLOWED, "alg " + LogSafe.quote(alg.getName()));
        }
        try {
            return SignedJWT.parse(idToken);
        } catch (ParseException e) {
            throw new LaunchFailure(MALFORMED, "not a JWS: " + LogSafe.quote(e.getMessage()));
        }
    }

    /** Keys come from the registration's JWKS URL only (RFC 8725, §3.10): a token offering its own key is refused, not ignored. */
    private static JWSHeader checkHeader(JWSHeader header) {
        if (header.getJWK() != null || header.getJWKURL() != null || header.getX509CertURL() != null || header.getX509CertChain() != null) {
            throw new LaunchFailure(KEY_IN_HEADER, "the header carries jwk, jku, x5u or x5c");
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw new LaunchFailure(CRITICAL_HEADER, "crit " + LogSafe.quote(String.join(",", header.getCriticalParams())));
        }
        if (header.getKeyID() == null || header.getKeyID().isBlank()) {
            throw new LaunchFailure(KID_MISSING, "the header names no kid");
        }
        return header;
    }

    private static JWTClaimsSet claimsOf(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new LaunchFailure(MALFORMED, "the payload is not a JSON object of claims: " + LogSafe.quote(e.getMessage()));
        }
    }

    /**
     * Security Framework 1.0, §5.1.3 step 2: {@code iss} exactly a registered issuer, compared
     * here again whatever the lookup's collation, and the registration the login was started for.
     */
    private PlatformRegistration registration(JWTClaimsSet claims, PendingLogin login) {
        String issuer = claims.getIssuer();
        if (issuer == null || issuer.isEmpty()) {
            throw new LaunchFailure(ISSUER_MISSING, "no iss");
        }
        List<PlatformRegistration> candidates = registrations.byIssuer(issuer).stream().filter(r -> r.issuer().equals(issuer)).toList();
        if (candidates.isEmpty()) {
            throw new LaunchFailure(UNKNOWN_ISSUER, "iss " + LogSafe.quote(issuer));
        }
        PlatformRegistration registration = candidates.stream().filter(r -> r.id() == login.registrationId()).findFirst()
                .orElseThrow(() -> new LaunchFailure(LOGIN_MISMATCH,
                        "iss " + LogSafe.quote(issuer) + " is not registration " + login.registrationId() + " the login was for"));
        if (!registration.active()) {
            throw new LaunchFailure(REGISTRATION_NOT_ACTIVE, "registration " + registration.id() + " is " + registration.state());
        }
        return registration;
    }

    /** Security Framework 1.0, §5.1.3 step 1, with the key the registration's JWKS URL publishes under the header's kid. */
    private void verifySignature(SignedJWT jwt, JWSHeader header, PlatformRegistration registration) {
        JWK key = platformKeys.find(registration.jwksUrl(), header.getKeyID())
                .orElseThrow(() -> new LaunchFailure(KID_UNKNOWN,
                        "kid " + LogSafe.quote(header.getKeyID()) + " is not published at " + registration.jwksUrl()));
        try {
            if (!jwt.verify(verifierFor(header.getAlgorithm(), key))) {
                throw new LaunchFailure(BAD_SIGNATURE, "the signature does not verify with kid " + LogSafe.quote(key.getKeyID()));
            }
        } catch (JOSEException e) {
            throw new LaunchFailure(BAD_SIGNATURE, "the signature could not be verified: " + LogSafe.quote(e.getMessage()));
        }
    }

    private static JWSVerifier verifierFor(JWSAlgorithm alg, JWK key) throws JOSEException {
        if (KeyUse.ENCRYPTION.equals(key.getKeyUse()) || key.getAlgorithm() != null && !key.getAlgorithm().equals(alg)) {
            throw unsuitable(key, "is published for " + (key.getAlgorithm() != null ? key.getAlgorithm() : "encryption"));
        }
        if (JWSAlgorithm.Family.RSA.contains(alg)) {
            if (!(key instanceof RSAKey rsa)) {
                throw unsuitable(key, "is not an RSA key");
            }
            if (rsa.size() < MIN_RSA_BITS) {
                throw unsuitable(key, "has " + rsa.size() + " bits");
            }
            return new RSASSAVerifier(rsa);
        }
        if (!(key instanceof ECKey ec) || !Curve.forJWSAlgorithm(alg).contains(ec.getCurve())) {
            throw unsuitable(key, "is not an EC key on the curve of " + alg);
        }
        return new ECDSAVerifier(ec);
    }

    private static LaunchFailure unsuitable(JWK key, String why) {
        return new LaunchFailure(KEY_UNSUITABLE, "kid " + LogSafe.quote(key.getKeyID()) + " " + why);
    }

    /**
     * Security Framework 1.0, §5.1.3 steps 3 to 5. A token with more audiences than Bilim is
     * accepted only when {@code azp} names Bilim: it was issued to Bilim, the others merely may
     * read it.
     */
    private static void checkAudience(JWTClaimsSet claims, PlatformRegistration registration) {
        List<String> audience = claims.getAudience();
        if (!audience.contains(registration.clientId())) {
            throw new LaunchFailure(AUDIENCE_MISMATCH, "aud does not contain the client_id of registration " + registration.id());
        }
        String azp;
        try {
            azp = claims.getStringClaim("azp");
        } catch (ParseException e) {
            throw new LaunchFailure(LaunchFailure.Reason.CLAIM_MALFORMED, "azp is not a string");
        }
        if (azp == null && audience.size() > 1) {
            throw new LaunchFailure(AZP_MISSING, audience.size() + " audiences and no azp");
        }
        if (azp != null && !azp.equals(registration.clientId())) {
            throw new LaunchFailure(AZP_MISMATCH, "azp " + LogSafe.quote(azp) + " is not the client_id of registration " + registration.id());
        }
    }

    /** Security Framework 1.0, §5.1.3 steps 7 and 8, each with the configured skew. Returns {@code exp}. */
    private Instant checkTimes(JWTClaimsSet claims, Instant now) {
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || iat == null) {
            throw new LaunchFailure(TIMESTAMP_MISSING, exp == null ? "no exp" : "no iat");
        }
        Duration skew = settings.clockSkew();
        if (!now.isBefore(exp.toInstant().plus(skew))) {
            throw new LaunchFailure(EXPIRED, "expired at " + exp.toInstant() + ", now " + now);
        }
        if (iat.toInstant().isAfter(now.plus(skew))) {
            throw new LaunchFailure(ISSUED_IN_FUTURE, "issued at " + iat.toInstant() + ", now " + now);
        }
        if (iat.toInstant().plus(settings.maxTokenAge()).plus(skew).isBefore(now)) {
            throw new LaunchFailure(TOO_OLD, "issued at " + iat.toInstant() + ", more than " + settings.maxTokenAge() + " before " + now);
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(now.plus(skew))) {
            throw new LaunchFailure(NOT_YET_VALID, "not before " + nbf.toInstant() + ", now " + now);
        }
        return exp.toInstant();
    }

    /** Security Framework 1.0, §5.1.3 step 9: the nonce is the one issued with this browser's state. */
    private static String checkNonce(JWTClaimsSet claims, PendingLogin login) {
        Object nonce = claims.getClaim("nonce");
        if (!(nonce instanceof String value) || value.isEmpty()) {
            throw new LaunchFailure(NONCE_MISSING, nonce == null ? "no nonce" : "the nonce is not a non-empty string");
        }
        if (!same(value, login.nonce())) {
            throw new LaunchFailure(NONCE_MISMATCH, "the nonce is not the one issued for this state");
        }
        return value;
    }

    /** Compared in constant time: state and nonce are secrets until the launch is done. */
    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
