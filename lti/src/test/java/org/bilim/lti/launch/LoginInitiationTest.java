package org.bilim.lti.launch;

import org.bilim.lti.registration.PlatformRegistration;
import org.bilim.lti.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginInitiationTest {

    private static final String ISSUER = "https://lms.example.edu";
    private static final URI REDIRECT = URI.create("https://bilim.example.kz/lti/launch");
    private static final String TARGET = "https://bilim.example.kz/lti/courses/42";
    private static final String ODD = "a+b&c=d%20e/f é #?~*'\"\n;ü€😀";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final List<PlatformRegistration> registered = new ArrayList<>();
    private final LoginSettings settings = new LoginSettings(REDIRECT, URI.create("https://bilim.example.kz/lti/"), Duration.ofMinutes(5));
    private final LoginInitiation login = new LoginInitiation(issuer -> registered.stream().filter(r -> r.issuer().equals(issuer)).toList(),
            settings, clock);

    private static PlatformRegistration registration(long id, String issuer, String clientId, PlatformRegistration.State state) {
        return new PlatformRegistration(id, issuer, clientId, Set.of("dep-1"), URI.create(issuer + "/auth"),
                URI.create(issuer + "/token"), URI.create(issuer + "/jwks"), state);
    }

    private static LoginRequest request(String hint, String messageHint) {
        return new LoginRequest(ISSUER, hint, TARGET, messageHint, null, null, null);
    }

    @Test
    void theAuthenticationRequestCarriesWhatSecurityFramework5112Requires() {
        registered.add(registration(7, ISSUER, "bilim-client", PlatformRegistration.State.ACTIVE));

        LoginRedirect redirect = login.start(request("user-1", "link-9"));

        URI location = redirect.location();
        assertThat(location.getScheme() + "://" + location.getHost() + location.getPath()).isEqualTo(ISSUER + "/auth");
        Map<String, String> query = formDecoded(location, s -> URLDecoder.decode(s, StandardCharsets.UTF_8));
        assertThat(query).containsExactly(
                Map.entry("scope", "openid"),
                Map.entry("response_type", "id_token"),
                Map.entry("response_mode", "form_post"),
                Map.entry("prompt", "none"),
                Map.entry("client_id", "bilim-client"),
                Map.entry("redirect_uri", REDIRECT.toString()),
                Map.entry("login_hint", "user-1"),
                Map.entry("lti_message_hint", "link-9"),
                Map.entry("state", redirect.pending().state()),
                Map.entry("nonce", redirect.pending().nonce()));
        assertThat(redirect.pending().registrationId()).isEqualTo(7);
        assertThat(redirect.pending().expires()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(redirect.platformStorageOffered()).isFalse();
    }

    @Test
    void hintsComeBackExactlyWhateverCharactersTheyHoldAndWhicheverWayTheyAreDecoded() {
        registered.add(registration(7, ISSUER, "bilim-client", PlatformRegistration.State.ACTIVE));

        URI location = login.start(request(ODD, "msg " + ODD)).location();

        assertThat(location.getRawQuery()).doesNotContain(" ", "+");
        for (Function<String, String> decoder : List.<Function<String, String>>of(
                s -> URLDecoder.decode(s, StandardCharsets.UTF_8), LoginInitiationTest::percentDecoded)) {
            Map<String, String> query = formDecoded(location, decoder);
            assertThat(query.get("login_hint")).isEqualTo(ODD);
            assertThat(query.get("lti_message_hint")).isEqualTo("msg " + ODD);
        }
    }

    @Test
    void noMessageHintIsSentWhenThePlatformGaveNone() {
        registered.add(registration(7, ISSUER, "bilim-client", PlatformRegistration.State.ACTIVE));

        URI location = login.start(request("user-1", null)).location();

        assertThat(formDecoded(location, s -> URLDecoder.decode(s, StandardCharsets.UTF_8))).doesNotContainKey("lti_message_hint");
    }

    @Test
    void aQueryTheAuthorizationEndpointAlreadyHasIsKept() {
        URI endpoint = URI.create("https://lms.example.edu/auth?tenant=a%26b");

        URI location = LoginInitiation.withQuery(endpoint, Map.of("state", "s"));

        assertThat(location.toString()).isEqualTo("https://lms.example.edu/auth?tenant=a%26b&state=s");
    }

    @Test
    void stateAndNonceAreUnguessableAndNeverRepeat() {
        registered.add(registration(7, ISSUER, "bilim-client", PlatformRegistration.State.ACTIVE));
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < 1_000; i++) {
            PendingLogin pending = login.start(request("user-1", null)).pending();
            for (String value : List.of(pending.state(), pending.nonce())) {
                assertThat(value).matches("[A-Za-z0-9_-]{43}");
                assertThat(seen.add(value)).as("a repeated value").isTrue();
            }
        }
    }

    @Test
    void thePlatformsStorageFrameIsRecordedWhenOffered() {
        registered.add(registration(7, ISSUER, "bilim-client", PlatformRegistration.State.ACTIVE));

        LoginRedirect redirect = login.start(new LoginRequest(ISSUER, "u", TARGET, null, null, null, "_parent"));

        assertThat(redirect.platformStorageOffered()).isTrue();
        assertThat(redirect.storageTarget()).contains("_parent");
    }

    @Test
    void aStorageFrameNameThatIsNotAPlainNameIsIgnoredNotRefused() {
        registered.add(registration(7, ISSUER, "bilim-client", PlatformRegistration.State.ACTIVE));

        LoginRedirect redirect = login.start(new LoginRequest(ISSUER, "u", TARGET, null, null, null, "x');alert(1)//"));

        assertThat(redirect.platformStorageOffered()).isFalse();
    }

    @Test
    void requiredParametersAreRequired() {
        registered.add(registration(7, ISSUER, "bilim-client", PlatformRegistration.State.ACTIVE));

        assertRefused(new LoginRequest(null, "u", TARGET, null, null, null, null), LoginRefused.Reason.ISSUER_MISSING);
        assertRefused(new LoginRequest(ISSUER, null, TARGET, null, null, null, null), LoginRefused.Reason.LOGIN_HINT_MISSING);
        assertRefused(new LoginRequest(ISSUER, " ", TARGET, null, null, null, null), LoginRefused.Reason.LOGIN_HINT_MISSING);
        assertRefused(new LoginRequest(ISSUER, "u", null, null, null, null, null), LoginRefused.Reason.TARGET_LINK_URI_MISSING);
    }

    @Test
    void anUnknownIssuerIsRefusedAndIssuersAreComparedExactly() {
        registered.add(registration(7, ISSUER, "bilim-client", PlatformRegistration.State.ACTIVE));
        LoginInitiation sloppy = new LoginInitiation(issuer -> registered, settings, clock);

        assertRefused(new LoginRequest("https://other.example", "u", TARGET, null, null, null, null), LoginRefused.Reason.UNKNOWN_ISSUER);
        assertThatThrownBy(() -> sloppy.start(new LoginRequest(ISSUER.toUpperCase(), "u", TARGET, null, null, null, null)))
                .as("a lookup that ignores case does not make issuers match").isInstanceOf(LoginRefused.class)
                .extracting(e -> ((LoginRefused) e).reason()).isEqualTo(LoginRefused.Reason.UNKNOWN_ISSUER);
    }

    @Test
    void anIssuerWithSeveralRegistrationsNeedsAClientId() {
        registered.add(registration(7, ISSUER, "client-a", PlatformRegistration.State.ACTIVE));
        registered.add(registration(8, ISSUER, "client-b", PlatformRegistration.State.ACTIVE));

        assertRefused(request("u", null), LoginRefused.Reason.AMBIGUOUS_ISSUER);
        assertRefused(new LoginRequest(ISSUER, "u", TARGET, null, "client-c", null, null), LoginRefused.Reason.UNKNOWN_CLIENT);
        assertThat(login.start(new LoginRequest(ISSUER, "u", TARGET, null, "client-b", null, null)).pending().registrationId()).isEqualTo(8);
    }

    @Test
    void aRegistrationThatIsNotActiveLaunchesNothing() {
        registered.add(registration(7, ISSUER, "client-a", PlatformRegistration.State.PENDING));
        registered.add(registration(8, "https://disabled.example", "client-b", PlatformRegistration.State.DISABLED));

        assertRefused(request("u", null), LoginRefused.Reason.REGISTRATION_NOT_ACTIVE);
        assertRefused(new LoginRequest("https://disabled.example", "u", TARGET, null, null, null, null),
                LoginRefused.Reason.REGISTRATION_NOT_ACTIVE);
    }

    @Test
    void aDeploymentHintMustBeOneOfTheRegistrations() {
        registered.add(registration(7, ISSUER, "bilim-client", PlatformRegistration.State.ACTIVE));

        assertRefused(new LoginRequest(ISSUER, "u", TARGET, null, null, "dep-2", null), LoginRefused.Reason.UNKNOWN_DEPLOYMENT);
        assertThat(login.start(new LoginRequest(ISSUER, "u", TARGET, null, null, "dep-1", null))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://evil.example/lti/courses/42",
            "https://bilim.example.kz.evil.example/lti/",
            "https://bilim.example.kz@evil.example/lti/",
            "https://user@bilim.example.kz/lti/",
            "http://bilim.example.kz/lti/courses/42",
            "https://bilim.example.kz:8443/lti/courses/42",
            "https://bilim.example.kz/admin",
            "https://bilim.example.kz/ltifake/",
            "https://bilim.example.kz/lti/../admin",
            "https://bilim.example.kz/lti/%2e%2e/admin",
            "https://bilim.example.kz/lti/..%2Fadmin",
            "/lti/courses/42",
            "javascript:alert(1)",
            "https://bilim.example.kz/lti/ space"})
    void aTargetLinkUriOutsideBilimIsRefused(String target) {
        registered.add(registration(7, ISSUER, "bilim-client", PlatformRegistration.State.ACTIVE));

        assertRefused(new LoginRequest(ISSUER, "u", target, null, null, null, null), LoginRefused.Reason.FOREIGN_TARGET_LINK_URI);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://bilim.example.kz/lti/", "https://BILIM.example.kz:443/lti/courses/42?x=1", "https://bilim.example.kz/lti"})
    void aTargetLinkUriInsideBilimIsAccepted(String target) {
        registered.add(registration(7, ISSUER, "bilim-client", PlatformRegistration.State.ACTIVE));

        assertThat(login.start(new LoginRequest(ISSUER, "u", target, null, null, null, null)).location()).isNotNull();
    }

    @Test
    void aRepeatedParameterIsRefusedAndAnEmptyOneIsAbsent() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        parameters.put("iss", List.of(ISSUER));
        parameters.put("login_hint", List.of("a", "b"));

        assertThatThrownBy(() -> LoginRequest.fromParameters(parameters)).isInstanceOf(LoginRefused.class)
                .extracting(e -> ((LoginRefused) e).reason()).isEqualTo(LoginRefused.Reason.PARAMETER_REPEATED);

        parameters.put("login_hint", List.of("a"));
        parameters.put("lti_message_hint", List.of(""));
        LoginRequest request = LoginRequest.fromParameters(parameters);
        assertThat(request.loginHint()).isEqualTo("a");
        assertThat(request.ltiMessageHint()).isNull();
    }

    @Test
    void theRedirectDoesNotPrintItsStateOrNonce() {
        registered.add(registration(7, ISSUER, "bilim-client", PlatformRegistration.State.ACTIVE));

        LoginRedirect redirect = login.start(request("user-1", null));

        assertThat(redirect.toString()).doesNotContain(redirect.pending().state(), redirect.pending().nonce());
    }

    private void assertRefused(LoginRequest request, LoginRefused.Reason reason) {
        assertThatThrownBy(() -> login.start(request)).isInstanceOf(LoginRefused.class)
                .satisfies(e -> {
                    assertThat(((LoginRefused) e).reason()).isEqualTo(reason);
                    assertThat(((LoginRefused) e).code()).isEqualTo("lti.login." + reason.name());
                });
    }

    private static Map<String, String> formDecoded(URI location, Function<String, String> decoder) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(decoder.apply(pair.substring(0, eq)), decoder.apply(pair.substring(eq + 1)));
        }
        return query;
    }

    /** RFC 3986 percent-decoding, which (unlike form decoding) leaves '+' alone. */
    private static String percentDecoded(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
