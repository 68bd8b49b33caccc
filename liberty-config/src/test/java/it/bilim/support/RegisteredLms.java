package it.bilim.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.bilim.lti.sim.PlatformSimulator;

/** A platform simulator that knows the test server as its tool, registered in Bilim by the administrator (ACTIVE at once). */
public final class RegisteredLms {
    private RegisteredLms() {
    }

    /** Starts the simulator the builder describes, with a fresh client and deployment, and registers it for the university. */
    public static PlatformSimulator start(PlatformSimulator.Builder builder, long universityId) throws IOException {
        String tool = ItServer.url();
        PlatformSimulator lms = builder.clientId(World.unique("client-")).deploymentId(World.unique("deployment-"))
                .toolRedirectUri(URI.create(tool + "/api/lti/launch")).toolTargetLinkUri(URI.create(tool + "/"))
                .toolJwksUrl(URI.create(tool + "/api/lti/jwks")).start();
        Api.Response r = World.admin().post("/api/staff/lti/registrations", Api.object("universityId", universityId,
                "issuer", lms.issuer(), "clientId", lms.clientId(), "deploymentIds", List.of(lms.deploymentId()),
                "authorizationEndpoint", lms.authorizationEndpoint().toString(), "tokenEndpoint", lms.tokenEndpoint().toString(),
                "jwksUrl", lms.jwksUri().toString()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return lms;
    }
}
