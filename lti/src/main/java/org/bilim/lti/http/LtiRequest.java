package org.bilim.lti.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One outbound request. LTI services distinguish their documents by media type (AGS 2.0 and NRPS
 * 2.0 define one per document), so {@code accept} and {@code contentType} are explicit.
 *
 * @param method      {@code GET} or {@code POST}
 * @param uri         an absolute URL; {@link LtiHttp} decides whether it may be called
 * @param accept      the media type expected back
 * @param contentType the body's media type, or {@code null} without body
 * @param body        the body, or {@code null}
 * @param bearer      the {@code Authorization: Bearer} token, or {@code null}
 */
public record LtiRequest(String method, URI uri, String accept, String contentType, byte[] body, BearerToken bearer) {

    public LtiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(accept, "accept");
        if ((body == null) != (contentType == null)) {
            throw new IllegalArgumentException("a body needs a content type and a content type a body");
        }
    }

    public static LtiRequest get(URI uri, String accept) {
        return new LtiRequest("GET", uri, accept, null, null, null);
    }

    public static LtiRequest post(URI uri, String contentType, byte[] body, String accept) {
        return new LtiRequest("POST", uri, accept, contentType, body, null);
    }

    /** A form POST ({@code application/x-www-form-urlencoded}), as OAuth 2 token requests are. */
    public static LtiRequest postForm(URI uri, Map<String, String> fields, String accept) {
        String form = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return post(uri, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8), accept);
    }

    /** The same request with another bearer token. */
    public LtiRequest withBearer(BearerToken token) {
        return new LtiRequest(method, uri, accept, contentType, body, token);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }
}
