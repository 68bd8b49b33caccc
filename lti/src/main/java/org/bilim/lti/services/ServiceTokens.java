package org.bilim.lti.services;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.bilim.lti.http.BearerToken;
import org.bilim.lti.http.LtiHttp;
import org.bilim.lti.http.LtiRequest;
import org.bilim.lti.http.LtiResponse;
import org.bilim.lti.http.ServiceException;
import org.bilim.lti.registration.PlatformRegistration;

/**
 * Access tokens for LTI Advantage services: the OAuth 2 client-credentials grant authenticated by
 * a JWT Bilim signs (1EdTech Security Framework 1.0 §4.1; RFC 7523 §2.2 and §3).
 *
 * <p>Tokens are cached per registration and scope set until shortly before they expire, so a
 * batch of scores costs one token request. A service that gets {@code 401} calls {@link
 * #invalidate} with the rejected token and asks again, once. Two threads missing the cache at once
 * may both fetch a token; both are valid, the later one stays cached.
 */
public final class ServiceTokens {

    /** Security Framework §4.1.1: the assertion must expire soon; platforms reject longer ones. */
    static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);
    /** Renew this long before the platform's expiry, so a token does not lapse in flight. */
    static final Duration RENEWAL_MARGIN = Duration.ofSeconds(30);
    /** RFC 6749 §5.1 only recommends {@code expires_in}; without it, do not trust a token long. */
    static final Duration UNSTATED_LIFETIME = Duration.ofMinutes(5);

    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final Pattern OAUTH_ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private record Key(String issuer, String clientId, URI tokenEndpoint, Set<String> scopes) {
    }

    private record Cached(BearerToken token, Instant renewAt) {
    }

    private final LtiHttp http;
    private final Supplier<RSAKey> signingKey;
    private final Clock clock;
    private final ConcurrentMap<Key, Cached> cache = new ConcurrentHashMap<>();

    /**
     * @param http       the outbound client
     * @param signingKey Bilim's current private signing key, with its {@code kid} (the one its JWKS publishes)
     * @param clock      the time for assertions and expiry
     */
    public ServiceTokens(LtiHttp http, Supplier<RSAKey> signingKey, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A valid token for these scopes on this platform, cached or fresh. Ask only for the scopes the
     * call needs: a platform may refuse a token for scopes it did not grant the deployment.
     *
     * @throws ServiceException if the token endpoint is refused, unreachable, refuses the grant
     *                          or answers something that is not a bearer token
     */
    public BearerToken token(PlatformRegistration registration, Set<String> scopes) throws ServiceException {
        Key key = key(registration, scopes);
        Cached cached = cache.get(key);
        if (cached != null && clock.instant().isBefore(cached.renewAt())) {
            return cached.token();
        }
        Cached fresh = request(registration, key.scopes());
        cache.put(key, fresh);
        return fresh.token();
    }

    /**
     * Forgets a token the platform rejected ({@code 401}), unless another call already replaced it.
     */
    public void invalidate(PlatformRegistration registration, Set<String> scopes, BearerToken rejected) {
        cache.computeIfPresent(key(registration, scopes), (key, cached) -> cached.token().equals(rejected) ? null : cached);
    }

    private static Key key(PlatformRegistration registration, Set<String> scopes) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a service token needs at least one scope");
        }
        return new Key(registration.issuer(), registration.clientId(), registration.tokenEndpoint(), Set.copyOf(scopes));
    }

    private Cached request(PlatformRegistration registration, Set<String> scopes) throws ServiceException {
        URI endpoint = registration.tokenEndpoint();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_assertion_type", JWT_BEARER);
        form.put("client_assertion", assertion(registration));
        form.put("scope", String.join(" ", new TreeSet<>(scopes)));
        Instant asked = clock.instant();
        LtiResponse response = http.send(LtiRequest.postForm(endpoint, form, "application/json"));
        if (!response.successful()) {
            throw ServiceException.status(endpoint, "POST", response.status(), response.retryAfter(clock).orElse(null),
                    oauthError(response));
        }
        JsonNode body = response.json();
        JsonNode token = body.path("access_token");
        if (!token.isTextual() || token.asText().isBlank()) {
            throw badResponse(endpoint, "no access_token");
        }
        if (!"bearer".equalsIgnoreCase(body.path("token_type").asText())) {
            throw badResponse(endpoint, "token_type is not bearer");
        }
        Duration lifetime = body.path("expires_in").canConvertToLong() && body.path("expires_in").asLong() > 0
                ? Duration.ofSeconds(body.path("expires_in").asLong())
                : UNSTATED_LIFETIME;
        Duration margin = lifetime.dividedBy(2).compareTo(RENEWAL_MARGIN) < 0 ? lifetime.dividedBy(2) : RENEWAL_MARGIN;
        return new Cached(new BearerToken(token.asText()), asked.plus(lifetime).minus(margin));
    }

    /**
     * The client assertion: {@code iss} and {@code sub} are the client_id, {@code aud} the token
     * endpoint, a fresh {@code jti} so the platform can refuse replays (Security Framework §4.1.1;
     * RFC 7523 §3), signed RS256 under the {@code kid} the platform finds in Bilim's JWKS.
     */
    String assertion(PlatformRegistration registration) {
        RSAKey key = signingKey.get();
        if (key == null || !key.isPrivate() || key.getKeyID() == null) {
            throw new IllegalStateException("the tool's signing key must be a private RSA key with a kid");
        }
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(registration.clientId())
                .subject(registration.clientId())
                .audience(registration.tokenEndpoint().toString())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException unusableKey) {
            throw new IllegalStateException("cannot sign with the tool's key " + key.getKeyID(), unusableKey);
        }
        return jwt.serialize();
    }

    /** The OAuth error code (RFC 6749 §5.2) for the message; the description is the platform's free text, left out. */
    private static String oauthError(LtiResponse response) {
        try {
            String code = response.json().path("error").asText("");
            return OAUTH_ERROR_CODE.matcher(code).matches() ? "error " + code : null;
        } catch (ServiceException notJson) {
            return null;
        }
    }

    private static ServiceException badResponse(URI endpoint, String why) {
        return new ServiceException(ServiceException.Reason.BAD_RESPONSE, endpoint, "POST " + endpoint + " answered " + why);
    }
}
