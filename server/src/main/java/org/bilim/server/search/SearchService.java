package org.bilim.server.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bilim.courses.search.CourseIndex;
import org.bilim.courses.search.InvalidQueryException;
import org.bilim.courses.search.SearchResult;
import org.bilim.server.catalogue.CourseCatalogue;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.search.SearchViews.CourseCount;
import org.bilim.server.search.SearchViews.HitView;
import org.bilim.server.search.SearchViews.KindCount;
import org.bilim.server.search.SearchViews.SearchPage;
import org.bilim.server.search.SearchViews.SuggestionView;
import org.bilim.server.sessions.Caller;
import org.bilim.server.sessions.OfficerScope;

/**
 * Search for whoever asks, within what they may see: a learner, the versions their facility
 * approved of the courses they are enrolled in; an officer, the versions their facility approved.
 * The scope goes into the index query itself, so hits, counts, facets, snippets and suggestions
 * all come from it.
 */
@ApplicationScoped
public class SearchService {
    @Inject
    Caller caller;

    @Inject
    OfficerScope officers;

    @Inject
    CourseCatalogue catalogue;

    @Inject
    SearchIndex index;

    /** Whose view of the catalogue a search runs in. */
    public enum Scope { LEARNER, OFFICER }

    /** The versions the caller may search: course id → version id. */
    Map<Long, Long> versions(Scope scope) {
        return switch (scope) {
            case LEARNER -> {
                Caller.LearnerPrincipal learner = caller.requireLearner();
                yield catalogue.visibleVersions(learner.facilityId(), learner.learnerId());
            }
            case OFFICER -> catalogue.visibleVersions(officers.facility(), null);
        };
    }

    public SearchPage search(Scope who, String q, Long courseId, String kind, int page, int size) {
        Map<Long, Long> scope = versions(who);
        SearchResult r;
        try {
            r = index.search(q, scope.values(), courseId, kind, page, size);
        } catch (InvalidQueryException e) {
            throw refusal(e);
        }
        List<HitView> hits = r.hits().stream().map(h -> new HitView(h.courseId(), h.courseTitle(),
                h.itemKey().isEmpty() ? null : h.itemKey(), h.kind(), h.title(), h.language(), seconds(h.anchor()),
                h.snippetHtml())).toList();
        List<CourseCount> courses = new ArrayList<>();
        Map<Long, String> titles = catalogue.frozenTitles(r.byCourse().keySet().stream().map(scope::get).toList());
        r.byCourse().forEach((course, count) -> courses.add(new CourseCount(course, titles.get(scope.get(course)), count)));
        List<KindCount> kinds = r.byKind().entrySet().stream().map(e -> new KindCount(e.getKey(), e.getValue())).toList();
        return new SearchPage(q, r.total(), page, size, hits, courses, kinds,
                index.status().state() == SearchIndex.State.REBUILDING);
    }

    public List<SuggestionView> suggest(Scope who, String typed) {
        Map<Long, Long> scope = versions(who);
        return index.suggest(typed, scope.values()).stream()
                .map(s -> new SuggestionView(s.title(), s.courseId(), s.courseTitle(), s.itemKey().isEmpty() ? null : s.itemKey(),
                        s.kind()))
                .toList();
    }

    private static BilimException refusal(InvalidQueryException e) {
        return switch (e.reason()) {
            case EMPTY -> BilimException.forField(ProblemCode.SEARCH_QUERY_EMPTY, "q");
            case TOO_LONG -> BilimException.forField(ProblemCode.SEARCH_QUERY_TOO_LONG, "q", CourseIndex.MAX_QUERY_CHARS);
            case UNBALANCED_QUOTES -> BilimException.forField(ProblemCode.SEARCH_QUERY_UNBALANCED_QUOTES, "q");
            case NO_WORDS -> BilimException.forField(ProblemCode.SEARCH_QUERY_NO_WORDS, "q");
        };
    }

    /** The moment a caption anchor names ({@code t=93.5}), if it names one. */
    static Double seconds(String anchor) {
        if (anchor == null || !anchor.startsWith("t=")) {
            return null;
        }
        try {
            return Double.valueOf(anchor.substring(2));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
