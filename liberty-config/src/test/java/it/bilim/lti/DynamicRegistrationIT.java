package it.bilim.lti;

import static it.bilim.lti.RegistrationUrls.open;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.CourseFixture;
import it.bilim.support.ItServer;
import it.bilim.support.World;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.bilim.lti.sim.PlatformSimulator;
import org.junit.jupiter.api.Test;

/**
 * LTI Dynamic Registration: an administrator invites one LMS; the LMS opens Bilim's registration
 * URL with its configuration and token; Bilim registers itself and the registration waits for an
 * administrator's approval before anything launches. An invitation works once, on its LMS only:
 * a configuration elsewhere is never fetched.
 */
class DynamicRegistrationIT {
    private static final HttpClient BROWSER = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String invite(Api admin, long university, URI lms) {
        Api.Response r = admin.post("/api/staff/lti/invitations", Api.object("universityId", university, "lmsUrl", lms.toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String url = r.json().get("registrationUrl").asText();
        assertThat(url).startsWith(ItServer.url() + "/api/lti/dynamic-registration?invitation=");
        return url;
    }

    private static JsonNode registrationOf(Api admin, String issuer) {
        for (JsonNode r : admin.get("/api/staff/lti/registrations").json()) {
            if (r.get("issuer").asText().equals(issuer)) {
                return r;
            }
        }
        return null;
    }

    @Test
    void anInvitedLmsRegistersItselfAndWaitsForApproval() throws IOException {
        Api admin = World.admin();
        long university = CourseFixture.university(World.unique("Toraighyrov University "));
        try (PlatformSimulator lms = PlatformSimulator.builder().product("moodle", "4.5").start()) {
            lms.requireRegistrationToken("one-time-registration-token");
            String url = invite(admin, university, lms.baseUri());

            HttpResponse<String> page = open(url, lms.openIdConfigurationUrl(), "one-time-registration-token");
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).contains("Bilim is registered").contains("/lti/registration-done.js");
            assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .endsWith("frame-ancestors " + lms.baseUri().getScheme() + "://" + lms.baseUri().getRawAuthority());

            JsonNode request = lms.registrationRequests().getFirst();
            assertThat(request.get("jwks_uri").asText()).isEqualTo(ItServer.url() + "/api/lti/jwks");
            assertThat(request.get("initiate_login_uri").asText()).isEqualTo(ItServer.url() + "/api/lti/login");
            assertThat(request.get("redirect_uris").toString()).contains(ItServer.url() + "/api/lti/launch");
            assertThat(request.get("token_endpoint_auth_method").asText()).isEqualTo("private_key_jwt");

            JsonNode registration = registrationOf(admin, lms.issuer());
            assertThat(registration).isNotNull();
            assertThat(registration.get("state").asText()).isEqualTo("PENDING");
            assertThat(registration.get("madeBy").asText()).isEqualTo("DYNAMIC");
            assertThat(registration.get("universityId").asLong()).isEqualTo(university);
            assertThat(registration.get("clientId").asText()).startsWith("registered-client-");
            assertThat(registration.get("deploymentIds").toString()).contains("registered-deployment-");
            assertThat(registration.get("product").asText()).contains("moodle");

            // Pending: the LMS cannot start a login yet.
            String login = "iss=" + URLEncoder.encode(lms.issuer(), StandardCharsets.UTF_8) + "&login_hint=x&target_link_uri="
                    + URLEncoder.encode(ItServer.url() + "/", StandardCharsets.UTF_8);
            assertThat(get("/api/lti/login?" + login).statusCode()).isEqualTo(400);
            Api.Response approved = admin.put("/api/staff/lti/registrations/" + registration.get("id").asLong() + "/state",
                    Api.object("state", "ACTIVE", "revision", registration.get("revision").asLong()));
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            HttpResponse<String> started = get("/api/lti/login?" + login);
            assertThat(started.statusCode()).isEqualTo(303);
            assertThat(started.headers().firstValue("Location").orElseThrow()).startsWith(lms.authorizationEndpoint().toString());

            // The invitation is spent.
            HttpResponse<String> again = open(url, lms.openIdConfigurationUrl(), "one-time-registration-token");
            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(lms.registrationRequests()).hasSize(1);
            assertThat(admin.get("/api/staff/audit?size=100").body()).contains("lti.registration-requested")
                    .contains("lti.invitation-created").contains("lti.registration-approved");
        }
    }

    @Test
    void aConfigurationOnAnotherOriginIsNeverFetchedAndTheInvitationStaysUsable() throws IOException {
        Api admin = World.admin();
        long university = CourseFixture.university(World.unique("University "));
        try (PlatformSimulator invited = PlatformSimulator.start(); PlatformSimulator elsewhere = PlatformSimulator.start()) {
            String url = invite(admin, university, invited.baseUri());
            HttpResponse<String> refused = open(url, elsewhere.openIdConfigurationUrl(), null);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("lti.configuration-elsewhere");
            assertThat(elsewhere.requests()).isEmpty();
            assertThat(registrationOf(admin, elsewhere.issuer())).isNull();

            // The refusal did not spend the invitation: its own LMS can still use it.
            assertThat(open(url, invited.openIdConfigurationUrl(), null).statusCode()).isEqualTo(200);
            assertThat(registrationOf(admin, invited.issuer())).isNotNull();
        }
    }

    @Test
    void aRegistrationTheLmsRefusesLeavesNothingAndTheInvitationCanBeUsedAgain() throws IOException {
        Api admin = World.admin();
        long university = CourseFixture.university(World.unique("University "));
        try (PlatformSimulator lms = PlatformSimulator.start()) {
            lms.requireRegistrationToken("the-right-token");
            String url = invite(admin, university, lms.baseUri());
            HttpResponse<String> failed = open(url, lms.openIdConfigurationUrl(), "a-wrong-token");
            assertThat(failed.statusCode()).isEqualTo(502);
            assertThat(failed.body()).contains("lti.registration.");
            assertThat(registrationOf(admin, lms.issuer())).isNull();
            assertThat(open(url, lms.openIdConfigurationUrl(), "the-right-token").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void invitationsAreForAdministratorsAndHttpsLmsAddresses() {
        Api admin = World.admin();
        long university = CourseFixture.university(World.unique("University "));
        Api.Response plain = admin.post("/api/staff/lti/invitations", Api.object("universityId", university,
                "lmsUrl", "http://moodle.example.kz"));
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.code()).isEqualTo("lti.url-invalid");
        Api officer = World.create().officer();
        assertThat(officer.post("/api/staff/lti/invitations", Api.object("universityId", university,
                "lmsUrl", "https://moodle.example.kz")).status()).isEqualTo(403);
        assertThat(List.of(admin.get("/api/staff/lti/invitations").status())).containsExactly(200);
    }

    private static HttpResponse<String> get(String path) {
        try {
            return BROWSER.send(HttpRequest.newBuilder(URI.create(ItServer.url() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
