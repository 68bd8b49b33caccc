package org.bilim.server.sessions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.NewCookie;
import java.time.Duration;

/**
 * The three cookies Bilim sets. Each is HttpOnly (scripts cannot read it), SameSite=Strict (no
 * other site can make the browser send it), Secure when the request came over TLS, and limited
 * to the path of its entry point, so the kiosk and staff entry points never see each other's.
 */
public final class Cookies {
    /** The kiosk's device credential; long-lived, renewed whenever the kiosk starts its UI. */
    public static final String DEVICE = "bilim_kiosk";
    /** A learner's session on a kiosk. */
    public static final String LEARNER = "bilim_learner";
    /** A staff member's session. */
    public static final String STAFF = "bilim_staff";

    static final String KIOSK_PATH = "/api/kiosk";
    static final String STAFF_PATH = "/api/staff";
    /** Browsers cap a cookie's life at 400 days; the kiosk renews its credential on every start. */
    private static final Duration DEVICE_LIFETIME = Duration.ofDays(400);

    private Cookies() {
    }

    public static NewCookie device(String token, HttpServletRequest request) {
        return build(DEVICE, token, KIOSK_PATH, (int) DEVICE_LIFETIME.toSeconds(), request);
    }

    public static NewCookie learner(String token, HttpServletRequest request) {
        return build(LEARNER, token, KIOSK_PATH, NewCookie.DEFAULT_MAX_AGE, request);
    }

    public static NewCookie staff(String token, HttpServletRequest request) {
        return build(STAFF, token, STAFF_PATH, NewCookie.DEFAULT_MAX_AGE, request);
    }

    public static NewCookie clearLearner(HttpServletRequest request) {
        return build(LEARNER, "", KIOSK_PATH, 0, request);
    }

    public static NewCookie clearStaff(HttpServletRequest request) {
        return build(STAFF, "", STAFF_PATH, 0, request);
    }

    private static NewCookie build(String name, String value, String path, int maxAge, HttpServletRequest request) {
        return new NewCookie.Builder(name)
                .value(value)
                .path(path)
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
