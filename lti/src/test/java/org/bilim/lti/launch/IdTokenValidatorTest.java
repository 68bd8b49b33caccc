package org.bilim.lti.launch;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import org.bilim.lti.registration.PlatformRegistration;
import org.bilim.lti.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bilim.lti.launch.LaunchClaims.LTI;

/** What the fixtures cannot show: the parsed launch, and rules that need more than one registration or key. */
class IdTokenValidatorTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final TestPlatform platform = new TestPlatform();
    private final List<PlatformRegistration> registered = new ArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private JwksSource jwks;
    private final PendingLogin login = new PendingLogin("state-1", "nonce-1", TestPlatform.REGISTRATION_ID, NOW.plusSeconds(300));

    private IdTokenValidator validator() {
        if (registered.isEmpty()) {
            registered.add(platform.registration(PlatformRegistration.State.ACTIVE));
        }
        JwksSource source = jwks != null ? jwks : platform.jwks();
        JwksSource counted = url -> {
            fetches.incrementAndGet();
            return source.fetch(url);
        };
        return new IdTokenValidator(issuer -> registered.stream().filter(r -> r.issuer().equals(issuer)).toList(),
                new PlatformKeys(counted, clock, Duration.ofMinutes(1), Duration.ofDays(1)), new InMemoryNonceStore(), clock,
                IdTokenValidator.Settings.defaults());
    }

    private static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", TestPlatform.ISSUER);
        claims.put("aud", TestPlatform.CLIENT_ID);
        claims.put("sub", "user-1");
        claims.put("exp", NOW.getEpochSecond() + 300);
        claims.put("iat", NOW.getEpochSecond());
        claims.put("nonce", "nonce-1");
        claims.put(LTI + "message_type", "LtiResourceLinkRequest");
        claims.put(LTI + "version", "1.3.0");
        claims.put(LTI + "deployment_id", TestPlatform.DEPLOYMENT_ID);
        claims.put(LTI + "target_link_uri", TestPlatform.TARGET_LINK_URI);
        claims.put(LTI + "resource_link", Map.of("id", "rl-1"));
        claims.put(LTI + "roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"));
        return claims;
    }

    @Test
    void everyClaimBilimUsesIsParsed() {
        Map<String, Object> claims = claims();
        claims.put("name", "Aigerim Nurlanovna");
        claims.put("given_name", "Aigerim");
        claims.put("family_name", "Nurlanovna");
        claims.put("email", "aigerim@lms.example.edu");
        claims.put("locale", "kk-KZ");
        claims.put(LTI + "resource_link", Map.of("id", "rl-1", "title", "Unit 3", "description", "Verbs"));
        claims.put(LTI + "context", Map.of("id", "c-1", "label", "KAZ101", "title", "Kazakh", "type", List.of("CourseOffering")));
        claims.put(LTI + "launch_presentation", Map.of("document_target", "iframe", "return_url", "https://lms.example.edu/back", "locale", "ru"));
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("unit", "3");
        custom.put("attempts", 2);
        custom.put("strict", true);
        custom.put("levels", List.of("a", "b"));
        custom.put("nothing", null);
        claims.put(LTI + "custom", custom);
        claims.put(LaunchClaims.AGS, Map.of("scope", List.of("https://purl.imsglobal.org/spec/lti-ags/scope/score"),
                "lineitems", "https://lms.example.edu/li", "lineitem", "https://lms.example.edu/li/1"));
        claims.put(LaunchClaims.NRPS, Map.of("context_memberships_url", "https://lms.example.edu/members", "service_versions", List.of("2.0")));

        LtiLaunch launch = validator().validate(platform.sign(claims), "state-1", login);

        assertThat(launch.deploymentId()).isEqualTo(TestPlatform.DEPLOYMENT_ID);
        assertThat(launch.messageType()).isEqualTo(LtiLaunch.MessageType.RESOURCE_LINK);
        assertThat(launch.user()).isEqualTo(new LtiLaunch.User("user-1", java.util.Optional.of("Aigerim Nurlanovna"),
                java.util.Optional.of("Aigerim"), java.util.Optional.of("Nurlanovna"), java.util.Optional.of("aigerim@lms.example.edu"),
                java.util.Optional.of("kk-KZ")));
        assertThat(launch.roles().isLearner()).isTrue();
        assertThat(launch.context()).get().satisfies(c -> {
            assertThat(c.id()).isEqualTo("c-1");
            assertThat(c.label()).contains("KAZ101");
            assertThat(c.title()).contains("Kazakh");
            assertThat(c.types()).containsExactly("CourseOffering");
        });
        assertThat(launch.resourceLink()).get().satisfies(r -> {
            assertThat(r.id()).isEqualTo("rl-1");
            assertThat(r.title()).contains("Unit 3");
            assertThat(r.description()).contains("Verbs");
        });
        assertThat(launch.targetLinkUri()).contains(TestPlatform.TARGET_LINK_URI);
        assertThat(launch.launchPresentation()).get().satisfies(p -> {
            assertThat(p.documentTarget()).contains("iframe");
            assertThat(p.returnUrl()).contains("https://lms.example.edu/back");
            assertThat(p.locale()).contains("ru");
        });
        assertThat(launch.custom()).containsExactlyInAnyOrderEntriesOf(Map.of("unit", "3", "attempts", "2", "strict", "true", "levels", "[\"a\",\"b\"]"));
        assertThat(launch.ags()).get().satisfies(a -> {
            assertThat(a.scopes()).containsExactly("https://purl.imsglobal.org/spec/lti-ags/scope/score");
            assertThat(a.lineItems()).contains("https://lms.example.edu/li");
            assertThat(a.lineItem()).contains("https://lms.example.edu/li/1");
        });
        assertThat(launch.nrps()).get().satisfies(n -> {
            assertThat(n.contextMembershipsUrl()).isEqualTo("https://lms.example.edu/members");
            assertThat(n.serviceVersions()).containsExactly("2.0");
        });
        assertThat(launch.deepLinking()).isEmpty();
    }

    @Test
    void theDeepLinkingSettingsAreParsedWithTheirDataKeptExactly() {
        Map<String, Object> claims = claims();
        claims.put(LTI + "message_type", "LtiDeepLinkingRequest");
        claims.remove(LTI + "resource_link");
        claims.put(LaunchClaims.DEEP_LINKING_SETTINGS, Map.of("deep_link_return_url", TestPlatform.RETURN_URL,
                "accept_types", List.of("ltiResourceLink", "link"), "accept_presentation_document_targets", List.of("iframe"),
                "accept_lineitem", true, "title", "Pick a course", "data", "op=é&x=\"1\""));

        LtiLaunch launch = validator().validate(platform.sign(claims), "state-1", login);

        assertThat(launch.deepLinking()).get().satisfies(s -> {
            assertThat(s.returnUrl()).isEqualTo(URI.create(TestPlatform.RETURN_URL));
            assertThat(s.acceptTypes()).containsExactly("ltiResourceLink", "link");
            assertThat(s.acceptPresentationTargets()).containsExactly("iframe");
            assertThat(s.acceptMultiple()).as("absent means no").isFalse();
            assertThat(s.acceptLineItem()).contains(true);
            assertThat(s.autoCreate()).isFalse();
            assertThat(s.title()).contains("Pick a course");
            assertThat(s.data()).contains("op=é&x=\"1\"");
        });
    }

    @Test
    void issuersAreComparedExactlyWhateverTheLookupsCollation() {
        registered.add(platform.registration(PlatformRegistration.State.ACTIVE));
        IdTokenValidator sloppy = new IdTokenValidator(issuer -> registered, new PlatformKeys(platform.jwks(), clock,
                Duration.ofMinutes(1), Duration.ofDays(1)), new InMemoryNonceStore(), clock, IdTokenValidator.Settings.defaults());
        Map<String, Object> claims = claims();
        claims.put("iss", TestPlatform.ISSUER.toUpperCase());

        assertRefused(sloppy, platform.sign(claims), LaunchFailure.Reason.UNKNOWN_ISSUER);
    }

    @Test
    void withSeveralRegistrationsForOneIssuerTheLoginsRegistrationIsTheOneChecked() {
        registered.add(platform.registration(PlatformRegistration.State.ACTIVE));
        registered.add(new PlatformRegistration(8, TestPlatform.ISSUER, "bilim-client-2", Set.of("dep-9"), URI.create(TestPlatform.ISSUER + "/auth"),
                URI.create(TestPlatform.ISSUER + "/token"), TestPlatform.JWKS_URL, PlatformRegistration.State.ACTIVE));
        PendingLogin second = new PendingLogin("state-1", "nonce-1", 8, NOW.plusSeconds(300));
        Map<String, Object> claims = claims();
        claims.put("aud", "bilim-client-2");
        claims.put(LTI + "deployment_id", "dep-9");
        IdTokenValidator validator = validator();

        assertThat(validator.validate(platform.sign(claims), "state-1", second).registration().id()).isEqualTo(8);
        assertRefused(validator, platform.sign(claims()), second, LaunchFailure.Reason.AUDIENCE_MISMATCH);
    }

    @Test
    void aTokenFromAnotherIssuerThanTheLoginsIsRefused() {
        registered.add(platform.registration(PlatformRegistration.State.ACTIVE));
        registered.add(new PlatformRegistration(9, "https://other-lms.example.org", "x", Set.of("d"), URI.create("https://other-lms.example.org/a"),
                URI.create("https://other-lms.example.org/t"), URI.create("https://other-lms.example.org/jwks"), PlatformRegistration.State.ACTIVE));
        PendingLogin forOther = new PendingLogin("state-1", "nonce-1", 9, NOW.plusSeconds(300));

        assertRefused(validator(), platform.sign(claims()), forOther, LaunchFailure.Reason.LOGIN_MISMATCH);
    }

    @Test
    void aBrowserThatStartedNoLoginIsRefused() {
        assertRefused(validator(), platform.sign(claims()), null, LaunchFailure.Reason.STATE_MISMATCH);
    }

    @Test
    void unknownKidsWithinTheRefetchIntervalFailClosedWithoutAskingThePlatformAgain() {
        IdTokenValidator validator = validator();
        validator.validate(platform.sign(claims()), "state-1", login);
        String forged = platform.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("forged").build(),
                JSONObjectUtils.toJSONString(claims()), platform.rsa);

        for (int i = 0; i < 50; i++) {
            assertRefused(validator, forged, LaunchFailure.Reason.KID_UNKNOWN);
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aKeyOnTheWrongCurveOrTooShortIsUnsuitable() throws Exception {
        ECKey p384 = new ECKeyGenerator(Curve.P_384).keyID("p384").generate();
        RSAKey weak = new RSAKeyGenerator(1024, true).keyID("weak").generate();
        jwks = url -> new JWKSet(List.<JWK>of(p384.toPublicJWK(), weak.toPublicJWK()));
        IdTokenValidator validator = validator();
        String payload = JSONObjectUtils.toJSONString(claims());

        assertRefused(validator, platform.sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("p384").build(), payload, platform.ec),
                LaunchFailure.Reason.KEY_UNSUITABLE);
        assertRefused(validator, platform.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("weak").build(), payload, weak),
                LaunchFailure.Reason.KEY_UNSUITABLE);
    }

    @Test
    void aRefusedLaunchDoesNotSpendItsNonce() {
        IdTokenValidator validator = validator();
        Map<String, Object> broken = claims();
        broken.remove(LTI + "roles");
        assertRefused(validator, platform.sign(broken), LaunchFailure.Reason.ROLES_MISSING);

        assertThat(validator.validate(platform.sign(claims()), "state-1", login)).isNotNull();
    }

    @Test
    void aFailureHasAStableCodeAndNamesItsRule() {
        Map<String, Object> claims = claims();
        claims.remove(LTI + "version");

        assertThatThrownBy(() -> validator().validate(platform.sign(claims), "state-1", login))
                .isInstanceOfSatisfying(LaunchFailure.class, f -> {
                    assertThat(f.code()).isEqualTo("lti.launch.VERSION_MISSING");
                    assertThat(f.reason().rule()).contains("LTI Core 1.3 §5.3.2");
                });
    }

    @Test
    void aControlCharacterInAKidDoesNotReachTheLog() {
        String forged = platform.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("evil\nINFO forged entry").build(),
                JSONObjectUtils.toJSONString(claims()), platform.rsa);

        assertThatThrownBy(() -> validator().validate(forged, "state-1", login)).hasMessageNotContaining("\n");
    }

    private void assertRefused(IdTokenValidator validator, String token, LaunchFailure.Reason reason) {
        assertRefused(validator, token, login, reason);
    }

    private static void assertRefused(IdTokenValidator validator, String token, PendingLogin login, LaunchFailure.Reason reason) {
        assertThatThrownBy(() -> validator.validate(token, "state-1", login))
                .isInstanceOfSatisfying(LaunchFailure.class, f -> assertThat(f.reason()).as(f.getMessage()).isEqualTo(reason));
    }
}
