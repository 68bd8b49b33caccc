package org.bilim.server.lti;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.bilim.lti.deeplinking.DeepLinkingForm;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.staff.Role;

/** The lecturer's Deep Linking choice: what may be picked, and the signed answer to post back to the LMS. */
@Path("staff/lti/deep-linking/{ref}")
@Produces(MediaType.APPLICATION_JSON)
@Access(value = Audience.STAFF, roles = Role.LECTURER)
public class LtiDeepLinkingResource {
    private static final String KEY = "[A-Za-z0-9_-]{1,64}";

    @Inject
    LtiDeepLinking deepLinking;

    /** The choice as sent by the picker. */
    public record Choice(@NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Picked> selections) {
    }

    public record Picked(@NotNull Long courseId, @Pattern(regexp = KEY) String moduleKey, @Pattern(regexp = KEY) String itemKey) {
    }

    /** The signed answer: the workspace posts {@code jwt} as the form field {@code JWT} to {@code action}. */
    public record Answer(String action, String field, String jwt) {
    }

    @GET
    public LtiDeepLinking.Choices choices(@PathParam("ref") String ref) {
        return deepLinking.choices(ref);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Answer answer(@PathParam("ref") String ref, @NotNull @Valid Choice body) {
        DeepLinkingForm form = deepLinking.answer(ref, body.selections().stream()
                .map(p -> new LtiDeepLinking.Selection(p.courseId(), p.moduleKey(), p.itemKey())).toList());
        return new Answer(form.action().toString(), DeepLinkingForm.FIELD, form.jwt());
    }
}
