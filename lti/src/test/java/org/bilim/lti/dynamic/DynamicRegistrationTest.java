package org.bilim.lti.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.bilim.lti.dynamic.DynamicRegistrationException.Problem;
import org.bilim.lti.http.Allowlist;
import org.bilim.lti.http.BearerToken;
import org.bilim.lti.http.LtiHttp;
import org.bilim.lti.http.ServiceException;
import org.bilim.lti.registration.PlatformRegistration;
import org.bilim.lti.services.LtiScopes;
import org.bilim.lti.sim.Endpoint;
import org.bilim.lti.sim.PlatformSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamicRegistrationTest {

    private static final ToolDescription BILIM = new ToolDescription("Bilim", Map.of("kk", "Білім", "ru", "Билим"),
            "Courses for learners in custody", URI.create("https://bilim.example/lti/login"),
            List.of(URI.create("https://bilim.example/lti/launch"), URI.create("https://bilim.example/lti/deep-linking")),
            URI.create("https://bilim.example/lti/jwks"), URI.create("https://bilim.example/lti/launch"),
            URI.create("https://bilim.example/lti/deep-linking"), URI.create("https://bilim.example/logo.svg"),
            List.of("iss", "sub", "name", "given_name", "family_name"));

    private final List<URI> refused = new CopyOnWriteArrayList<>();
    private PlatformSimulator lms;
    private LtiHttp http;
    private DynamicRegistration registration;

    @BeforeEach
    void start() throws IOException {
        lms = PlatformSimulator.builder().product("moodle", "4.5.2").start();
        // No platform is registered yet: only the administrator's approval opens the way.
        http = new LtiHttp(Allowlist.none(), (uri, why) -> refused.add(uri),
                LtiHttp.Settings.defaults().withLoopbackHttp().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2)));
        registration = new DynamicRegistration(http, BILIM);
    }

    @AfterEach
    void stop() {
        http.close();
        lms.close();
    }

    private RegistrationApproval approved() {
        return new RegistrationApproval(lms.openIdConfigurationUrl());
    }

    @Test
    void registersBilimAndReturnsAPendingRegistration() throws DynamicRegistrationException {
        lms.requireRegistrationToken("one-time-registration-token");

        RegistrationResult result = registration.register(approved(), new BearerToken("one-time-registration-token"));

        PlatformRegistration pending = result.registration();
        assertThat(pending.state()).isEqualTo(PlatformRegistration.State.PENDING);
        assertThat(pending.id()).isZero();
        assertThat(pending.issuer()).isEqualTo(lms.issuer());
        assertThat(pending.clientId()).isEqualTo("registered-client-1");
        assertThat(pending.deploymentIds()).containsExactly("registered-deployment-1");
        assertThat(pending.authorizationEndpoint()).isEqualTo(lms.authorizationEndpoint());
        assertThat(pending.tokenEndpoint()).isEqualTo(lms.tokenEndpoint());
        assertThat(pending.jwksUrl()).isEqualTo(lms.jwksUri());
        assertThat(result.productFamilyCode()).isEqualTo("moodle");
        assertThat(result.platformVersion()).isEqualTo("4.5.2");
        assertThat(result.grantedScopes()).containsExactlyInAnyOrderElementsOf(LtiScopes.ALL);
        assertThat(result.warnings()).isEmpty();
        assertThat(lms.client("registered-client-1")).as("the platform now knows Bilim").isNotNull();
    }

    @Test
    void sendsTheClientRegistrationTheSpecificationDescribes() throws DynamicRegistrationException {
        registration.register(approved(), null);

        JsonNode sent = lms.registrationRequests().getFirst();
        assertThat(sent.path("application_type").asText()).isEqualTo("web");
        assertThat(sent.path("response_types")).extracting(JsonNode::asText).containsExactly("id_token");
        assertThat(sent.path("grant_types")).extracting(JsonNode::asText).containsExactly("implicit", "client_credentials");
        assertThat(sent.path("initiate_login_uri").asText()).isEqualTo("https://bilim.example/lti/login");
        assertThat(sent.path("redirect_uris")).extracting(JsonNode::asText)
                .containsExactly("https://bilim.example/lti/launch", "https://bilim.example/lti/deep-linking");
        assertThat(sent.path("client_name").asText()).isEqualTo("Bilim");
        assertThat(sent.path("client_name#kk").asText()).isEqualTo("Білім");
        assertThat(sent.path("jwks_uri").asText()).isEqualTo("https://bilim.example/lti/jwks");
        assertThat(sent.path("logo_uri").asText()).isEqualTo("https://bilim.example/logo.svg");
        assertThat(sent.path("token_endpoint_auth_method").asText()).isEqualTo("private_key_jwt");
        assertThat(sent.path("scope").asText().split(" ")).containsExactlyInAnyOrderElementsOf(LtiScopes.ALL);
        JsonNode tool = sent.path("https://purl.imsglobal.org/spec/lti-tool-configuration");
        assertThat(tool.path("domain").asText()).isEqualTo("bilim.example");
        assertThat(tool.path("target_link_uri").asText()).isEqualTo("https://bilim.example/lti/launch");
        assertThat(tool.path("description").asText()).isEqualTo("Courses for learners in custody");
        assertThat(tool.path("claims")).extracting(JsonNode::asText).contains("iss", "sub");
        assertThat(tool.path("messages")).extracting(message -> message.path("type").asText())
                .containsExactly("LtiResourceLinkRequest", "LtiDeepLinkingRequest");
        assertThat(tool.path("messages").get(1).path("target_link_uri").asText()).isEqualTo("https://bilim.example/lti/deep-linking");
        assertThat(lms.requests(Endpoint.REGISTRATION).getFirst().hadBearer()).isFalse();
    }

    @Test
    void refusesAConfigurationWhoseIssuerDoesNotCoverItsUrl() {
        lms.editOpenIdConfiguration(config -> config.put("issuer", "http://127.0.0.1:1"));

        DynamicRegistrationException failed = catchThrowableOfType(DynamicRegistrationException.class, () -> registration.register(approved(), null));

        assertThat(failed.problem()).isEqualTo(Problem.ISSUER_MISMATCH);
        assertThat(lms.requests(Endpoint.REGISTRATION)).isEmpty();
    }

    @Test
    void anIssuerThatIsOnlyAStringPrefixDoesNotCoverTheUrl() {
        // http://127.0.0.1:4 is a prefix of http://127.0.0.1:4xxxx/.well-known/… but not its origin.
        String port = Integer.toString(lms.baseUri().getPort());
        lms.editOpenIdConfiguration(config -> config.put("issuer", "http://127.0.0.1:" + port.charAt(0)));

        DynamicRegistrationException failed = catchThrowableOfType(DynamicRegistrationException.class, () -> registration.register(approved(), null));

        assertThat(failed.problem()).isEqualTo(Problem.ISSUER_MISMATCH);
    }

    @Test
    void refusesAnIssuerThatIsNotHttps() throws IOException {
        LtiHttp strict = new LtiHttp(Allowlist.none(), (uri, why) -> refused.add(uri), LtiHttp.Settings.defaults());
        lms.editOpenIdConfiguration(config -> config.put("issuer", "http://lms.university.example"));

        // Without loopback http the simulator cannot even be read: the scheme rule comes first.
        DynamicRegistrationException unreadable = catchThrowableOfType(DynamicRegistrationException.class,
                () -> new DynamicRegistration(strict, BILIM).register(approved(), null));
        DynamicRegistrationException plainIssuer = catchThrowableOfType(DynamicRegistrationException.class,
                () -> registration.register(approved(), null));

        assertThat(unreadable.problem()).isEqualTo(Problem.CONFIGURATION_UNREACHABLE);
        assertThat(plainIssuer.problem()).isEqualTo(Problem.ISSUER_NOT_HTTPS);
        strict.close();
    }

    @Test
    void refusesAConfigurationWithoutARegistrationEndpoint() {
        lms.editOpenIdConfiguration(config -> config.remove("registration_endpoint"));

        DynamicRegistrationException failed = catchThrowableOfType(DynamicRegistrationException.class, () -> registration.register(approved(), null));

        assertThat(failed.problem()).isEqualTo(Problem.MISSING_ENDPOINT);
        assertThat(failed.getMessage()).contains("registration_endpoint");
    }

    @Test
    void refusesAPlatformWithoutPrivateKeyJwt() {
        lms.editOpenIdConfiguration(config -> config.putArray("token_endpoint_auth_methods_supported").add("client_secret_basic"));

        DynamicRegistrationException failed = catchThrowableOfType(DynamicRegistrationException.class, () -> registration.register(approved(), null));

        assertThat(failed.problem()).isEqualTo(Problem.UNSUPPORTED_PLATFORM);
    }

    @Test
    void registersWithoutTheServicesAndMessagesThePlatformLacksAndSaysSo() throws DynamicRegistrationException {
        lms.editOpenIdConfiguration(config -> {
            config.putArray("scopes_supported").add("openid").add(LtiScopes.SCORE);
            ((ObjectNode) config.get("https://purl.imsglobal.org/spec/lti-platform-configuration"))
                    .putArray("messages_supported").addObject().put("type", "LtiResourceLinkRequest");
        });

        RegistrationResult result = registration.register(approved(), null);

        JsonNode sent = lms.registrationRequests().getFirst();
        assertThat(sent.path("scope").asText()).isEqualTo(LtiScopes.SCORE);
        assertThat(sent.path("https://purl.imsglobal.org/spec/lti-tool-configuration").path("messages")).hasSize(1);
        assertThat(result.warnings()).hasSize(4).anyMatch(warning -> warning.contains("Deep Linking"));
    }

    @Test
    void aRegistrationEndpointOnAnotherOriginIsNotReached() throws IOException {
        try (PlatformSimulator elsewhere = PlatformSimulator.start()) {
            lms.editOpenIdConfiguration(config -> config.put("registration_endpoint", elsewhere.registrationEndpoint().toString()));

            DynamicRegistrationException failed = catchThrowableOfType(DynamicRegistrationException.class,
                    () -> registration.register(approved(), null));

            assertThat(failed.problem()).isEqualTo(Problem.REGISTRATION_REJECTED);
            assertThat(failed.getCause()).isInstanceOfSatisfying(ServiceException.class,
                    cause -> assertThat(cause.reason()).isEqualTo(ServiceException.Reason.REFUSED));
            assertThat(elsewhere.requests()).isEmpty();
            assertThat(refused).containsExactly(elsewhere.registrationEndpoint());
        }
    }

    @Test
    void theApprovalLastsForOneRegistrationOnly() throws DynamicRegistrationException {
        registration.register(approved(), null);

        assertThat(catchThrowableOfType(ServiceException.class, () -> http.fetchJwks(lms.jwksUri())).reason())
                .isEqualTo(ServiceException.Reason.REFUSED);
    }

    @Test
    void aRejectedRegistrationTokenIsReportedWithoutTheToken() {
        lms.requireRegistrationToken("the-right-token");

        DynamicRegistrationException failed = catchThrowableOfType(DynamicRegistrationException.class,
                () -> registration.register(approved(), new BearerToken("a-wrong-token-value")));

        assertThat(failed.problem()).isEqualTo(Problem.REGISTRATION_REJECTED);
        assertThat(failed.getMessage()).contains("401").doesNotContain("a-wrong-token-value");
    }

    @Test
    void aResponseWithoutClientIdIsInvalid() {
        lms.editRegistrationResponse(answer -> answer.remove("client_id"));

        DynamicRegistrationException failed = catchThrowableOfType(DynamicRegistrationException.class, () -> registration.register(approved(), null));

        assertThat(failed.problem()).isEqualTo(Problem.REGISTRATION_RESPONSE_INVALID);
    }

    @Test
    void aResponseWithoutDeploymentIdLeavesItToTheAdministrator() throws DynamicRegistrationException {
        lms.editRegistrationResponse(answer -> ((ObjectNode) answer
                .get("https://purl.imsglobal.org/spec/lti-tool-configuration")).remove("deployment_id"));

        RegistrationResult result = registration.register(approved(), null);

        assertThat(result.registration().deploymentIds()).isEmpty();
        assertThat(result.warnings()).anyMatch(warning -> warning.contains("deployment id"));
    }
}
