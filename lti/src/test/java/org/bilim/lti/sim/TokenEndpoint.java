package org.bilim.lti.sim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;

/**
 * The OAuth 2 token endpoint: client credentials authenticated by a JWT (1EdTech Security Framework
 * 1.0 §4.1; RFC 7523), checked the way a strict platform checks it, and the opaque bearer tokens
 * the service endpoints accept.
 */
final class TokenEndpoint {

    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** Security Framework §4.1.1: a client assertion may live 5 minutes at most. */
    static final Duration MAX_ASSERTION_LIFETIME = Duration.ofMinutes(5);

    record IssuedToken(String value, String clientId, Set<String> scopes, Instant expiresAt) {
    }

    private static final class Rejected extends Exception {
        final String code;

        Rejected(String code, String description) {
            super(description, null, false, false);
            this.code = code;
        }
    }

    private final PlatformSimulator sim;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, IssuedToken> issued = new ConcurrentHashMap<>();
    private final Set<String> jtis = ConcurrentHashMap.newKeySet();
    private final List<String> rejections = new CopyOnWriteArrayList<>();
    private final List<Set<String>> grants = new CopyOnWriteArrayList<>();
    private volatile Duration lifetime = Duration.ofHours(1);

    TokenEndpoint(PlatformSimulator sim) {
        this.sim = sim;
    }

    void handle(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            Exchanges.text(exchange, 405, "POST only");
            return;
        }
        Map<String, String> form = Exchanges.form(new String(Exchanges.body(exchange), StandardCharsets.UTF_8));
        try {
            ToolClient client = authenticate(form.get("grant_type"), form.get("client_assertion_type"), form.get("client_assertion"));
            Set<String> scopes = scopes(form.get("scope"), client);
            String value = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
            issued.put(value, new IssuedToken(value, client.clientId(), scopes, Instant.now().plus(lifetime)));
            grants.add(Set.copyOf(scopes));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("access_token", value);
            answer.put("token_type", "Bearer");
            answer.put("expires_in", lifetime.toSeconds());
            answer.put("scope", String.join(" ", scopes));
            Exchanges.json(exchange, 200, answer);
        } catch (Rejected rejected) {
            rejections.add(rejected.code + ": " + rejected.getMessage());
            Exchanges.json(exchange, 400, Map.of("error", rejected.code, "error_description", rejected.getMessage()));
        }
    }

    private ToolClient authenticate(String grantType, String assertionType, String assertion) throws Rejected {
        if (!"client_credentials".equals(grantType)) {
            throw new Rejected("unsupported_grant_type", "grant_type must be client_credentials");
        }
        if (!JWT_BEARER.equals(assertionType) || assertion == null) {
            throw new Rejected("invalid_request", "a JWT client assertion is required");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException notJwt) {
            throw new Rejected("invalid_client", "the client assertion is not a signed JWT");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new Rejected("invalid_client", "the client assertion must be signed RS256");
        }
        ToolClient client = claims.getIssuer() == null ? null : sim.client(claims.getIssuer());
        if (client == null) {
            throw new Rejected("invalid_client", "unknown client_id in iss");
        }
        verifySignature(jwt, client);
        if (!claims.getIssuer().equals(claims.getSubject())) {
            throw new Rejected("invalid_client", "sub must equal iss, the client_id");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(sim.tokenEndpoint().toString())) {
            throw new Rejected("invalid_client", "aud must be the token endpoint");
        }
        Instant now = Instant.now();
        if (claims.getExpirationTime() == null || claims.getIssueTime() == null) {
            throw new Rejected("invalid_client", "exp and iat are required");
        }
        Instant exp = claims.getExpirationTime().toInstant();
        Instant iat = claims.getIssueTime().toInstant();
        if (!exp.isAfter(now)) {
            throw new Rejected("invalid_client", "the client assertion has expired");
        }
        if (Duration.between(iat, exp).compareTo(MAX_ASSERTION_LIFETIME) > 0
                || Duration.between(now, exp).compareTo(MAX_ASSERTION_LIFETIME.plusSeconds(5)) > 0) {
            throw new Rejected("invalid_client", "the client assertion lives longer than 5 minutes");
        }
        String jti = claims.getJWTID();
        if (jti == null || !jtis.add(jti)) {
            throw new Rejected("invalid_client", "jti missing or already used");
        }
        return client;
    }

    private void verifySignature(SignedJWT jwt, ToolClient client) throws Rejected {
        JWKSet keys = client.toolKeys() != null ? client.toolKeys() : fetch(client.toolJwksUrl());
        JWK key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        if (!(key instanceof RSAKey rsa)) {
            throw new Rejected("invalid_client", "no RSA key in the tool's JWKS has the assertion's kid");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(rsa.toRSAPublicKey()))) {
                throw new Rejected("invalid_client", "the client assertion's signature does not verify");
            }
        } catch (JOSEException unusable) {
            throw new Rejected("invalid_client", "the tool's key cannot verify: " + unusable.getMessage());
        }
    }

    private JWKSet fetch(URI jwksUrl) throws Rejected {
        if (jwksUrl == null) {
            throw new Rejected("invalid_client", "the simulator knows no keys of this tool");
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(jwksUrl).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new Rejected("invalid_client", "the tool's JWKS answered " + response.statusCode());
            }
            return JWKSet.parse(response.body());
        } catch (IOException | ParseException unreadable) {
            throw new Rejected("invalid_client", "the tool's JWKS cannot be read");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Rejected("invalid_client", "interrupted");
        }
    }

    private static Set<String> scopes(String requested, ToolClient client) throws Rejected {
        Set<String> scopes = requested == null ? Set.of()
                : Arrays.stream(requested.trim().split("\\s+")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        if (scopes.isEmpty() || !client.scopes().containsAll(scopes)) {
            throw new Rejected("invalid_scope", "scopes missing or not granted to this client");
        }
        return scopes;
    }

    /**
     * Whether the request carries a live token with one of the scopes; if not, the 401 or 403
     * (RFC 6750 §3.1) has been answered.
     */
    boolean authorize(HttpExchange exchange, String... acceptableScopes) throws IOException {
        String value = Exchanges.bearer(exchange);
        IssuedToken token = value == null ? null : issued.get(value);
        if (token == null || !Instant.now().isBefore(token.expiresAt())) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            Exchanges.json(exchange, 401, Map.of("error", "invalid_token"));
            return false;
        }
        if (Collections.disjoint(token.scopes(), List.of(acceptableScopes))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
            Exchanges.json(exchange, 403, Map.of("error", "insufficient_scope"));
            return false;
        }
        return true;
    }

    void expireAll() {
        Instant past = Instant.now().minusSeconds(1);
        issued.replaceAll((value, token) -> new IssuedToken(value, token.clientId(), token.scopes(), past));
    }

    void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    int issuedCount() {
        return issued.size();
    }

    List<Set<String>> grants() {
        return List.copyOf(grants);
    }

    List<String> rejections() {
        return List.copyOf(rejections);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return bytes;
    }

    void close() {
        http.close();
    }
}
