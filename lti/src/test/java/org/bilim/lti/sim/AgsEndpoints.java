package org.bilim.lti.sim;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/** Assignment and Grade Services 2.0: the line items container, line items and their scores. */
final class AgsEndpoints {

    static final String CONTAINER = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    static final String LINE_ITEM = "application/vnd.ims.lis.v2.lineitem+json";
    static final String SCORE = "application/vnd.ims.lis.v1.score+json";

    private final PlatformSimulator sim;
    private final Map<Integer, ObjectNode> items = new LinkedHashMap<>();
    private final List<RecordedScore> scores = new CopyOnWriteArrayList<>();
    private int nextId = 1;
    private volatile int pageSize = 100;
    private volatile boolean queryInItemUrls;

    AgsEndpoints(PlatformSimulator sim) {
        this.sim = sim;
    }

    synchronized ObjectNode add(JsonNode wanted) {
        int n = nextId++;
        ObjectNode item = Exchanges.JSON.createObjectNode();
        item.put("id", itemUrl(n));
        item.put("scoreMaximum", wanted.path("scoreMaximum").asDouble());
        item.put("label", wanted.path("label").asText());
        for (String field : List.of("resourceId", "tag", "resourceLinkId")) {
            if (wanted.hasNonNull(field)) {
                item.put(field, wanted.get(field).asText());
            }
        }
        items.put(n, item);
        return item.deepCopy();
    }

    private String itemUrl(int n) {
        // Moodle's line item URLs carry a query (…/lineitem?type_id=…); a client must keep it after /scores.
        return sim.baseUri() + "/ags/lineitems/" + n + (queryInItemUrls ? "?type_id=" + n : "");
    }

    void lineItems(HttpExchange exchange) throws IOException {
        if ("GET".equals(exchange.getRequestMethod())) {
            if (sim.tokens().authorize(exchange, Scopes.LINE_ITEM, Scopes.LINE_ITEM_READONLY)) {
                list(exchange);
            }
        } else if ("POST".equals(exchange.getRequestMethod())) {
            if (sim.tokens().authorize(exchange, Scopes.LINE_ITEM)) {
                create(exchange);
            }
        } else {
            Exchanges.text(exchange, 405, "GET or POST");
        }
    }

    private void list(HttpExchange exchange) throws IOException {
        Map<String, String> query = Exchanges.query(exchange.getRequestURI());
        List<ObjectNode> matching = new ArrayList<>();
        synchronized (this) {
            for (ObjectNode item : items.values()) {
                if (matches(item, "resourceLinkId", query.get("resource_link_id")) && matches(item, "resourceId", query.get("resource_id"))
                        && matches(item, "tag", query.get("tag"))) {
                    matching.add(item.deepCopy());
                }
            }
        }
        int limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : pageSize;
        int page = query.containsKey("page") ? Integer.parseInt(query.get("page")) : 1;
        int from = Math.min((page - 1) * limit, matching.size());
        int to = Math.min(from + limit, matching.size());
        ArrayNode body = Exchanges.JSON.createArrayNode();
        matching.subList(from, to).forEach(body::add);
        if (to < matching.size()) {
            Map<String, String> next = new LinkedHashMap<>(query);
            next.put("page", Integer.toString(page + 1));
            exchange.getResponseHeaders().add("Link", "<" + sim.lineItemsUrl() + "?" + encode(next) + ">; rel=\"next\"");
        }
        Exchanges.json(exchange, 200, CONTAINER, body);
    }

    private void create(HttpExchange exchange) throws IOException {
        if (!LINE_ITEM.equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
            Exchanges.text(exchange, 415, "Content-Type must be " + LINE_ITEM);
            return;
        }
        JsonNode wanted = Exchanges.JSON.readTree(Exchanges.body(exchange));
        if (!wanted.path("label").isTextual() || !(wanted.path("scoreMaximum").asDouble() > 0)) {
            Exchanges.text(exchange, 400, "a line item needs a label and a scoreMaximum above 0");
            return;
        }
        Exchanges.json(exchange, 201, LINE_ITEM, add(wanted));
    }

    void lineItem(HttpExchange exchange, int n) throws IOException {
        if (!sim.tokens().authorize(exchange, Scopes.LINE_ITEM, Scopes.LINE_ITEM_READONLY)) {
            return;
        }
        ObjectNode item;
        synchronized (this) {
            item = items.get(n);
        }
        if (item == null) {
            Exchanges.text(exchange, 404, "no such line item");
        } else {
            Exchanges.json(exchange, 200, LINE_ITEM, item);
        }
    }

    void scores(HttpExchange exchange, int n) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            Exchanges.text(exchange, 405, "POST only");
            return;
        }
        if (!sim.tokens().authorize(exchange, Scopes.SCORE)) {
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!SCORE.equals(contentType)) {
            Exchanges.text(exchange, 415, "Content-Type must be " + SCORE);
            return;
        }
        boolean known;
        synchronized (this) {
            known = items.containsKey(n);
        }
        if (!known) {
            Exchanges.text(exchange, 404, "no such line item");
            return;
        }
        JsonNode score = Exchanges.JSON.readTree(Exchanges.body(exchange));
        String problem = problem(score);
        if (problem != null) {
            Exchanges.text(exchange, 400, problem);
            return;
        }
        scores.add(new RecordedScore(sim.baseUri() + "/ags/lineitems/" + n, exchange.getRequestURI().getRawQuery(), contentType, score));
        Exchanges.send(exchange, 204, "application/json", new byte[0]);
    }

    /** What AGS 2.0 requires of a score document, or null. */
    private static String problem(JsonNode score) {
        for (String field : List.of("userId", "timestamp", "activityProgress", "gradingProgress")) {
            if (!score.path(field).isTextual()) {
                return "a score needs " + field;
            }
        }
        if (!score.path("timestamp").asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d+(Z|[+-]\\d{2}:\\d{2})")) {
            return "timestamp must be ISO 8601 with sub-second precision";
        }
        if (score.has("scoreGiven") && !score.path("scoreMaximum").isNumber()) {
            return "scoreGiven needs scoreMaximum";
        }
        return null;
    }

    private static boolean matches(JsonNode item, String field, String wanted) {
        return wanted == null || Objects.equals(wanted, item.path(field).asText(null));
    }

    private static String encode(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return query.toString();
    }

    List<RecordedScore> scores() {
        return List.copyOf(scores);
    }

    synchronized List<JsonNode> items() {
        return items.values().stream().map(item -> (JsonNode) item.deepCopy()).toList();
    }

    void pageSize(int size) {
        this.pageSize = size;
    }

    void queryInItemUrls(boolean on) {
        this.queryInItemUrls = on;
    }

    URI itemUri(JsonNode item) {
        return URI.create(item.path("id").asText());
    }
}
