package org.bilim.lti.launch;

import java.time.Instant;
import java.util.Objects;

/**
 * A login Bilim started and is waiting to see come back as a launch: what the server keeps
 * between {@link LoginInitiation} and {@link IdTokenValidator}.
 *
 * <p>The {@code state} is bound to the browser (a cookie, or the platform's storage frame when the
 * platform offered {@code lti_storage_target}); the rest is kept on the server under that state.
 * At the launch the server hands the pending login the browser proves back to the validator.
 *
 * @param state          the OAuth {@code state}, bound to the browser
 * @param nonce          the nonce the {@code id_token} must carry
 * @param registrationId the registration the login was started for
 * @param expires        after this the login is void
 */
public record PendingLogin(String state, String nonce, long registrationId, Instant expires) {

    public PendingLogin {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(expires, "expires");
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }

    /** No state or nonce in logs. */
    @Override
    public String toString() {
        return "PendingLogin[registrationId=" + registrationId + ", expires=" + expires + "]";
    }
}
