package org.bilim.lti.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.bilim.lti.registration.PlatformRegistration;
import org.junit.jupiter.api.Test;

class RegistrationAllowlistTest {

    private static PlatformRegistration moodle(PlatformRegistration.State state) {
        return new PlatformRegistration(7, "https://moodle.university.example", "client-1", Set.of("1"),
                URI.create("https://moodle.university.example/mod/lti/auth.php"), URI.create("https://moodle.university.example/mod/lti/token.php"),
                URI.create("https://moodle.university.example/mod/lti/certs.php"), state);
    }

    @Test
    void allowsTheOriginsOfAnActiveRegistration() {
        Allowlist allowlist = new RegistrationAllowlist(List.of(moodle(PlatformRegistration.State.ACTIVE)), List.of());

        assertThat(allowlist.allows(URI.create("https://moodle.university.example/mod/lti/services.php/2/lineitems?type_id=2"))).isTrue();
        assertThat(allowlist.allows(URI.create("https://MOODLE.university.example:443/anything"))).isTrue();
    }

    @Test
    void comparesSchemeHostAndPortExactly() {
        Allowlist allowlist = new RegistrationAllowlist(List.of(moodle(PlatformRegistration.State.ACTIVE)), List.of());

        assertThat(allowlist.allows(URI.create("https://moodle.university.example:8443/admin"))).isFalse();
        assertThat(allowlist.allows(URI.create("http://moodle.university.example/mod/lti/token.php"))).isFalse();
        assertThat(allowlist.allows(URI.create("https://university.example/"))).isFalse();
        assertThat(allowlist.allows(URI.create("https://moodle.university.example.attacker.example/"))).isFalse();
        assertThat(allowlist.allows(URI.create("https://169.254.169.254/latest/meta-data/"))).isFalse();
    }

    @Test
    void ignoresRegistrationsThatAreNotActive() {
        Allowlist allowlist = new RegistrationAllowlist(
                List.of(moodle(PlatformRegistration.State.PENDING), moodle(PlatformRegistration.State.DISABLED)), List.of());

        assertThat(allowlist.allows(URI.create("https://moodle.university.example/mod/lti/token.php"))).isFalse();
    }

    @Test
    void allowsOriginsAnAdministratorApproved() {
        Origin canvasServices = Origin.of(URI.create("https://university.instructure.example"));
        Allowlist allowlist = new RegistrationAllowlist(List.of(), List.of(canvasServices));

        assertThat(allowlist.allows(URI.create("https://university.instructure.example/api/lti/courses/1/line_items"))).isTrue();
        assertThat(allowlist.allows(URI.create("https://other.instructure.example/api/lti/courses/1/line_items"))).isFalse();
    }

    @Test
    void knowsLoopbackFromTheLiteralAlone() {
        assertThat(Origin.of(URI.create("http://127.0.0.1:8080/")).isLoopback()).isTrue();
        assertThat(Origin.of(URI.create("http://[::1]:8080/")).isLoopback()).isTrue();
        assertThat(Origin.of(URI.create("http://localhost/")).isLoopback()).isTrue();
        assertThat(Origin.of(URI.create("http://127.0.0.1.nip.example/")).isLoopback()).isFalse();
        assertThat(Origin.of(URI.create("http://10.0.0.1/")).isLoopback()).isFalse();
    }
}
