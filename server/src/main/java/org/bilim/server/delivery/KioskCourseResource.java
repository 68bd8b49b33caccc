package org.bilim.server.delivery;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.bilim.courses.quiz.Response;
import org.bilim.server.delivery.KioskViews.ItemView;
import org.bilim.server.delivery.KioskViews.Outline;
import org.bilim.server.delivery.KioskViews.ProgressReport;
import org.bilim.server.delivery.KioskViews.ProgressView;
import org.bilim.server.practice.PracticeService;
import org.bilim.server.practice.PracticeService.AttemptView;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;
import org.bilim.server.submissions.SubmissionService;
import org.bilim.server.submissions.SubmissionViews.AnswerDraft;
import org.bilim.server.submissions.SubmissionViews.Submit;
import org.bilim.server.submissions.SubmissionViews.SubmissionView;

/** A signed-in learner's course: its outline, items, progress, case-study answers and practice attempts. */
@Path("kiosk/courses")
@Produces(MediaType.APPLICATION_JSON)
@Access(Audience.LEARNER)
public class KioskCourseResource {
    private static final String KEY = "[A-Za-z0-9_-]{1,64}";

    @Inject
    LearnerCourses courses;

    @Inject
    SubmissionService submissions;

    @Inject
    PracticeService practice;

    @GET
    @Path("{course}")
    public Outline outline(@PathParam("course") long course) {
        return courses.outline(course);
    }

    @GET
    @Path("{course}/items/{item: " + KEY + "}")
    public ItemView item(@PathParam("course") long course, @PathParam("item") String item) {
        return courses.item(course, item);
    }

    @PUT
    @Path("{course}/items/{item: " + KEY + "}/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProgressView progress(@PathParam("course") long course, @PathParam("item") String item,
                                 @NotNull @Valid ProgressReport report) {
        return courses.report(course, item, report);
    }

    @PUT
    @Path("{course}/items/{item: " + KEY + "}/submission/tasks/{task: " + KEY + "}")
    @Consumes(MediaType.APPLICATION_JSON)
    public SubmissionView saveAnswer(@PathParam("course") long course, @PathParam("item") String item,
                                     @PathParam("task") String task, @NotNull @Valid AnswerDraft draft) {
        return submissions.save(course, item, task, draft);
    }

    @POST
    @Path("{course}/items/{item: " + KEY + "}/submission/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    public SubmissionView submit(@PathParam("course") long course, @PathParam("item") String item,
                                 @NotNull @Valid Submit body) {
        return submissions.submit(course, item, body.revision());
    }

    @POST
    @Path("{course}/items/{item: " + KEY + "}/attempts")
    @Consumes(MediaType.APPLICATION_JSON)
    public AttemptView attempt(@PathParam("course") long course, @PathParam("item") String item,
                               @NotNull @Size(max = 500) Map<String, Response> responses) {
        return practice.attempt(course, item, responses);
    }
}
