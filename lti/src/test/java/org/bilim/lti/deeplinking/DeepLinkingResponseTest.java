package org.bilim.lti.deeplinking;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.bilim.lti.keys.ToolKeys;
import org.bilim.lti.launch.DeepLinkingSettings;
import org.bilim.lti.launch.LtiLaunch;
import org.bilim.lti.launch.Roles;
import org.bilim.lti.registration.PlatformRegistration;
import org.bilim.lti.testing.InMemoryToolKeyStore;
import org.bilim.lti.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeepLinkingResponseTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final String ISSUER = "https://lms.example.edu";
    private static final String CLIENT_ID = "bilim-client-1";
    private static final URI RETURN_URL = URI.create(ISSUER + "/deep_linking/return?ctx=1");
    private static final String DATA = "csrf:7b75 é&x=\"1\"+%2F";

    private final MutableClock clock = new MutableClock(NOW);
    private final ToolKeys keys = new ToolKeys(new InMemoryToolKeyStore(), clock, Duration.ofDays(1));
    private final DeepLinkingResponse response = new DeepLinkingResponse(keys, clock);

    private static final LtiResourceLinkItem COURSE = new LtiResourceLinkItem(Optional.of(URI.create("https://bilim.example.kz/lti/courses/42")),
            Optional.of("Kazakh for beginners"), Optional.of("Twelve units, with audio"), Map.of("course", "42"),
            Optional.of(new LineItem(100, Optional.of("Kazakh: final test"), Optional.of("course-42-final"), Optional.of("final"))));

    private static LtiLaunch deepLinkingLaunch(List<String> acceptTypes, boolean acceptMultiple, Optional<String> data) {
        PlatformRegistration registration = new PlatformRegistration(7, ISSUER, CLIENT_ID, Set.of("dep-1"), URI.create(ISSUER + "/auth"),
                URI.create(ISSUER + "/token"), URI.create(ISSUER + "/jwks"), PlatformRegistration.State.ACTIVE);
        DeepLinkingSettings settings = new DeepLinkingSettings(RETURN_URL, acceptTypes, List.of("iframe"), acceptMultiple, Optional.empty(),
                false, Optional.empty(), Optional.empty(), data);
        return new LtiLaunch(registration, "dep-1", LtiLaunch.MessageType.DEEP_LINKING, user(),
                new Roles(List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor")), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.of(settings));
    }

    private static LtiLaunch.User user() {
        return new LtiLaunch.User("teacher-1", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Verifies the JWT as a platform would: with Bilim's published JWKS, through Nimbus, RS256 only. */
    private JWTClaimsSet verifiedByPlatform(String jwt) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(JWKSet.parse(keys.publicJwks()))));
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        return processor.process(jwt, null);
    }

    @Test
    void theResponseVerifiesWithBilimsPublishedKeysAndCarriesWhatSection45Requires() throws Exception {
        DeepLinkingForm form = response.respond(deepLinkingLaunch(List.of("ltiResourceLink"), false, Optional.of(DATA)),
                DeepLinkingReply.of(List.of(COURSE)));

        JWTClaimsSet claims = verifiedByPlatform(form.jwt());
        SignedJWT jwt = SignedJWT.parse(form.jwt());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(keys.signingKey().kid());
        assertThat(claims.getIssuer()).isEqualTo(CLIENT_ID);
        assertThat(claims.getAudience()).containsExactly(ISSUER);
        assertThat(claims.getClaim("azp")).isNull();
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(NOW));
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.plus(Duration.ofMinutes(5))));
        assertThat(claims.getStringClaim("nonce")).matches("[A-Za-z0-9_-]{43}");
        assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/deployment_id")).isEqualTo("dep-1");
        assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/message_type")).isEqualTo("LtiDeepLinkingResponse");
        assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti/claim/version")).isEqualTo("1.3.0");
        assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti-dl/claim/data")).isEqualTo(DATA);
        assertThat(form.action()).isEqualTo(RETURN_URL);
        assertThat(DeepLinkingForm.FIELD).isEqualTo("JWT");
    }

    @Test
    void aResourceLinkItemIsSentWithItsLineItemAndNothingItDoesNotHave() throws Exception {
        LtiResourceLinkItem bare = new LtiResourceLinkItem(Optional.empty(), Optional.of("Russian A1"), Optional.empty(), Map.of(),
                Optional.empty());
        DeepLinkingForm form = response.respond(deepLinkingLaunch(List.of("ltiResourceLink"), true, Optional.empty()),
                DeepLinkingReply.of(List.of(COURSE, bare)));

        List<Object> items = verifiedByPlatform(form.jwt()).getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items");
        assertThat(items).containsExactly(
                Map.of("type", "ltiResourceLink", "url", "https://bilim.example.kz/lti/courses/42", "title", "Kazakh for beginners",
                        "text", "Twelve units, with audio", "custom", Map.of("course", "42"),
                        "lineItem", Map.of("scoreMaximum", 100L, "label", "Kazakh: final test", "resourceId", "course-42-final", "tag", "final")),
                Map.of("type", "ltiResourceLink", "title", "Russian A1"));
    }

    @Test
    void noDataIsSentWhenThePlatformGaveNone() throws Exception {
        DeepLinkingForm form = response.respond(deepLinkingLaunch(List.of("ltiResourceLink"), false, Optional.empty()),
                DeepLinkingReply.of(List.of(COURSE)));

        assertThat(verifiedByPlatform(form.jwt()).getClaims()).doesNotContainKey("https://purl.imsglobal.org/spec/lti-dl/claim/data");
    }

    @Test
    void aCancelledChoiceIsAnEmptyListOfItemsWithItsMessages() throws Exception {
        DeepLinkingReply cancelled = new DeepLinkingReply(List.of(), Optional.of("Nothing was added"), Optional.of("cancelled by user"),
                Optional.empty(), Optional.empty());

        JWTClaimsSet claims = verifiedByPlatform(response.respond(deepLinkingLaunch(List.of("ltiResourceLink"), false, Optional.empty()),
                cancelled).jwt());

        assertThat(claims.getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items")).isEmpty();
        assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti-dl/claim/msg")).isEqualTo("Nothing was added");
        assertThat(claims.getStringClaim("https://purl.imsglobal.org/spec/lti-dl/claim/log")).isEqualTo("cancelled by user");
        assertThat(claims.getClaims()).doesNotContainKeys("https://purl.imsglobal.org/spec/lti-dl/claim/errormsg",
                "https://purl.imsglobal.org/spec/lti-dl/claim/errorlog");
    }

    @Test
    void anItemOfATypeThePlatformDoesNotAcceptIsRefused() {
        assertRefused(deepLinkingLaunch(List.of("link", "file"), true, Optional.empty()), List.of(COURSE),
                DeepLinkingRefused.Reason.TYPE_NOT_ACCEPTED);
    }

    @Test
    void severalItemsAreRefusedUnlessThePlatformAcceptsMultiple() {
        assertRefused(deepLinkingLaunch(List.of("ltiResourceLink"), false, Optional.empty()), List.of(COURSE, COURSE),
                DeepLinkingRefused.Reason.MULTIPLE_NOT_ACCEPTED);
        assertThat(response.respond(deepLinkingLaunch(List.of("ltiResourceLink"), true, Optional.empty()),
                DeepLinkingReply.of(List.of(COURSE, COURSE)))).isNotNull();
    }

    @Test
    void aResourceLinkLaunchCannotBeAnsweredWithDeepLinking() {
        PlatformRegistration registration = deepLinkingLaunch(List.of(), false, Optional.empty()).registration();
        LtiLaunch launch = new LtiLaunch(registration, "dep-1", LtiLaunch.MessageType.RESOURCE_LINK, user(), new Roles(List.of()),
                Optional.empty(), Optional.of(new LtiLaunch.ResourceLink("rl-1", Optional.empty(), Optional.empty())), Optional.empty(),
                Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty());

        assertRefused(launch, List.of(COURSE), DeepLinkingRefused.Reason.NOT_A_DEEP_LINKING_LAUNCH);
    }

    @Test
    void eachResponseHasItsOwnNonceAndTheKeyThatSignsNow() throws Exception {
        LtiLaunch launch = deepLinkingLaunch(List.of("ltiResourceLink"), false, Optional.empty());
        String first = response.respond(launch, DeepLinkingReply.of(List.of(COURSE))).jwt();
        keys.rotate();
        clock.advance(Duration.ofDays(1));
        String second = response.respond(launch, DeepLinkingReply.of(List.of(COURSE))).jwt();

        assertThat(verifiedByPlatform(first).getStringClaim("nonce")).isNotEqualTo(verifiedByPlatform(second).getStringClaim("nonce"));
        assertThat(SignedJWT.parse(second).getHeader().getKeyID()).isEqualTo(keys.signingKey().kid())
                .isNotEqualTo(SignedJWT.parse(first).getHeader().getKeyID());
    }

    @Test
    void aLineItemNeedsAPositiveMaximum() {
        assertThatThrownBy(() -> new LineItem(0, Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LineItem(Double.NaN, Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertRefused(LtiLaunch launch, List<ContentItem> items, DeepLinkingRefused.Reason reason) {
        assertThatThrownBy(() -> response.respond(launch, DeepLinkingReply.of(items)))
                .isInstanceOfSatisfying(DeepLinkingRefused.class, r -> {
                    assertThat(r.reason()).isEqualTo(reason);
                    assertThat(r.code()).isEqualTo("lti.deep-linking." + reason.name());
                });
    }
}
