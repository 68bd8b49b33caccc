package org.bilim.lti.launch;

import org.bilim.lti.registration.PlatformRegistration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformStorageTest {

    private static final PendingLogin LOGIN = new PendingLogin("state-A", "nonce-A", 7, Instant.parse("2026-11-23T12:10:00Z"));

    private static PlatformRegistration registration(String authorizationEndpoint) {
        return new PlatformRegistration(7, "https://canvas.instructure.com", "client", Set.of("d"), URI.create(authorizationEndpoint),
                URI.create("https://sso.canvaslms.com/login/oauth2/token"), URI.create("https://sso.canvaslms.com/api/lti/security/jwks"),
                PlatformRegistration.State.ACTIVE);
    }

    @ParameterizedTest
    @CsvSource({
            "https://sso.canvaslms.com/api/lti/authorize_redirect, https://sso.canvaslms.com",
            "https://SSO.Canvaslms.com:443/auth?x=1, https://sso.canvaslms.com",
            "https://moodle.kaznu.kz:8443/mod/lti/auth.php, https://moodle.kaznu.kz:8443",
            "http://localhost:8080/auth, http://localhost:8080",
            "http://127.0.0.1:80/auth, http://127.0.0.1"})
    void messagesGoToTheOriginOfTheAuthorizationEndpointAsABrowserWritesIt(String endpoint, String origin) {
        // Not the issuer: Canvas's issuer is canvas.instructure.com, its storage frame lives on the authorization host.
        assertThat(PlatformStorage.platformOrigin(registration(endpoint))).isEqualTo(origin);
    }

    @Test
    void theStateAndNonceAreKeptUnderTheKeysTheGuideNames() {
        PlatformStorage.Entries entries = PlatformStorage.entries(LOGIN, "post_message_forwarding",
                registration("https://sso.canvaslms.com/api/lti/authorize_redirect"));

        assertThat(entries.platformOrigin()).isEqualTo("https://sso.canvaslms.com");
        assertThat(entries.target()).isEqualTo("post_message_forwarding");
        assertThat(entries.stateKey()).isEqualTo("state_state-A");
        assertThat(entries.state()).isEqualTo("state-A");
        assertThat(entries.nonceKey()).isEqualTo("nonce_nonce-A");
        assertThat(entries.nonce()).isEqualTo("nonce-A");
        assertThat(entries.toString()).doesNotContain("state-A").doesNotContain("nonce-A");
    }

    @ParameterizedTest
    @ValueSource(strings = {"_parent", "lti_storage_frame", "post_message_forwarding", "frame-1.a:b"})
    void plainFrameNamesAreTargets(String name) {
        assertThat(PlatformStorage.storageTarget(name)).contains(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x');alert(1)//", "a b", "<frame>", "\"x\"",
            "a-name-that-is-far-too-long-to-be-a-frame-name-anyone-would-give-honestly"})
    void anythingElseIsNoTarget(String name) {
        assertThat(PlatformStorage.storageTarget(name)).isEmpty();
        assertThatThrownBy(() -> PlatformStorage.entries(LOGIN, name, registration("https://lms.example/auth")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noTargetOfferedIsNoTarget() {
        assertThat(PlatformStorage.storageTarget(null)).isEmpty();
    }

    @Test
    void onlyThisLoginsStateAndNonceTogetherProveIt() {
        assertThat(PlatformStorage.proves(LOGIN, "state-A", "nonce-A")).isTrue();

        assertThat(PlatformStorage.proves(LOGIN, "state-B", "nonce-A")).as("another login's state").isFalse();
        assertThat(PlatformStorage.proves(LOGIN, "state-A", "nonce-B")).as("another login's nonce").isFalse();
        assertThat(PlatformStorage.proves(LOGIN, "state-A", null)).as("no nonce read back").isFalse();
        assertThat(PlatformStorage.proves(LOGIN, null, "nonce-A")).as("no state read back").isFalse();
        assertThat(PlatformStorage.proves(LOGIN, "", "")).as("empty answers").isFalse();
        assertThat(PlatformStorage.proves(LOGIN, "state-A ", "nonce-A")).as("not exactly").isFalse();
        assertThat(PlatformStorage.proves(null, "state-A", "nonce-A")).as("no login").isFalse();
    }
}
