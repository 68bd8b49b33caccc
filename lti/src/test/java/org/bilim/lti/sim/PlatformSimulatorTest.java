package org.bilim.lti.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator behaves as the platform it claims to be; the server's tests rely on that. */
class PlatformSimulatorTest {

    private static final URI LAUNCH = URI.create("https://bilim.example/lti/launch");

    private final HttpClient browser = HttpClient.newHttpClient();
    private RSAKey toolKey;
    private PlatformSimulator lms;

    @BeforeEach
    void start() throws Exception {
        toolKey = new RSAKeyGenerator(2048).keyID("tool-key").generate();
        lms = PlatformSimulator.builder().toolKeys(new JWKSet(toolKey.toPublicJWK())).toolRedirectUri(LAUNCH).start();
    }

    @AfterEach
    void stop() {
        browser.close();
        lms.close();
    }

    private Map<String, String> authenticationRequest(String nonce) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("scope", "openid");
        parameters.put("response_type", "id_token");
        parameters.put("response_mode", "form_post");
        parameters.put("prompt", "none");
        parameters.put("client_id", lms.clientId());
        parameters.put("redirect_uri", LAUNCH.toString());
        parameters.put("login_hint", "learner-1");
        parameters.put("state", "state-123");
        parameters.put("nonce", nonce);
        return parameters;
    }

    private HttpResponse<String> get(URI uri, Map<String, String> parameters) throws IOException, InterruptedException {
        String query = parameters.entrySet().stream()
                .map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create(uri + "?" + query)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(URI uri, Map<String, String> fields) throws IOException, InterruptedException {
        String form = fields.entrySet().stream()
                .map(p -> URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as("form field " + name).isTrue();
        return matcher.group(1);
    }

    @Test
    void answersALaunchWithAFormThatPostsASignedIdTokenToTheTool() throws Exception {
        HttpResponse<String> page = get(lms.authorizationEndpoint(), authenticationRequest("nonce-1"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("action=\"" + LAUNCH + "\"").contains("document.forms[0].submit()");
        assertThat(field(page.body(), "state")).isEqualTo("state-123");
        SignedJWT idToken = SignedJWT.parse(field(page.body(), "id_token"));
        RSAKey platformKey = (RSAKey) JWKSet.parse(get(lms.jwksUri(), Map.of()).body()).getKeyByKeyId(idToken.getHeader().getKeyID());
        assertThat(idToken.verify(new RSASSAVerifier(platformKey))).isTrue();
        JWTClaimsSet claims = idToken.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(lms.issuer());
        assertThat(claims.getAudience()).containsExactly(lms.clientId());
        assertThat(claims.getStringClaim("nonce")).isEqualTo("nonce-1");
        assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/message_type")).isEqualTo("LtiResourceLinkRequest");
        assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/deployment_id")).isEqualTo(lms.deploymentId());
        assertThat(claims.getJSONObjectClaim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"))
                .containsEntry("lineitems", lms.lineItemsUrl().toString());
    }

    @Test
    void launchesWhatTheTestAskedFor() throws Exception {
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("https://purl.imsglobal.org/spec/lti/claim/roles", List.of(SimMember.INSTRUCTOR));
        overrides.put("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice", null);
        lms.launchWith(overrides);

        JWTClaimsSet claims = SignedJWT.parse(field(get(lms.authorizationEndpoint(), authenticationRequest("n")).body(), "id_token"))
                .getJWTClaimsSet();

        assertThat(claims.getStringListClaim("https://purl.imsglobal.org/spec/lti/claim/roles")).containsExactly(SimMember.INSTRUCTOR);
        assertThat(claims.getClaims()).doesNotContainKey("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice");
    }

    @Test
    void aCoursePageFramesTheToolsLoginAndLinksToItInANewWindow() throws Exception {
        URI toolLogin = URI.create("https://bilim.example/api/lti/login");
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(lms.coursePageUri(toolLogin)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        Matcher frame = Pattern.compile("<iframe title=\"Bilim\" src=\"([^\"]+)\"").matcher(page.body());
        assertThat(frame.find()).as(page.body()).isTrue();
        String start = frame.group(1).replace("&amp;", "&");
        assertThat(page.body()).contains("href=\"" + frame.group(1) + "\" target=\"_blank\"");
        URI login = URI.create(start);
        assertThat(login.getPath()).isEqualTo(toolLogin.getPath());
        Map<String, String> query = Exchanges.query(login);
        assertThat(query).containsEntry("iss", lms.issuer()).containsEntry("client_id", lms.clientId())
                .containsEntry("lti_deployment_id", lms.deploymentId()).containsEntry("target_link_uri", "https://bilim.example/lti/launch")
                .containsKeys("login_hint", "lti_message_hint");
        assertThat(login.getRawQuery()).doesNotContain("+");

        HttpResponse<String> script = browser.send(HttpRequest.newBuilder(URI.create(lms.baseUri() + "/course?login=javascript:alert(1)"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(400);
    }

    @Test
    void withPlatformStorageTheCoursePageOffersItsStorageFrameToTheToolsOriginOnly() throws Exception {
        try (PlatformSimulator storing = PlatformSimulator.builder().host("localhost").platformStorage("lti_storage_frame").start()) {
            assertThat(storing.issuer()).startsWith("http://localhost:");
            URI toolLogin = URI.create("http://127.0.0.1:9080/api/lti/login");
            assertThat(Exchanges.query(storing.loginInitiationUri(toolLogin))).containsEntry("lti_storage_target", "lti_storage_frame");

            String page = browser.send(HttpRequest.newBuilder(URI.create(storing.coursePageUri(toolLogin).toString()
                    .replace("localhost", "127.0.0.1"))).build(), HttpResponse.BodyHandlers.ofString()).body();
            // The storage frame is on the simulator's (the authorization endpoint's) origin, named as offered, and told the tool's origin.
            assertThat(page).contains("<iframe name=\"lti_storage_frame\" title=\"LMS storage\" src=\"/storage?tool=http%3A%2F%2F127.0.0.1%3A9080\" hidden");
            // The course page names the frame in its capabilities and keeps nothing itself.
            assertThat(page).contains("FRAME = 'lti_storage_frame', STORES = false")
                    .contains("data-src=\"").contains("subject: 'lti.put_data', frame: FRAME");

            String frame = browser.send(HttpRequest.newBuilder(URI.create(storing.baseUri().toString().replace("localhost", "127.0.0.1")
                    + "/storage?tool=http%3A%2F%2F127.0.0.1%3A9080")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(frame).contains("TOOL = 'http://127.0.0.1:9080'").contains("STORES = true")
                    .contains("error('wrong_origin'").contains("m.subject + '.response', message_id: m.message_id");
            assertThat(browser.send(HttpRequest.newBuilder(URI.create(storing.baseUri().toString().replace("localhost", "127.0.0.1")
                    + "/storage?tool=javascript:x")).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
        }
        // Without it, nothing changes: no lti_storage_target, no storage frame.
        URI toolLogin = URI.create("https://bilim.example/api/lti/login");
        assertThat(Exchanges.query(lms.loginInitiationUri(toolLogin))).doesNotContainKey("lti_storage_target");
        assertThat(get(URI.create(lms.baseUri() + "/storage"), Map.of("tool", "https://bilim.example")).statusCode()).isEqualTo(400);
    }

    @Test
    void refusesAnAuthenticationRequestWithoutNonceOrWithAnUnregisteredRedirect() throws Exception {
        Map<String, String> noNonce = authenticationRequest("x");
        noNonce.remove("nonce");
        Map<String, String> elsewhere = authenticationRequest("x");
        elsewhere.put("redirect_uri", "https://attacker.example/steal");

        assertThat(get(lms.authorizationEndpoint(), noNonce).statusCode()).isEqualTo(400);
        assertThat(postForm(lms.authorizationEndpoint(), elsewhere).statusCode()).isEqualTo(400);
        assertThat(lms.authorizationRejections()).containsExactly("nonce is required", "redirect_uri missing or not registered");
    }

    @Test
    void mintsIdTokensWithItsCurrentKeyAndKeepsOrDropsOldKeysOnRotation() throws Exception {
        String before = lms.idToken(lms.messageFor("n"));
        String oldKid = lms.currentKey().getKeyID();

        lms.rotateKeys(true);
        assertThat(lms.publicKeys().getKeys()).hasSize(2);
        assertThat(SignedJWT.parse(lms.idToken(Map.of("sub", "x"))).getHeader().getKeyID()).isEqualTo(lms.currentKey().getKeyID()).isNotEqualTo(oldKid);

        lms.rotateKeys(false);
        assertThat(lms.publicKeys().getKeyByKeyId(SignedJWT.parse(before).getHeader().getKeyID())).isNull();
    }

    @Test
    void deepLinkingLaunchesPointBackToTheReturnUrlWhichRecordsWhatTheToolPosts() throws Exception {
        Map<String, Object> message = lms.deepLinkingMessageFor("n");
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) message.get("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings");
        String response = signedByTool(new JWTClaimsSet.Builder().issuer(lms.clientId()).audience(lms.issuer())
                .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiDeepLinkingResponse").build());

        HttpResponse<String> answer = postForm(URI.create((String) settings.get("deep_link_return_url")), Map.of("JWT", response));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(lms.deepLinkingReturns()).singleElement()
                .satisfies(returned -> assertThat(returned.claims()).containsEntry("iss", lms.clientId()));
    }

    @Test
    void theTokenEndpointRefusesReplayedWronglyAddressedAndLongLivedAssertions() throws Exception {
        String assertion = assertion(lms.tokenEndpoint().toString(), Instant.now().plusSeconds(300));
        String wrongAudience = assertion("https://other.example/token", Instant.now().plusSeconds(300));
        String tooLong = assertion(lms.tokenEndpoint().toString(), Instant.now().plusSeconds(3600));

        assertThat(token(assertion).statusCode()).isEqualTo(200);
        assertThat(token(assertion).statusCode()).isEqualTo(400);
        assertThat(token(wrongAudience).statusCode()).isEqualTo(400);
        assertThat(token(tooLong).statusCode()).isEqualTo(400);
        assertThat(lms.tokenRejections()).containsExactly("invalid_client: jti missing or already used",
                "invalid_client: aud must be the token endpoint", "invalid_client: the client assertion lives longer than 5 minutes");
    }

    @Test
    void fetchesTheToolsKeysFromItsJwksUrl() throws Exception {
        HttpServer toolJwks = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        byte[] keys = new JWKSet(toolKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        toolJwks.createContext("/jwks", exchange -> {
            exchange.sendResponseHeaders(200, keys.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(keys);
            }
        });
        toolJwks.start();
        try {
            lms.useToolJwksUrl(URI.create("http://127.0.0.1:" + toolJwks.getAddress().getPort() + "/jwks"));

            HttpResponse<String> answer = token(assertion(lms.tokenEndpoint().toString(), Instant.now().plusSeconds(60)));

            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode token = Exchanges.JSON.readTree(answer.body());
            assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
            assertThat(token.path("expires_in").asLong()).isEqualTo(3600);
        } finally {
            toolJwks.stop(0);
        }
    }

    private HttpResponse<String> token(String assertion) throws IOException, InterruptedException {
        return postForm(lms.tokenEndpoint(), Map.of("grant_type", "client_credentials", "client_assertion_type", TokenEndpoint.JWT_BEARER,
                "client_assertion", assertion, "scope", Scopes.SCORE));
    }

    private String assertion(String audience, Instant expiry) throws JOSEException {
        Instant now = Instant.now();
        return signedByTool(new JWTClaimsSet.Builder().issuer(lms.clientId()).subject(lms.clientId()).audience(audience)
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now)).expirationTime(Date.from(expiry)).build());
    }

    private String signedByTool(JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(toolKey.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(toolKey));
        return jwt.serialize();
    }
}
