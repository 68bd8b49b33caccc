package org.bilim.lti.launch;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a login: where to send the browser, and what the server must keep.
 *
 * @param location      the platform's authorization endpoint with the authentication request
 *                      (Security Framework 1.0, §5.1.1.2)
 * @param pending       the login to keep on the server and bind to the browser by its state
 * @param storageTarget the frame the platform offered for storage ({@code lti_storage_target}), if
 *                      it did: the browser then also keeps the state and nonce there, through
 *                      {@code lti.put_data} postMessages (see {@link PlatformStorage}), for a launch
 *                      whose third-party frame never got the cookie back
 */
public record LoginRedirect(URI location, PendingLogin pending, Optional<String> storageTarget) {

    public LoginRedirect {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(storageTarget, "storageTarget");
    }

    /** Whether the platform offered client-side storage for this login. */
    public boolean platformStorageOffered() {
        return storageTarget.isPresent();
    }

    /** The location holds the state and nonce: not for logs. */
    @Override
    public String toString() {
        return "LoginRedirect[" + pending + ", platformStorage=" + platformStorageOffered() + "]";
    }
}
