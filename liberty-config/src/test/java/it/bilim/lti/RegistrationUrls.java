package it.bilim.lti;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** What an LMS administrator's browser does with Bilim's registration URL (LTI Dynamic Registration 1.0 §3.3). */
public final class RegistrationUrls {
    private static final HttpClient BROWSER = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RegistrationUrls() {
    }

    /** Opens the URL as the LMS does: with the LMS's configuration address and, if it has one, its registration token. */
    public static HttpResponse<String> open(String registrationUrl, URI configuration, String token) {
        String url = registrationUrl + "&openid_configuration=" + URLEncoder.encode(configuration.toString(), StandardCharsets.UTF_8)
                + (token == null ? "" : "&registration_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        try {
            return BROWSER.send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "en").GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
