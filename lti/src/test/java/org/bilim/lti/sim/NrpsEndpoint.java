package org.bilim.lti.sim;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/** Names and Role Provisioning Services 2.0: the context's membership container, paged with Link next. */
final class NrpsEndpoint {

    static final String CONTAINER = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

    private final PlatformSimulator sim;
    private volatile List<SimMember> members = List.of();
    private volatile int pageSize = 50;
    private volatile int failingPage;
    private volatile int failingStatus = 500;

    NrpsEndpoint(PlatformSimulator sim) {
        this.sim = sim;
    }

    void handle(HttpExchange exchange) throws IOException {
        if (!"GET".equals(exchange.getRequestMethod())) {
            Exchanges.text(exchange, 405, "GET only");
            return;
        }
        if (!sim.tokens().authorize(exchange, Scopes.CONTEXT_MEMBERSHIP)) {
            return;
        }
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept == null || !accept.contains(CONTAINER)) {
            Exchanges.text(exchange, 406, "Accept must name " + CONTAINER);
            return;
        }
        Map<String, String> query = Exchanges.query(exchange.getRequestURI());
        int page = query.containsKey("page") ? Integer.parseInt(query.get("page")) : 1;
        if (page == failingPage) {
            Exchanges.json(exchange, failingStatus, Map.of("error", "simulated failure of roster page " + page));
            return;
        }
        int limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : pageSize;
        List<SimMember> all = members;
        int from = Math.min((page - 1) * limit, all.size());
        int to = Math.min(from + limit, all.size());

        ObjectNode body = Exchanges.JSON.createObjectNode();
        body.put("id", sim.membershipsUrl().toString());
        ObjectNode context = body.putObject("context");
        context.put("id", sim.contextId());
        context.put("label", "C101");
        context.put("title", "Introduction to the simulated course");
        ArrayNode list = body.putArray("members");
        for (SimMember member : all.subList(from, to)) {
            ObjectNode node = list.addObject();
            node.put("user_id", member.userId());
            ArrayNode roles = node.putArray("roles");
            member.roles().forEach(roles::add);
            putIfPresent(node, "status", member.status());
            putIfPresent(node, "name", member.name());
            putIfPresent(node, "given_name", member.givenName());
            putIfPresent(node, "family_name", member.familyName());
            putIfPresent(node, "email", member.email());
            putIfPresent(node, "lis_person_sourcedid", member.lisPersonSourcedId());
        }
        if (to < all.size()) {
            exchange.getResponseHeaders().add("Link", "<" + sim.membershipsUrl() + "?page=" + (page + 1) + "&limit=" + limit + ">; rel=\"next\"");
        }
        Exchanges.json(exchange, 200, CONTAINER, body);
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    void members(List<SimMember> members) {
        this.members = List.copyOf(members);
    }

    void pageSize(int size) {
        this.pageSize = size;
    }

    void failPage(int page, int status) {
        this.failingStatus = status;
        this.failingPage = page;
    }
}
