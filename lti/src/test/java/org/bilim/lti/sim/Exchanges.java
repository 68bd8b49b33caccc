package org.bilim.lti.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/** Reading requests and writing answers on the JDK's HTTP server. */
final class Exchanges {

    static final ObjectMapper JSON = new ObjectMapper();

    private Exchanges() {
    }

    static byte[] body(HttpExchange exchange) throws IOException {
        return exchange.getRequestBody().readAllBytes();
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** Form fields as a query string; a space is {@code %20}, as a browser writes it in a URL. */
    static String encodeForm(Map<String, String> fields) {
        StringBuilder encoded = new StringBuilder();
        fields.forEach((name, value) -> {
            if (!encoded.isEmpty()) {
                encoded.append('&');
            }
            encoded.append(URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        });
        return encoded.toString();
    }

    static Map<String, String> query(URI uri) {
        return form(uri.getRawQuery());
    }

    /** Form fields from the query (GET) or the body (POST), as an OIDC endpoint takes them. */
    static Map<String, String> parameters(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = query(exchange.getRequestURI());
        if ("POST".equals(exchange.getRequestMethod())) {
            parameters.putAll(form(new String(body(exchange), StandardCharsets.UTF_8)));
        }
        return parameters;
    }

    static String bearer(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : null;
    }

    static void json(HttpExchange exchange, int status, String contentType, Object document) throws IOException {
        try {
            send(exchange, status, contentType, JSON.writeValueAsBytes(document));
        } catch (JsonProcessingException cannot) {
            throw new IllegalStateException(cannot);
        }
    }

    static void json(HttpExchange exchange, int status, Object document) throws IOException {
        json(exchange, status, "application/json", document);
    }

    static void text(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    static void html(HttpExchange exchange, int status, String html) throws IOException {
        send(exchange, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** The exchange attribute holding what to do with the status just before it is sent. */
    static final String BEFORE_SENDING = Exchanges.class.getName() + ".beforeSending";

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (exchange.getAttribute(BEFORE_SENDING) instanceof IntConsumer beforeSending) {
            // Recorded before the client can see the answer, so a test that got it finds it in the log.
            beforeSending.accept(status);
        }
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static String escapeHtml(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
