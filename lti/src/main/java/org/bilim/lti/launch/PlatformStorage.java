package org.bilim.lti.launch;

import org.bilim.lti.http.Origin;
import org.bilim.lti.registration.PlatformRegistration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tool's side of the platform's client-side storage: "LTI Client Side postMessages" (lti-cs-pm
 * v0.1), "LTI postMessage Storage" (lti-pm-s v0.1) and "OIDC Login with LTI Client Side
 * postMessages" (lti-cs-oidc v0.1), which keep the login's state in a frame of the platform when a
 * third-party frame cannot keep a cookie.
 *
 * <p>The browser does the messaging (Bilim's {@code /lti/platform-storage.js}); this class decides
 * what it says and what the server accepts back: the keys and values stored at the login, the one
 * origin messages go to and answers may come from, and whether values read back at the launch prove
 * the login.
 */
public final class PlatformStorage {

    /** lti-cs-pm §4: what a platform can do, asked of the parent (or opener) window. */
    public static final String CAPABILITIES = "lti.capabilities";
    /** lti-pm-s §3.1: keep a value for the sender's origin. */
    public static final String PUT_DATA = "lti.put_data";
    /** lti-pm-s §3.2: read back a value kept for the sender's origin. */
    public static final String GET_DATA = "lti.get_data";
    /** lti-cs-pm §3: the answer to a message has the message's subject with this suffix and the same {@code message_id}. */
    public static final String RESPONSE_SUFFIX = ".response";
    /** lti-cs-oidc: the frame {@code _parent} is the parent (or opener) window itself. */
    public static final String PARENT = "_parent";

    /** A frame name as browsers accept it in {@code window.frames[name]}, without anything that needs escaping. */
    private static final Pattern FRAME_NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private PlatformStorage() {
    }

    /**
     * The frame the platform offered in {@code lti_storage_target}. A name that is not a plain frame
     * name is ignored, not refused: the launch can still go on with a cookie, and the name never
     * reaches a script or a page unchecked.
     */
    public static Optional<String> storageTarget(String offered) {
        return Optional.ofNullable(offered).filter(name -> FRAME_NAME.matcher(name).matches());
    }

    /** lti-cs-oidc: the key the state is kept under; the value is the state itself. */
    public static String stateKey(String state) {
        return "state_" + Objects.requireNonNull(state, "state");
    }

    /** lti-cs-oidc: the key the nonce is kept under; the value is the nonce itself. */
    public static String nonceKey(String nonce) {
        return "nonce_" + Objects.requireNonNull(nonce, "nonce");
    }

    /**
     * The origin of the platform's OIDC authorization endpoint, as a browser writes an origin (no
     * default port). lti-pm-s: the tool addresses {@code lti.put_data} and {@code lti.get_data} to
     * this origin only — never to {@code *}, which would hand the state to whatever page holds the
     * frame — and accepts answers only from it.
     *
     * @throws IllegalArgumentException if the endpoint is not an absolute http(s) URL
     */
    public static String platformOrigin(PlatformRegistration registration) {
        return Origin.of(registration.authorizationEndpoint()).serialized();
    }

    /**
     * What the browser keeps at the login and reads back at the launch.
     *
     * @param platformOrigin the only origin messages go to and answers are taken from
     * @param target         the frame that answers: {@link #PARENT} or a frame of the parent window
     * @param stateKey       the key of the state
     * @param state          the state, the value kept under {@code stateKey}
     * @param nonceKey       the key of the nonce
     * @param nonce          the nonce, the value kept under {@code nonceKey}
     */
    public record Entries(String platformOrigin, String target, String stateKey, String state, String nonceKey, String nonce) {

        public Entries {
            Objects.requireNonNull(platformOrigin, "platformOrigin");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(stateKey, "stateKey");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(nonceKey, "nonceKey");
            Objects.requireNonNull(nonce, "nonce");
        }

        /** The state and nonce are secrets of one login: not for logs. */
        @Override
        public String toString() {
            return "Entries[platformOrigin=" + platformOrigin + ", target=" + target + "]";
        }
    }

    /** The entries of this login, kept in this frame of this registration's platform. */
    public static Entries entries(PendingLogin login, String target, PlatformRegistration registration) {
        String frame = storageTarget(target).orElseThrow(() -> new IllegalArgumentException("not a frame name: " + target));
        return new Entries(platformOrigin(registration), frame, stateKey(login.state()), login.state(), nonceKey(login.nonce()),
                login.nonce());
    }

    /**
     * Whether what the browser read back from the platform's storage proves this login: exactly
     * its state and exactly its nonce, compared in constant time. Anything missing proves nothing.
     */
    public static boolean proves(PendingLogin login, String storedState, String storedNonce) {
        return login != null && same(login.state(), storedState) && same(login.nonce(), storedNonce);
    }

    private static boolean same(String expected, String actual) {
        return actual != null && !actual.isEmpty()
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
