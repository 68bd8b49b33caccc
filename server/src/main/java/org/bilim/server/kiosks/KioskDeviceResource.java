package org.bilim.server.kiosks;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.bilim.server.kiosks.KioskViews.Enrolment;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.sessions.Caller;
import org.bilim.server.sessions.Cookies;

/** The kiosk entry point for the device itself: redeem an enrolment code, and learn who it is. */
@Path("kiosk")
@Produces(MediaType.APPLICATION_JSON)
public class KioskDeviceResource {

    @Inject
    KioskService kiosks;

    @Inject
    Caller caller;

    @Context
    HttpServletRequest request;

    @POST
    @Path("enrolment")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(Audience.PUBLIC)
    public Response enrol(@NotNull @Valid Enrolment body) {
        KioskService.Enrolled done = kiosks.redeem(body.code(), caller.remoteAddress());
        return Response.ok(done.device()).cookie(Cookies.device(done.deviceToken(), request)).build();
    }

    /** The kiosk's UI calls this when it starts; the answer renews the device credential's cookie. */
    @GET
    @Path("device")
    @Access(Audience.KIOSK)
    public Response device(@CookieParam(Cookies.DEVICE) String token) {
        return Response.ok(kiosks.device(caller.requireKiosk().kioskId())).cookie(Cookies.device(token, request)).build();
    }
}
