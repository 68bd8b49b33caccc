package org.bilim.server.learners;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.bilim.server.learners.KioskSessionViews.KioskSession;
import org.bilim.server.learners.KioskSessionViews.Preferences;
import org.bilim.server.learners.KioskSessionViews.SignIn;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.sessions.Caller;
import org.bilim.server.sessions.Cookies;
import org.bilim.server.sessions.SessionService;

/** The kiosk entry point for learners: sign in, who am I, stay active, preferences, sign out. */
@Path("kiosk/session")
@Produces(MediaType.APPLICATION_JSON)
public class LearnerSessionResource {

    @Inject
    LearnerSignIn signIn;

    @Inject
    LearnerSelf self;

    @Inject
    SessionService sessions;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest request;

    /**
     * Public, because the kiosk check is part of signing in rather than of the filter: a sign-in
     * from an unregistered or locked kiosk, or from a foreign address, is refused and audited.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Audience.PUBLIC)
    public Response signIn(@CookieParam(Cookies.DEVICE) String device, @NotNull @Valid SignIn body) {
        LearnerSignIn.SignedIn done = signIn.signIn(device, body.learnerNumber(), body.pin(), caller.remoteAddress());
        return Response.status(Response.Status.CREATED)
                .cookie(Cookies.learner(done.token(), request))
                .entity(self.session(done.learner(), done.kiosk()))
                .build();
    }

    @GET
    @Access(Audience.LEARNER)
    public KioskSession current() {
        return self.current();
    }

    /** The kiosk reports that the learner is active (typing, reading), which keeps the session from idling out. */
    @POST
    @Path("activity")
    @Access(Audience.LEARNER)
    public Response activity() {
        sessions.touch(caller.sessionToken().orElseThrow());
        return Response.noContent().build();
    }

    @PUT
    @Path("preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Audience.LEARNER)
    public KioskSession preferences(@NotNull @Valid Preferences body) {
        return self.preferences(body);
    }

    /** Signs out; always succeeds and always clears the cookie, also for a session that had already ended. */
    @DELETE
    @Access(Audience.PUBLIC)
    public Response signOut(@CookieParam(Cookies.LEARNER) String token) {
        sessions.end(token);
        return Response.noContent().cookie(Cookies.clearLearner(request)).build();
    }
}
