package org.bilim.server.sessions;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.Arrays;
import java.util.Set;
import java.util.logging.Logger;
import org.bilim.server.kiosks.KioskGate;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;

/**
 * Establishes who is calling and refuses whoever may not call the matched resource method (see
 * {@link Access}). Unsafe methods from another origin are refused too: together with
 * SameSite=Strict cookies this closes cross-site request forgery.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessFilter implements ContainerRequestFilter {
    private static final Logger LOG = Logger.getLogger(AccessFilter.class.getName());
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Context
    ResourceInfo resourceInfo;

    @Context
    HttpServletRequest request;

    @Inject
    Caller caller;

    @Inject
    KioskGate kioskGate;

    @Inject
    SessionService sessions;

    @Inject
    PrincipalLookup principals;

    @Override
    public void filter(ContainerRequestContext ctx) {
        caller.remoteAddress(request.getRemoteAddr());
        Access access = access();
        if (access == null) {
            LOG.severe(() -> "Resource method without @Access refused: " + resourceInfo.getResourceMethod());
            throw new BilimException(ProblemCode.ACCESS_ROLE_REQUIRED);
        }
        if (!SAFE_METHODS.contains(ctx.getMethod()) && access.value() != Access.Audience.LTI_PLATFORM) {
            checkOrigin(ctx);
        }
        switch (access.value()) {
            case PUBLIC, LTI_PLATFORM -> { }
            case KIOSK -> caller.kiosk(kioskGate.admit(cookie(ctx, Cookies.DEVICE), caller.remoteAddress()));
            case LEARNER -> {
                Caller.KioskPrincipal kiosk = kioskGate.admit(cookie(ctx, Cookies.DEVICE), caller.remoteAddress());
                caller.kiosk(kiosk);
                String token = cookie(ctx, Cookies.LEARNER);
                Session s = sessions.resolve(token, SessionKind.LEARNER);
                if (s.kioskId() != kiosk.kioskId()) {
                    // A learner's session lives on the kiosk where they signed in, nowhere else.
                    throw new BilimException(ProblemCode.SESSION_REQUIRED);
                }
                caller.learner(new Caller.LearnerPrincipal(s.learnerId(), s.facilityId(), s.kioskId(),
                        learnerNumber(s.learnerId())), token);
            }
            case STAFF -> {
                String token = cookie(ctx, Cookies.STAFF);
                String bearer = bearer(ctx);
                if (token == null && bearer != null) {
                    token = bearer;
                }
                Session s = sessions.resolve(token, SessionKind.STAFF);
                Caller.StaffPrincipal staff = staffPrincipal(s);
                if (token.equals(bearer) && staff.role() != org.bilim.server.staff.Role.LECTURER) {
                    // Only a lecturer's workspace, framed in an LMS where cookies may be blocked, uses a
                    // bearer token; officers and administrators keep their HttpOnly cookie.
                    throw new BilimException(ProblemCode.SESSION_REQUIRED);
                }
                if (Arrays.stream(access.roles()).noneMatch(r -> r == staff.role())) {
                    throw new BilimException(ProblemCode.ACCESS_ROLE_REQUIRED);
                }
                caller.staff(staff, token);
            }
        }
    }

    private String learnerNumber(long learnerId) {
        return principals.learnerNumber(learnerId);
    }

    private Caller.StaffPrincipal staffPrincipal(Session s) {
        return principals.staff(s.staffId());
    }

    private Access access() {
        Access onMethod = resourceInfo.getResourceMethod() == null ? null
                : resourceInfo.getResourceMethod().getAnnotation(Access.class);
        if (onMethod != null) {
            return onMethod;
        }
        return resourceInfo.getResourceClass() == null ? null
                : resourceInfo.getResourceClass().getAnnotation(Access.class);
    }

    private static String bearer(ContainerRequestContext ctx) {
        String header = ctx.getHeaderString("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
    }

    private static String cookie(ContainerRequestContext ctx, String name) {
        Cookie c = ctx.getCookies().get(name);
        return c == null ? null : c.getValue();
    }

    private void checkOrigin(ContainerRequestContext ctx) {
        String site = ctx.getHeaderString("Sec-Fetch-Site");
        if ("cross-site".equalsIgnoreCase(site)) {
            throw new BilimException(ProblemCode.REQUEST_ORIGIN_REJECTED);
        }
        String origin = ctx.getHeaderString("Origin");
        if (origin == null || origin.isBlank()) {
            return;
        }
        URI own = ctx.getUriInfo().getBaseUri();
        String expected = own.getScheme() + "://" + own.getRawAuthority();
        if (!origin.equalsIgnoreCase(expected)) {
            throw new BilimException(ProblemCode.REQUEST_ORIGIN_REJECTED);
        }
    }
}
