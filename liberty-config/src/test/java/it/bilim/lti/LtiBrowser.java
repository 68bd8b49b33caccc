package it.bilim.lti;

import static org.assertj.core.api.Assertions.assertThat;

import it.bilim.support.ItServer;
import it.bilim.support.World;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.bilim.lti.sim.PlatformSimulator;

/** A browser between an LMS (the simulator) and Bilim: keeps cookies, follows nothing by itself, posts forms. */
final class LtiBrowser {
    private final PlatformSimulator lms;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    LtiBrowser(PlatformSimulator lms) {
        this.lms = lms;
    }

    /** The whole launch: login at Bilim, authorization at the LMS, the id_token posted back. */
    Page launch() {
        return post("/api/lti/launch", authorize(login()));
    }

    /** Starts the login; the redirect to the LMS, whose hints must come back exactly. */
    URI login() {
        Map<String, String> form = loginForm(lms);
        Page p = post("/api/lti/login", form);
        assertThat(p.status()).as(p.toString()).isEqualTo(303);
        URI location = URI.create(p.header("Location"));
        assertThat(location.toString()).startsWith(lms.authorizationEndpoint().toString());
        Map<String, String> query = query(location);
        assertThat(query.get("login_hint")).isEqualTo(form.get("login_hint"));
        assertThat(query.get("lti_message_hint")).isEqualTo(form.get("lti_message_hint"));
        assertThat(query.get("redirect_uri")).isEqualTo(ItServer.url() + "/api/lti/launch");
        assertThat(p.header("Set-Cookie")).contains("bilim_lti_state_").contains("HttpOnly");
        return location;
    }

    /**
     * Starts a login whose LMS offers its storage frame ({@code lti_storage_target}): Bilim answers
     * with its page that keeps the state and nonce there, and still sets the cookie. The page's
     * {@code data-} attributes, by name without the prefix.
     */
    Map<String, String> loginWithPlatformStorage(String target) {
        Map<String, String> form = new LinkedHashMap<>(loginForm(lms));
        form.put("lti_storage_target", target);
        Page p = post("/api/lti/login", form);
        assertThat(p.status()).as(p.toString()).isEqualTo(200);
        assertThat(p.header("Set-Cookie")).contains("bilim_lti_state_").contains("HttpOnly");
        assertThat(p.body()).contains("data-lti-storage=\"put\"").contains("<script src=\"/lti/platform-storage.js\" defer>")
                .doesNotContain("<script>");
        return dataAttributes(p.body());
    }

    /** The {@code data-} attributes of a page's {@code <main>}, unescaped. */
    static Map<String, String> dataAttributes(String html) {
        Matcher main = Pattern.compile("<main [^>]*>").matcher(html);
        assertThat(main.find()).as(html).isTrue();
        Map<String, String> data = new LinkedHashMap<>();
        Matcher m = Pattern.compile("data-([a-z-]+)=\"([^\"]*)\"").matcher(main.group());
        while (m.find()) {
            data.put(m.group(1), unescape(m.group(2)));
        }
        return data;
    }

    /** The LMS's authorization endpoint answers with the auto-posting form: its fields. */
    Map<String, String> authorize(URI location) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(location).GET());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, String> fields = hiddenFields(r.body());
        assertThat(fields).containsKeys("id_token", "state");
        return fields;
    }

    /** The hidden fields of a page's form, unescaped. */
    static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(html);
        while (m.find()) {
            fields.put(m.group(1), unescape(m.group(2)));
        }
        return fields;
    }

    Page post(String path, Map<String, String> form) {
        return post(path, form, Map.of());
    }

    /** A form post with these request headers too (e.g. the {@code Origin} a browser sets). */
    Page post(String path, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ItServer.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "ru")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> r = send(request);
        return new Page(r.statusCode(), r.body(), r);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    static Map<String, String> loginForm(PlatformSimulator lms) {
        return Map.of("iss", lms.issuer(), "login_hint", "hint " + World.unique("") + " +&=%/é", "lti_message_hint", "msg+hint/é",
                "target_link_uri", ItServer.url() + "/", "client_id", lms.clientId(), "lti_deployment_id", lms.deploymentId());
    }

    public record Page(int status, String body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
