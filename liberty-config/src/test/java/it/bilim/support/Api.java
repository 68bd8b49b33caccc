package it.bilim.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP client of the Bilim API with its own cookie jar: a browser, a kiosk, a staff member.
 * Answers are read as JSON; nothing is hidden, so a test asserts on status, headers and body.
 */
public final class Api {
    public static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient client;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Api(String base, InetAddress localAddress) {
        this.base = base;
        HttpClient.Builder b = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1);
        if (localAddress != null) {
            b.localAddress(localAddress);
        }
        this.client = b.build();
    }

    /** A client of the test server, connecting from 127.0.0.1. */
    public static Api client() {
        ItServer.awaitReady();
        return new Api(ItServer.url(), null);
    }

    /** A client connecting from another loopback address, e.g. 127.0.0.2: a device outside a facility's ranges. */
    public static Api clientFrom(String localAddress) {
        ItServer.awaitReady();
        try {
            return new Api(ItServer.url(), InetAddress.getByName(localAddress));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Api header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Response post(String path, Object json) {
        return send("POST", path, "application/json", json == null ? "" : toJson(json));
    }

    public Response put(String path, Object json) {
        return send("PUT", path, "application/json", toJson(json));
    }

    /** Sends a raw body with the given content type: for malformed and oversize input. */
    public Response send(String method, String path, String contentType, String body) {
        return new Response(exchange(request(method, path, contentType, body == null ? null
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String method, String path, String contentType, HttpRequest.BodyPublisher body,
                                        String... headerPairs) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        headers.forEach(r::header);
        if (contentType != null) {
            r.header("Content-Type", contentType);
        }
        for (int i = 0; i < headerPairs.length; i += 2) {
            r.header(headerPairs[i], headerPairs[i + 1]);
        }
        return r.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends bytes (an upload) or nothing, with extra headers, and reads the answer as bytes (a file, a range). */
    public Binary binary(String method, String path, String contentType, byte[] body, String... headerPairs) {
        return new Binary(exchange(request(method, path, contentType,
                body == null ? null : HttpRequest.BodyPublishers.ofByteArray(body), headerPairs), HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** Sends JSON with extra headers (If-Match, ...). */
    public Response sendJson(String method, String path, Object json, String... headerPairs) {
        HttpRequest.BodyPublisher body = json == null ? null
                : HttpRequest.BodyPublishers.ofString(json instanceof String str ? str : toJson(json), StandardCharsets.UTF_8);
        return new Response(exchange(request(method, path, "application/json", body, headerPairs),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    }

    public List<HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    public void forgetCookie(String name) {
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).toList()
                .forEach(c -> cookies.getCookieStore().getURIs().forEach(u -> cookies.getCookieStore().remove(u, c)));
    }

    static String toJson(Object o) {
        try {
            return o instanceof String s ? s : JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode object(Object... keyValues) {
        ObjectNode n = JSON.createObjectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            n.set((String) keyValues[i], JSON.valueToTree(keyValues[i + 1]));
        }
        return n;
    }

    /** An HTTP answer whose body is bytes. */
    public record Binary(HttpResponse<byte[]> raw) {
        public int status() {
            return raw.statusCode();
        }

        public byte[] body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + raw.statusCode() + "): " + new String(raw.body(), StandardCharsets.UTF_8), e);
            }
        }

        @Override
        public String toString() {
            String text = raw.body().length > 2000 ? raw.body().length + " bytes" : new String(raw.body(), StandardCharsets.UTF_8);
            return raw.request().method() + " " + raw.uri() + " -> " + raw.statusCode() + " " + text;
        }
    }

    /** An HTTP answer. */
    public record Response(HttpResponse<String> raw) {
        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public List<String> headers(String name) {
            return raw.headers().allValues(name);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + raw.statusCode() + "): " + raw.body(), e);
            }
        }

        /** The stable problem code of an error answer. */
        public String code() {
            return json().path("code").asText(null);
        }

        @Override
        public String toString() {
            return raw.request().method() + " " + raw.uri() + " -> " + raw.statusCode() + " " + raw.body();
        }
    }
}
