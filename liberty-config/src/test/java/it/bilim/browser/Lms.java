package it.bilim.browser;

import static org.assertj.core.api.Assertions.assertThat;

import it.bilim.support.Api;
import it.bilim.support.ItServer;
import it.bilim.support.World;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.bilim.lti.sim.PlatformSimulator;
import org.bilim.lti.sim.SimMember;

/** A university's LMS for the browser tests: the platform simulator, connected to Bilim by the administrator's API. */
final class Lms {
    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

    private Lms() {
    }

    /** A running LMS of this university, registered by an administrator (so active at once). */
    static PlatformSimulator registered(long university) throws IOException {
        String tool = ItServer.url();
        PlatformSimulator lms = PlatformSimulator.builder().clientId(World.unique("client-")).deploymentId(World.unique("deployment-"))
                .toolRedirectUri(URI.create(tool + "/api/lti/launch")).toolTargetLinkUri(URI.create(tool + "/"))
                .toolJwksUrl(URI.create(tool + "/api/lti/jwks")).start();
        Api.Response r = World.admin().post("/api/staff/lti/registrations", Api.object("universityId", university, "issuer", lms.issuer(),
                "clientId", lms.clientId(), "deploymentIds", List.of(lms.deploymentId()),
                "authorizationEndpoint", lms.authorizationEndpoint().toString(), "tokenEndpoint", lms.tokenEndpoint().toString(),
                "jwksUrl", lms.jwksUri().toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return lms;
    }

    /**
     * From now on the LMS launches this instructor with a Deep Linking request (its activity
     * chooser, in Russian), accepting one item or several.
     */
    @SuppressWarnings("unchecked")
    static void deepLinking(PlatformSimulator lms, String name, boolean acceptMultiple) {
        String sub = World.unique("teacher-");
        lms.launchWith(request -> {
            Map<String, Object> claims = lms.deepLinkingMessageFor(request.nonce());
            claims.put("sub", sub);
            claims.put("name", name);
            claims.put("given_name", name.split(" ")[0]);
            claims.put("family_name", name.split(" ")[1]);
            claims.put(LTI + "roles", List.of(SimMember.INSTRUCTOR));
            claims.put(LTI + "launch_presentation", Map.of("document_target", "iframe", "locale", "ru"));
            ((Map<String, Object>) claims.get(DL + "deep_linking_settings")).put("accept_multiple", acceptMultiple);
            return claims;
        });
    }

    /** The LMS's course page, with Bilim in a frame (and a link to open it in a new window). */
    static URI coursePage(PlatformSimulator lms) {
        return lms.coursePageUri(URI.create(ItServer.url() + "/api/lti/login"));
    }

    /** The LMS's login initiation itself, for a launch in the browser's own window. */
    static URI login(PlatformSimulator lms) {
        return lms.loginInitiationUri(URI.create(ItServer.url() + "/api/lti/login"));
    }
}
