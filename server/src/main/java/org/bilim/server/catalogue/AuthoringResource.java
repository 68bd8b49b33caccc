package org.bilim.server.catalogue;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.bilim.server.catalogue.CourseViews.CourseChange;
import org.bilim.server.catalogue.CourseViews.CourseDetail;
import org.bilim.server.catalogue.CourseViews.CourseSummary;
import org.bilim.server.catalogue.CourseViews.ModuleTitle;
import org.bilim.server.catalogue.CourseViews.NewCourse;
import org.bilim.server.catalogue.CourseViews.Order;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.staff.Role;

/**
 * Authoring courses: metadata, modules and items. Items are sent in the content model's JSON form
 * (a {@code kind} of page, file, media, case-study or quiz). Answers carry the latest content hash
 * as their ETag; every change must send it back as {@code If-Match}.
 */
@Path("staff/courses")
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Audience.STAFF, roles = {Role.ADMIN, Role.OFFICER, Role.LECTURER})
public class AuthoringResource {

    @Inject
    AuthoringService authoring;

    @GET
    public List<CourseSummary> list() {
        return authoring.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(value = Audience.STAFF, roles = {Role.ADMIN, Role.OFFICER})
    public Response create(@NotNull @Valid NewCourse body) {
        return withTag(Response.status(Response.Status.CREATED), authoring.create(body));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") long id) {
        return withTag(Response.ok(), authoring.get(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response describe(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                             @NotNull @Valid CourseChange body) {
        return withTag(Response.ok(), authoring.describe(id, ifMatch, body));
    }

    @POST
    @Path("{id}/modules")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addModule(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                              @NotNull @Valid ModuleTitle body) {
        return withTag(Response.status(Response.Status.CREATED), authoring.addModule(id, ifMatch, body));
    }

    @PUT
    @Path("{id}/modules/order")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response orderModules(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                 @NotNull @Valid Order body) {
        return withTag(Response.ok(), authoring.orderModules(id, ifMatch, body));
    }

    @PUT
    @Path("{id}/modules/{module}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response renameModule(@PathParam("id") long id, @PathParam("module") String module,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid ModuleTitle body) {
        return withTag(Response.ok(), authoring.renameModule(id, module, ifMatch, body));
    }

    @DELETE
    @Path("{id}/modules/{module}")
    public Response removeModule(@PathParam("id") long id, @PathParam("module") String module,
                                 @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(Response.ok(), authoring.removeModule(id, module, ifMatch));
    }

    @PUT
    @Path("{id}/modules/{module}/items/order")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response orderItems(@PathParam("id") long id, @PathParam("module") String module,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid Order body) {
        return withTag(Response.ok(), authoring.orderItems(id, module, ifMatch, body));
    }

    @POST
    @Path("{id}/modules/{module}/items")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addItem(@PathParam("id") long id, @PathParam("module") String module,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull String item) {
        return withTag(Response.status(Response.Status.CREATED), authoring.addItem(id, module, ifMatch, item));
    }

    @PUT
    @Path("{id}/items/{item}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replaceItem(@PathParam("id") long id, @PathParam("item") String itemKey,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull String item) {
        return withTag(Response.ok(), authoring.replaceItem(id, itemKey, ifMatch, item));
    }

    @DELETE
    @Path("{id}/items/{item}")
    public Response removeItem(@PathParam("id") long id, @PathParam("item") String itemKey,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(Response.ok(), authoring.removeItem(id, itemKey, ifMatch));
    }

    @GET
    @Path("{id}/lecturers")
    public List<Long> lecturers(@PathParam("id") long id) {
        return authoring.lecturers(id);
    }

    @PUT
    @Path("{id}/lecturers/{staff}")
    @Access(value = Audience.STAFF, roles = Role.ADMIN)
    public List<Long> addLecturer(@PathParam("id") long id, @PathParam("staff") long staff) {
        return authoring.addLecturer(id, staff);
    }

    @DELETE
    @Path("{id}/lecturers/{staff}")
    @Access(value = Audience.STAFF, roles = Role.ADMIN)
    public List<Long> removeLecturer(@PathParam("id") long id, @PathParam("staff") long staff) {
        return authoring.removeLecturer(id, staff);
    }

    private static Response withTag(Response.ResponseBuilder response, CourseDetail detail) {
        return response.entity(detail).header(HttpHeaders.ETAG, "\"" + detail.latest().contentHash() + "\"").build();
    }
}
