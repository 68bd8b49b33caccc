package org.bilim.server.lti;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import org.bilim.lti.keys.ToolKey;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.lti.LtiViews.KeyView;
import org.bilim.server.lti.LtiViews.NewRegistration;
import org.bilim.server.lti.LtiViews.RegistrationChange;
import org.bilim.server.lti.LtiViews.RegistrationView;
import org.bilim.server.lti.LtiViews.StateChange;
import org.bilim.server.lti.LtiViews.ToolEndpoints;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.sessions.Caller;
import org.bilim.server.staff.Role;

/** The administrator's LTI console: platform registrations, Bilim's signing keys, and the addresses LMSs need. */
@Path("staff/lti")
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Audience.STAFF, roles = Role.ADMIN)
public class LtiAdminResource {
    @Inject
    LtiRegistrations registrations;

    @Inject
    LtiTool tool;

    @Inject
    LtiKeyStore keyStore;

    @Inject
    LtiInvitations invitations;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @GET
    @Path("registrations")
    public List<RegistrationView> registrations() {
        return registrations.list();
    }

    @POST
    @Path("registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid NewRegistration body) {
        return Response.status(Response.Status.CREATED).entity(registrations.create(body)).build();
    }

    @PUT
    @Path("registrations/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RegistrationView update(@PathParam("id") long id, @NotNull @Valid RegistrationChange body) {
        return registrations.update(id, body);
    }

    /** Approve (ACTIVE) or disable a registration. */
    @PUT
    @Path("registrations/{id}/state")
    @Consumes(MediaType.APPLICATION_JSON)
    public RegistrationView state(@PathParam("id") long id, @NotNull @Valid StateChange body) {
        return registrations.state(id, body);
    }

    /** Invitations for an LMS to register itself (Dynamic Registration); newest first. */
    @GET
    @Path("invitations")
    public List<LtiInvitations.InvitationView> invitations() {
        return invitations.list();
    }

    /** A new invitation: the registration URL to paste into the LMS, usable once, on that LMS only. */
    @POST
    @Path("invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response invite(@NotNull @Valid LtiViews.NewInvitation body) {
        return Response.status(Response.Status.CREATED).entity(invitations.create(body.universityId(), body.lmsUrl())).build();
    }

    /** The addresses an LMS administrator types in to register Bilim. */
    /** The outbound allowlist: every origin Bilim may call, and the active registrations it is there for. */
    @GET
    @Path("allowlist")
    public List<LtiViews.AllowedOrigin> allowlist() {
        return registrations.allowlist();
    }

    @GET
    @Path("tool")
    public ToolEndpoints tool() {
        return tool.endpoints();
    }

    @GET
    @Path("keys")
    public List<KeyView> keys() {
        tool.keys().ensureCurrentKey();
        Instant now = tool.clock().instant();
        return keyStore.loadAll().stream().sorted(Comparator.comparing(ToolKey::created).reversed())
                .map(k -> new KeyView(k.kid(), k.stateAt(now).name(), time(k.created()), time(k.activated()), time(k.deactivated()),
                        time(k.retired())))
                .toList();
    }

    /** Starts a rotation: the new key is published now and signs after the overlap; the old one stays published for another. */
    @POST
    @Path("keys/rotation")
    public List<KeyView> rotate() {
        ToolKey next = tool.keys().rotate();
        audit.append(caller.audit("lti.key-rotated", null, "lti-key", null,
                "new key " + next.kid() + " signs from " + next.activated()));
        return keys();
    }

    private static OffsetDateTime time(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
