package org.bilim.server.imports;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.bilim.server.imports.ImportViews.ImportOptions;
import org.bilim.server.imports.ImportViews.ImportView;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.staff.Role;

/**
 * Common Cartridge import: the body is the {@code .imscc} file; the answer is 202 with the job,
 * whose state, stage and counts can be polled until it has succeeded or been refused.
 */
@Path("staff/imports")
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Audience.STAFF, roles = {Role.ADMIN, Role.OFFICER})
public class ImportResource {
    @Inject
    ImportService imports;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response start(@QueryParam("name") @NotBlank @Size(max = 255) String name,
                          @QueryParam("universityId") @NotNull Long universityId,
                          @QueryParam("code") @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*") String code,
                          @QueryParam("language") @NotNull @Pattern(regexp = "kk|ru|en") String language,
                          @QueryParam("credits") @DefaultValue("0") @Min(0) @Max(60) int credits,
                          InputStream body) {
        ImportView job = imports.start(body, name.replaceAll("[\\p{Cntrl}/\\\\]", "_"),
                new ImportOptions(universityId, code.strip(), language, credits));
        return Response.accepted(job).location(URI.create("/api/staff/imports/" + job.id())).build();
    }

    @GET
    public List<ImportView> recent() {
        return imports.recent();
    }

    @GET
    @Path("{id}")
    public ImportView get(@PathParam("id") long id) {
        return imports.get(id);
    }
}
