package org.bilim.server.staff;

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
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.sessions.Caller;
import org.bilim.server.sessions.Cookies;
import org.bilim.server.sessions.SessionService;
import org.bilim.server.staff.StaffViews.Credentials;
import org.bilim.server.staff.StaffViews.LanguageChoice;
import org.bilim.server.staff.StaffViews.Me;

/** The staff entry point: sign in, who am I, sign out. Separate from the kiosk's, with its own cookie. */
@Path("staff/session")
@Produces(MediaType.APPLICATION_JSON)
public class StaffSessionResource {

    @Inject
    StaffService staff;

    @Inject
    SessionService sessions;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Audience.PUBLIC)
    public Response signIn(@NotNull @Valid Credentials body) {
        StaffService.SignedIn done = staff.signIn(body.username(), body.password(), caller.remoteAddress());
        return Response.status(Response.Status.CREATED).cookie(Cookies.staff(done.token(), request)).entity(done.me()).build();
    }

    @GET
    @Access(value = Audience.STAFF, roles = {Role.OFFICER, Role.ADMIN, Role.LECTURER})
    public Me me() {
        return staff.me();
    }

    @PUT
    @Path("language")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Audience.STAFF, roles = {Role.OFFICER, Role.ADMIN, Role.LECTURER})
    public Me language(@NotNull @Valid LanguageChoice body) {
        return staff.language(body.language());
    }

    @DELETE
    @Access(Audience.PUBLIC)
    public Response signOut(@CookieParam(Cookies.STAFF) String token,
                            @jakarta.ws.rs.HeaderParam("Authorization") String authorization) {
        // A lecturer in an LMS frame holds the session as a bearer token, not a cookie.
        if (token == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = authorization.substring(7).strip();
        }
        sessions.end(token);
        return Response.noContent().cookie(Cookies.clearStaff(request)).build();
    }
}
