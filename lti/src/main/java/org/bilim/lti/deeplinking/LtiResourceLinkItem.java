package org.bilim.lti.deeplinking;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An LTI resource link for the platform to create (Deep Linking 2.0, §3.2 "LTI Resource Link"):
 * launching it later brings the learner to this place in Bilim.
 *
 * @param url      the launch URL, if not Bilim's default one
 * @param title    shown in the course
 * @param text     a short description
 * @param custom   custom parameters the platform sends back with each launch of the link
 * @param lineItem the gradebook column to create with the link, if graded
 */
public record LtiResourceLinkItem(Optional<URI> url, Optional<String> title, Optional<String> text, Map<String, String> custom,
                                  Optional<LineItem> lineItem) implements ContentItem {

    public static final String TYPE = "ltiResourceLink";

    public LtiResourceLinkItem {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        custom = Map.copyOf(custom);
        Objects.requireNonNull(lineItem, "lineItem");
        url.ifPresent(u -> {
            if (!u.isAbsolute()) {
                throw new IllegalArgumentException("a resource link's url is absolute");
            }
        });
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", TYPE);
        url.ifPresent(u -> json.put("url", u.toString()));
        title.ifPresent(t -> json.put("title", t));
        text.ifPresent(t -> json.put("text", t));
        if (!custom.isEmpty()) {
            json.put("custom", new LinkedHashMap<>(custom));
        }
        lineItem.ifPresent(l -> json.put("lineItem", l.toJson()));
        return json;
    }
}
