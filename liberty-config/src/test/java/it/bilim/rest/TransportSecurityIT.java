package it.bilim.rest;

import static org.assertj.core.api.Assertions.assertThat;

import it.bilim.support.Api;
import it.bilim.support.ItServer;
import it.bilim.support.World;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/**
 * HSTS and Secure cookies come with TLS. The H2 test server runs with TLS on (a self-signed
 * certificate made at its first start), the PostgreSQL one without.
 */
class TransportSecurityIT {

    @Test
    void withTlsAnswersCarryHstsAndCookiesAreSecure() throws Exception {
        if (ItServer.postgres()) {
            Api.Response r = Api.client().get("/api/kiosk/device");
            assertThat(r.header("Strict-Transport-Security")).as("no HSTS without TLS").isNull();
            return;
        }
        HttpClient tls = HttpClient.newBuilder().sslContext(trustAll()).sslParameters(noHostnameCheck()).build();
        HttpResponse<String> page = tls.send(HttpRequest.newBuilder(URI.create(ItServer.httpsUrl() + "/kiosk/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();

        HttpResponse<String> signIn = tls.send(HttpRequest.newBuilder(URI.create(ItServer.httpsUrl() + "/api/staff/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Api.object("username", ItServer.adminUsername(),
                        "password", ItServer.adminPassword()).toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(201);
        assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("bilim_staff=")
                .contains("Secure").contains("HttpOnly").contains("SameSite=Strict"));
    }

    @Test
    void overPlainHttpTheCookieIsNotMarkedSecure() {
        World w = World.create();
        World.Kiosk k = w.enrolledKiosk();
        Api.Response in = k.signIn(w.learner("ru"));
        assertThat(in.headers("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("bilim_learner=").doesNotContain("Secure"));
    }

    private static SSLContext trustAll() throws Exception {
        TrustManager[] all = {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // the test server's self-signed certificate is trusted on purpose
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // the test server's self-signed certificate is trusted on purpose
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }};
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, all, new SecureRandom());
        return ctx;
    }

    private static SSLParameters noHostnameCheck() {
        SSLParameters p = new SSLParameters();
        p.setEndpointIdentificationAlgorithm(null);
        return p;
    }
}
