package org.bilim.server.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.bilim.lti.http.Origin;
import org.bilim.lti.registration.PlatformRegistration;
import org.junit.jupiter.api.Test;

/** Which service URLs belong to a platform: its endpoints' origins, its issuer's, and those an administrator added. */
class LtiPlatformTest {
    private static LtiPlatform canvas() {
        return new LtiPlatform(1, "https://canvas.instructure.com", "10000000000001", Set.of("1:abc"),
                URI.create("https://sso.canvaslms.com/api/lti/authorize_redirect"), URI.create("https://sso.canvaslms.com/login/oauth2/token"),
                URI.create("https://sso.canvaslms.com/api/lti/security/jwks"), PlatformRegistration.State.ACTIVE, LtiPlatform.MadeBy.ADMIN, null);
    }

    @Test
    void theEndpointsAndTheIssuerOriginsAreThePlatformsOwn() {
        LtiPlatform p = canvas();
        assertThat(p.owns(URI.create("https://sso.canvaslms.com/anything"))).isTrue();
        assertThat(p.owns(URI.create("https://canvas.instructure.com/api/lti/courses/1/line_items"))).isTrue();
    }

    @Test
    void anotherHostPortOrSchemeIsNot() {
        LtiPlatform p = canvas();
        assertThat(p.owns(URI.create("https://kaznu.instructure.com/api/lti/courses/1/line_items"))).isFalse();
        assertThat(p.owns(URI.create("https://sso.canvaslms.com:8443/api"))).isFalse();
        assertThat(p.owns(URI.create("http://sso.canvaslms.com/api"))).isFalse();
        assertThat(p.owns(URI.create("https://127.0.0.1/api"))).isFalse();
        assertThat(p.owns(URI.create("https://sso.canvaslms.com.evil.example/api"))).isFalse();
    }

    @Test
    void serviceOriginsAnAdministratorNamedAreOwnToo() {
        LtiPlatform p = canvas();
        p.serviceOrigins(List.of(Origin.of(URI.create("https://kaznu.instructure.com"))));
        assertThat(p.owns(URI.create("https://kaznu.instructure.com/api/lti/courses/1/line_items"))).isTrue();
        assertThat(p.serviceOrigins()).containsExactly(new Origin("https", "kaznu.instructure.com", 443));
        p.serviceOrigins(List.of());
        assertThat(p.owns(URI.create("https://kaznu.instructure.com/api/lti/courses/1/line_items"))).isFalse();
    }

    @Test
    void anIssuerThatIsNoUrlNamesNoOrigin() {
        LtiPlatform p = new LtiPlatform(1, "moodle-kaznu", "client", Set.of("1"), URI.create("https://moodle.kaznu.kz/mod/lti/auth.php"),
                URI.create("https://moodle.kaznu.kz/mod/lti/token.php"), URI.create("https://moodle.kaznu.kz/mod/lti/certs.php"),
                PlatformRegistration.State.ACTIVE, LtiPlatform.MadeBy.ADMIN, null);
        assertThat(p.ownOrigins()).containsExactly(new Origin("https", "moodle.kaznu.kz", 443));
    }
}
