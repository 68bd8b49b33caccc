package org.bilim.server.lti;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.bilim.lti.LogSafe;
import org.bilim.lti.dynamic.DynamicRegistrationException;
import org.bilim.lti.dynamic.RegistrationApproval;
import org.bilim.lti.dynamic.RegistrationResult;
import org.bilim.lti.http.BearerToken;
import org.bilim.lti.http.Origin;
import org.bilim.lti.launch.LaunchFailure;
import org.bilim.lti.launch.LoginRedirect;
import org.bilim.lti.launch.LoginRefused;
import org.bilim.lti.launch.LoginRequest;
import org.bilim.lti.launch.LtiLaunch;
import org.bilim.lti.launch.PendingLogin;
import org.bilim.lti.launch.PlatformStorage;
import org.bilim.lti.registration.PlatformRegistration;
import org.bilim.server.audit.ActorKind;
import org.bilim.server.audit.AuditEntry;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.platform.BilimConfig;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.Language;
import org.bilim.server.platform.Tokens;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;

/**
 * The browser side of LTI 1.3: the OIDC third-party-initiated login, the launch that answers it,
 * and Bilim's public keys. A university LMS sends the person's browser here, from another site;
 * each message is checked for what it is (Security Framework 1.0, §5.1), not for where it came from.
 */
@Path("lti")
public class LtiResource {
    private static final Logger LOG = Logger.getLogger(LtiResource.class.getName());
    /** Prefix of the cookie that binds a login's state to the browser that started it. */
    static final String STATE_COOKIE = "bilim_lti_state_";

    @Inject
    LtiTool tool;

    @Inject
    LtiLogins logins;

    @Inject
    LtiLaunches launches;

    @Inject
    LtiInvitations invitations;

    @Inject
    LtiDeepLinking deepLinking;

    @Inject
    LtiRegistrations registrations;

    @Inject
    BilimConfig config;

    @Inject
    AuditLog audit;

    @Context
    HttpServletRequest request;

    @Context
    HttpHeaders headers;

    /** Bilim's public signing keys (RFC 7517), which platforms use to check what Bilim signs. */
    @GET
    @Path("jwks")
    @Produces(MediaType.APPLICATION_JSON)
    @Access(Audience.PUBLIC)
    public Response jwks() {
        return Response.ok(tool.keys().publicJwks()).header("Cache-Control", "max-age=300").build();
    }

    /** Login initiation by GET (LTI Core 1.3, §4.1; Security Framework 1.0, §5.1.1.1). */
    @GET
    @Path("login")
    @Access(Audience.LTI_PLATFORM)
    public Response loginByGet(@Context UriInfo uri) {
        return login(uri.getQueryParameters());
    }

    /** Login initiation by POST, as most platforms send it. */
    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access(Audience.LTI_PLATFORM)
    public Response loginByPost(MultivaluedMap<String, String> form) {
        return login(form);
    }

    private Response login(MultivaluedMap<String, String> parameters) {
        Language language = language();
        LoginRedirect redirect;
        try {
            redirect = tool.login().start(LoginRequest.fromParameters(parameters));
        } catch (LoginRefused e) {
            LOG.warning(() -> "LTI login refused: " + e.reason() + " — " + e.getMessage());
            audit.appendIndependently(new AuditEntry(ActorKind.ANONYMOUS, null, null, "lti.login-refused", null, null, null,
                    e.reason().name(), request.getRemoteAddr()));
            return LtiPages.message(400, language, "login-refused", Set.of(), e.reason().name());
        }
        PendingLogin pending = redirect.pending();
        logins.remember(pending, redirect.storageTarget());
        NewCookie cookie = stateCookie(pending.state(), (int) LtiTool.LOGIN_LIFETIME.toSeconds());
        if (redirect.platformStorageOffered()) {
            // The cookie may never come back from a third-party frame: the state is also kept in
            // the platform's storage frame before the browser goes on to the platform.
            PlatformRegistration registration = registrations.platform(pending.registrationId()).registration();
            Optional<PlatformStorage.Entries> entries = storageEntries(pending, redirect.storageTarget().get(), registration);
            if (entries.isPresent()) {
                return Response.fromResponse(LtiPages.storing(language, entries.get(), redirect.location(), platformOrigins(registration)))
                        .cookie(cookie).build();
            }
        }
        return Response.seeOther(redirect.location()).cookie(cookie).build();
    }

    /**
     * The launch: the platform posts the id_token and the state (form_post). The state must be the
     * one this browser was given at the login (its cookie); the token must pass every check of
     * {@link org.bilim.lti.launch.IdTokenValidator}. A refusal is logged with its typed reason,
     * audited, and shown to the person as a plain page. Without the cookie, a login made with the
     * platform's storage is answered with the page that reads the state back from that storage
     * (see {@link #launchWithPlatformStorage}).
     */
    @POST
    @Path("launch")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access(Audience.LTI_PLATFORM)
    public Response launch(@FormParam("id_token") String idToken, @FormParam("state") String state) {
        Language language = language();
        Optional<PendingLogin> bound = boundLogin(state);
        if (bound.isEmpty() && idToken != null && !idToken.isEmpty()) {
            // No cookie came back (a third-party frame): a login made with the platform's storage
            // proves itself by what the browser reads back from that storage.
            Optional<LtiLogins.InFlight> stored = logins.peek(state).filter(l -> l.storageTarget().isPresent());
            if (stored.isPresent()) {
                PlatformRegistration registration = registrations.platform(stored.get().login().registrationId()).registration();
                Optional<PlatformStorage.Entries> entries = storageEntries(stored.get().login(), stored.get().storageTarget().get(),
                        registration);
                if (entries.isPresent()) {
                    return LtiPages.checking(language, entries.get(), idToken, state, platformOrigins(registration));
                }
            }
        }
        return complete(idToken, state, bound.orElse(null), language);
    }

    /**
     * The launch again, posted by Bilim's own page after it read the login's state and nonce back
     * from the platform's storage (lti-cs-oidc v0.1). Only a post from Bilim's own origin counts:
     * the values are what the browser proves, and another site could post any values it likes. The
     * login is then taken (once) exactly as a matching cookie takes it, and the id_token passes every
     * check a cookie's launch passes.
     */
    @POST
    @Path("launch/storage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Access(Audience.LTI_PLATFORM)
    public Response launchWithPlatformStorage(@FormParam("id_token") String idToken, @FormParam("state") String state,
                                              @FormParam("lti_storage_state") String storedState,
                                              @FormParam("lti_storage_nonce") String storedNonce) {
        PendingLogin bound = null;
        if (!postedByBilim()) {
            LOG.warning(() -> "LTI launch through platform storage posted from elsewhere: Origin "
                    + LogSafe.quote(headers.getHeaderString("Origin")) + ", Sec-Fetch-Site " + LogSafe.quote(headers.getHeaderString("Sec-Fetch-Site")));
        } else {
            Optional<LtiLogins.InFlight> stored = logins.peek(state).filter(l -> l.storageTarget().isPresent());
            if (stored.isPresent() && PlatformStorage.proves(stored.get().login(), storedState, storedNonce)) {
                bound = logins.take(state).orElse(null);
            } else if (stored.isPresent()) {
                LOG.warning("LTI launch through platform storage: the platform's storage did not hold this login's state and nonce");
            }
        }
        return complete(idToken, state, bound, language());
    }

    private Response complete(String idToken, String state, PendingLogin bound, Language language) {
        LtiLaunch launch;
        try {
            launch = tool.validator().validate(idToken, state, bound);
        } catch (LaunchFailure e) {
            LOG.warning(() -> "LTI launch refused: " + e.code() + " (" + e.reason().rule() + ") — " + e.getMessage());
            audit.appendIndependently(new AuditEntry(ActorKind.ANONYMOUS, null, null, "lti.launch-refused", null, null, null,
                    e.code(), request.getRemoteAddr()));
            return LtiPages.message(400, language, "launch-refused", refusalFrameAncestors(bound, state), e.code());
        }
        Set<String> frames = frameAncestors(launch);
        Response.ResponseBuilder done;
        if (launch.messageType() == LtiLaunch.MessageType.DEEP_LINKING && launch.roles().isInstructorLike()) {
            LtiLaunches.LecturerLaunch lecturer = launches.lecturer(launch, request.getRemoteAddr());
            String ref = deepLinking.remember(launch, lecturer.staffId());
            Set<String> returnTo = launch.deepLinking().map(d -> d.returnUrl().toString()).flatMap(LtiResource::origin)
                    .map(Set::of).orElse(Set.of());
            done = Response.fromResponse(LtiPages.html(200, LecturerShell.render(lecturer, ref), frames, returnTo));
        } else if (launch.messageType() == LtiLaunch.MessageType.DEEP_LINKING) {
            done = Response.fromResponse(LtiPages.message(403, LtiLaunches.language(launch), "no-role", frames, null));
        } else if (launch.roles().isInstructorLike()) {
            LtiLaunches.LecturerLaunch lecturer = launches.lecturer(launch, request.getRemoteAddr());
            done = Response.fromResponse(LtiPages.html(200, LecturerShell.render(lecturer), frames));
        } else if (launch.roles().isLearner()) {
            // Learners study inside the facility; a launch gives them no session and shows no data.
            done = Response.fromResponse(LtiPages.message(200, LtiLaunches.language(launch), "learner", frames, null));
        } else {
            done = Response.fromResponse(LtiPages.message(403, LtiLaunches.language(launch), "no-role", frames, null));
        }
        if (state != null) {
            done.cookie(stateCookie(state, 0));
        }
        return done.build();
    }

    /**
     * LTI Dynamic Registration 1.0, §3.3: the LMS opens Bilim's registration URL (from an
     * administrator's invitation) with its {@code openid_configuration} and, often, a
     * {@code registration_token}. Bilim reads the configuration only on the LMS origin the
     * invitation named, registers itself, and answers a page that tells the LMS's window it is
     * done ({@code org.imsglobal.lti.close}); the registration waits for a Bilim administrator.
     */
    @GET
    @Path("dynamic-registration")
    @Access(Audience.LTI_PLATFORM)
    public Response dynamicRegistration(@QueryParam("invitation") String invitation,
                                        @QueryParam("openid_configuration") String configuration,
                                        @QueryParam("registration_token") String registrationToken) {
        Language language = language();
        Optional<LtiInvitations.Taken> taken = invitations.take(invitation);
        if (taken.isEmpty()) {
            audit.appendIndependently(new AuditEntry(ActorKind.ANONYMOUS, null, null, "lti.registration-refused", null, null, null,
                    "unknown, used or expired invitation", request.getRemoteAddr()));
            return LtiPages.message(400, language, "registration-refused", Set.of(), "lti.invitation-invalid");
        }
        // The LMS shows the registration page in a frame or a window of its own.
        Set<String> lms = Set.of(taken.get().lmsOrigin().toString());
        URI configurationUrl;
        try {
            configurationUrl = new URI(configuration == null ? "" : configuration);
            if (!taken.get().lmsOrigin().matches(configurationUrl)) {
                throw new URISyntaxException(String.valueOf(configuration), "not on the invited LMS's origin");
            }
        } catch (URISyntaxException e) {
            invitations.release(taken.get().id());
            audit.appendIndependently(new AuditEntry(ActorKind.ANONYMOUS, null, null, "lti.registration-refused", null, "lti-invitation",
                    taken.get().id(), "openid_configuration " + org.bilim.lti.LogSafe.quote(String.valueOf(configuration))
                            + " is not on " + taken.get().lmsOrigin(), request.getRemoteAddr()));
            return LtiPages.message(400, language, "registration-refused", lms, "lti.configuration-elsewhere");
        }
        RegistrationResult result;
        try {
            result = tool.dynamicRegistration().register(new RegistrationApproval(configurationUrl),
                    registrationToken == null || registrationToken.isBlank() ? null : new BearerToken(registrationToken));
        } catch (DynamicRegistrationException e) {
            invitations.release(taken.get().id());
            LOG.warning(() -> "LTI Dynamic Registration failed: " + e.problem() + " — " + e.getMessage());
            audit.appendIndependently(new AuditEntry(ActorKind.ANONYMOUS, null, null, "lti.registration-failed", null, "lti-invitation",
                    taken.get().id(), e.problem().name(), request.getRemoteAddr()));
            return LtiPages.message(502, language, "registration-failed", lms, "lti.registration." + e.problem().name());
        }
        try {
            invitations.registered(taken.get(), result, request.getRemoteAddr());
        } catch (BilimException e) {
            invitations.release(taken.get().id());
            return LtiPages.message(409, language, "registration-refused", lms, e.problem().code());
        }
        return LtiPages.registered(language, lms);
    }

    /**
     * Whether this request was posted by a page of Bilim's own origin (Fetch Metadata, and the
     * Origin a browser sets on every POST): the platform-storage launch must come from Bilim's page.
     */
    private boolean postedByBilim() {
        String site = headers.getHeaderString("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin")) {
            return false;
        }
        String origin = headers.getHeaderString("Origin");
        if (origin == null) {
            return false;
        }
        String own = request.getScheme() + "://" + request.getHeader("Host");
        return origin.equalsIgnoreCase(own) || origin.equalsIgnoreCase(Origin.of(URI.create(config.ltiToolUrl())).serialized());
    }

    /** What the browser keeps in the platform's frame, or empty if the registration's endpoint has no usable origin. */
    private static Optional<PlatformStorage.Entries> storageEntries(PendingLogin login, String target, PlatformRegistration registration) {
        try {
            return Optional.of(PlatformStorage.entries(login, target, registration));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The platform's pages that may frame the login's pages: its issuer's and its authorization endpoint's origins. */
    private static Set<String> platformOrigins(PlatformRegistration registration) {
        Set<String> origins = new LinkedHashSet<>();
        origin(registration.issuer()).ifPresent(origins::add);
        origin(registration.authorizationEndpoint().toString()).ifPresent(origins::add);
        return origins;
    }

    /**
     * Who may frame a refused launch: the platform of the login its state names, if that login is
     * known, so the person reads why inside the LMS's frame rather than a browser's blocked-frame
     * error; nobody otherwise. The page says nothing about the login.
     */
    private Set<String> refusalFrameAncestors(PendingLogin bound, String state) {
        Optional<Long> registrationId = bound != null ? Optional.of(bound.registrationId())
                : logins.peek(state).map(l -> l.login().registrationId());
        return registrationId.map(id -> platformOrigins(registrations.platform(id).registration())).orElse(Set.of());
    }

    /** The login this browser started with that state: only if its cookie holds exactly that state. */
    private Optional<PendingLogin> boundLogin(String state) {
        if (state == null || state.isEmpty() || state.length() > 200) {
            return Optional.empty();
        }
        Cookie cookie = headers.getCookies().get(cookieName(state));
        if (cookie == null || !java.security.MessageDigest.isEqual(cookie.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                state.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return logins.take(state);
    }

    /**
     * One cookie per login, named after its state, so logins started in two tabs do not overwrite
     * each other. The platform posts the launch from its own site: on https the cookie is
     * SameSite=None (with Secure) so the browser sends it with that post; on plain http (a
     * developer's machine, the tests) SameSite=Lax.
     */
    private NewCookie stateCookie(String state, int maxAge) {
        boolean secure = request.isSecure();
        return new NewCookie.Builder(cookieName(state)).value(maxAge == 0 ? "" : state).path("/api/lti").maxAge(maxAge).httpOnly(true)
                .secure(secure).sameSite(secure ? NewCookie.SameSite.NONE : NewCookie.SameSite.LAX).build();
    }

    private static String cookieName(String state) {
        return STATE_COOKIE + Tokens.sha256(state).substring(0, 16);
    }

    /**
     * Who may frame the answer: the platform's own origins (its issuer, and the page it says to
     * return to, which the platform signed).
     */
    private static Set<String> frameAncestors(LtiLaunch launch) {
        Set<String> origins = new LinkedHashSet<>();
        origin(launch.registration().issuer()).ifPresent(origins::add);
        launch.launchPresentation().flatMap(LtiLaunch.LaunchPresentation::returnUrl).flatMap(LtiResource::origin).ifPresent(origins::add);
        return origins;
    }

    private static Optional<String> origin(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null || !(uri.getScheme().equalsIgnoreCase("https") || Origin.of(uri).isLoopback())) {
                return Optional.empty();
            }
            return Optional.of(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Language language() {
        return Language.firstSupported(Collections.list(request.getLocales())).orElse(Language.RU);
    }
}
