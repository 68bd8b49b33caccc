package org.bilim.lti.services;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.bilim.lti.http.LtiHttp;
import org.bilim.lti.http.LtiRequest;
import org.bilim.lti.http.ServiceException;
import org.bilim.lti.registration.PlatformRegistration;

/**
 * Assignment and Grade Services 2.0: Bilim's line items in a platform's gradebook and the scores
 * posted to them.
 *
 * <p>Each operation asks for the narrowest scope it needs: listing takes {@code lineitem.readonly},
 * find-or-create {@code lineitem} (which reads too, so one token serves both steps), posting a
 * score {@code score}.
 */
public final class Ags {

    public static final String LINE_ITEM_CONTAINER = "application/vnd.ims.lis.v2.lineitemcontainer+json";
    public static final String LINE_ITEM = "application/vnd.ims.lis.v2.lineitem+json";
    public static final String SCORE = "application/vnd.ims.lis.v1.score+json";

    /** AGS 2.0 wants the timestamp in ISO 8601 with sub-second precision; milliseconds, in UTC. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuthorizedCall call;

    public Ags(LtiHttp http, ServiceTokens tokens) {
        this.call = new AuthorizedCall(Objects.requireNonNull(http, "http"), Objects.requireNonNull(tokens, "tokens"));
    }

    /**
     * Every line item of the container matching the query, every page read.
     *
     * @param lineItemsUrl the {@code lineitems} URL of the launch's AGS endpoint claim
     */
    public List<LineItem> lineItems(PlatformRegistration registration, URI lineItemsUrl, LineItemQuery query) throws ServiceException {
        return list(registration, lineItemsUrl, query, Set.of(LtiScopes.LINE_ITEM_READONLY));
    }

    /**
     * The platform's line item for what {@code wanted} describes, created if there is none yet.
     * The platform is asked with the filters and its answer checked again here, since a platform
     * may ignore a filter. Two concurrent calls for the same item may both create it; the server
     * serialises them per item.
     */
    public LineItem findOrCreate(PlatformRegistration registration, URI lineItemsUrl, NewLineItem wanted) throws ServiceException {
        Set<String> scopes = Set.of(LtiScopes.LINE_ITEM);
        LineItemQuery query = new LineItemQuery(wanted.resourceLinkId(), wanted.resourceId(), wanted.tag());
        for (LineItem item : list(registration, lineItemsUrl, query, scopes)) {
            if (wanted.sameAs(item)) {
                return item;
            }
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("scoreMaximum", wanted.scoreMaximum());
        body.put("label", wanted.label());
        putIfPresent(body, "resourceId", wanted.resourceId());
        putIfPresent(body, "tag", wanted.tag());
        putIfPresent(body, "resourceLinkId", wanted.resourceLinkId());
        JsonNode created = call.send(registration, scopes, LtiRequest.post(lineItemsUrl, LINE_ITEM, bytes(body), LINE_ITEM)).json();
        return lineItem(created, lineItemsUrl);
    }

    /**
     * Posts a score to {@code <lineItemUrl>/scores}. Never throws for the platform's sake: every
     * failure comes back as a {@link Delivery} saying whether to retry.
     *
     * @param lineItemUrl the line item's {@code id} (or the launch claim's {@code lineitem})
     */
    public Delivery postScore(PlatformRegistration registration, URI lineItemUrl, Score score) {
        ObjectNode body = JSON.createObjectNode();
        body.put("userId", score.userId());
        if (score.scoreGiven() != null) {
            body.put("scoreGiven", score.scoreGiven());
            body.put("scoreMaximum", score.scoreMaximum());
        }
        putIfPresent(body, "comment", score.comment());
        body.put("timestamp", TIMESTAMP.format(score.timestamp()));
        body.put("activityProgress", score.activityProgress().wire());
        body.put("gradingProgress", score.gradingProgress().wire());
        URI scores = Links.appendPath(lineItemUrl, "scores");
        try {
            call.send(registration, Set.of(LtiScopes.SCORE), LtiRequest.post(scores, SCORE, bytes(body), "application/json"));
            return new Delivery.Delivered();
        } catch (ServiceException failed) {
            return Delivery.failed(failed);
        }
    }

    private List<LineItem> list(PlatformRegistration registration, URI lineItemsUrl, LineItemQuery query, Set<String> scopes)
            throws ServiceException {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("resource_link_id", query.resourceLinkId());
        filters.put("resource_id", query.resourceId());
        filters.put("tag", query.tag());
        URI first = Links.withQuery(lineItemsUrl, filters);
        List<LineItem> items = new ArrayList<>();
        Pages.readAll(call, registration, scopes, first, LINE_ITEM_CONTAINER, page -> {
            if (!page.isArray()) {
                throw new ServiceException(ServiceException.Reason.BAD_RESPONSE, first, "GET " + first + " answered no line item array");
            }
            for (JsonNode item : page) {
                items.add(lineItem(item, first));
            }
        });
        return items;
    }

    private static LineItem lineItem(JsonNode item, URI from) throws ServiceException {
        String id = Json.text(item, "id");
        JsonNode maximum = item.path("scoreMaximum");
        if (id == null || !maximum.isNumber()) {
            throw new ServiceException(ServiceException.Reason.BAD_RESPONSE, from, from + " answered a line item without id or scoreMaximum");
        }
        try {
            return new LineItem(from.resolve(id), maximum.asDouble(), Json.text(item, "label"), Json.text(item, "resourceId"),
                    Json.text(item, "tag"), Json.text(item, "resourceLinkId"));
        } catch (IllegalArgumentException badId) {
            throw new ServiceException(ServiceException.Reason.BAD_RESPONSE, from, from + " answered a line item whose id is no URL");
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException cannot) {
            throw new IllegalStateException("cannot write a JSON tree", cannot);
        }
    }
}
