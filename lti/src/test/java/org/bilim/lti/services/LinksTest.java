package org.bilim.lti.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bilim.lti.http.LtiResponse;
import org.bilim.lti.http.ServiceException;
import org.junit.jupiter.api.Test;

class LinksTest {

    @Test
    void appendsScoresToThePathAndKeepsTheQuery() {
        assertThat(Links.appendPath(URI.create("https://lms.example/mod/lti/services.php/2/lineitems/7/lineitem?type_id=2"), "scores"))
                .hasToString("https://lms.example/mod/lti/services.php/2/lineitems/7/lineitem/scores?type_id=2");
        assertThat(Links.appendPath(URI.create("https://lms.example/api/lti/courses/1/line_items/5/"), "scores"))
                .hasToString("https://lms.example/api/lti/courses/1/line_items/5/scores");
        assertThat(Links.appendPath(URI.create("https://lms.example:8443/items/a%2Fb?x=1%262&y"), "scores"))
                .hasToString("https://lms.example:8443/items/a%2Fb/scores?x=1%262&y");
    }

    @Test
    void addsFiltersToAnExistingQuery() {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("resource_link_id", "link 1");
        filters.put("resource_id", null);
        filters.put("tag", "final&exam");

        assertThat(Links.withQuery(URI.create("https://lms.example/lineitems?type_id=2"), filters))
                .hasToString("https://lms.example/lineitems?type_id=2&resource_link_id=link%201&tag=final%26exam");
        assertThat(Links.withQuery(URI.create("https://lms.example/lineitems"), Map.of())).hasToString("https://lms.example/lineitems");
    }

    @Test
    void findsTheNextLinkAmongOthers() throws ServiceException {
        LtiResponse page = page("<https://lms.example/members?page=1>; rel=\"first\", <https://lms.example/members?page=3>; rel=\"last\"",
                "</members?page=2&limit=50>; rel=\"next\"");

        assertThat(Links.next(page)).contains(URI.create("https://lms.example/members?page=2&limit=50"));
    }

    @Test
    void readsUnquotedAndMultipleRelations() throws ServiceException {
        assertThat(Links.next(page("<https://lms.example/p2>;rel=next"))).contains(URI.create("https://lms.example/p2"));
        assertThat(Links.next(page("<https://lms.example/p2>; rel=\"prefetch next\""))).contains(URI.create("https://lms.example/p2"));
        assertThat(Links.next(page("<https://lms.example/diff>; rel=\"differences\""))).isEmpty();
        assertThat(Links.next(page())).isEmpty();
    }

    private static LtiResponse page(String... links) {
        HttpHeaders headers = HttpHeaders.of(links.length == 0 ? Map.of() : Map.of("Link", List.of(links)), (name, value) -> true);
        return new LtiResponse("GET", URI.create("https://lms.example/members?page=1"), 200, headers, new byte[0]);
    }
}
