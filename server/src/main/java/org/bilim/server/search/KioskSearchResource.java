package org.bilim.server.search;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.bilim.server.search.SearchService.Scope;
import org.bilim.server.search.SearchViews.SearchPage;
import org.bilim.server.search.SearchViews.SuggestionView;
import org.bilim.server.sessions.Access;
import org.bilim.server.sessions.Access.Audience;

/** A learner searches the courses they study, at their kiosk. */
@Path("kiosk/search")
@Produces(MediaType.APPLICATION_JSON)
@Access(Audience.LEARNER)
public class KioskSearchResource {
    /** The kinds of item a search can be narrowed to. */
    static final String KINDS = "course|page|file|media|case-study|quiz";

    @Inject
    SearchService search;

    @GET
    public SearchPage search(@QueryParam("q") String q,
                             @QueryParam("course") @Pattern(regexp = "[0-9]{1,18}") String course,
                             @QueryParam("kind") @Pattern(regexp = KINDS) String kind,
                             @QueryParam("page") @DefaultValue("0") @Min(0) @Max(99) int page,
                             @QueryParam("size") @DefaultValue("10") @Min(1) @Max(50) int size) {
        return search.search(Scope.LEARNER, q, course == null ? null : Long.valueOf(course), kind, page, size);
    }

    /** Titles completing what is typed so far; fewer than two letters give none. */
    @GET
    @Path("suggestions")
    public List<SuggestionView> suggestions(@QueryParam("q") String q) {
        return search.suggest(Scope.LEARNER, q);
    }
}
