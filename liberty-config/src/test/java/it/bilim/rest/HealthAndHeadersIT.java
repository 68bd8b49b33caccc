package it.bilim.rest;

import static org.assertj.core.api.Assertions.assertThat;

import it.bilim.support.Api;
import org.junit.jupiter.api.Test;

/** The server is up, describes its API, and sends the security headers on every kind of answer. */
class HealthAndHeadersIT {

    @Test
    void healthIsLiveAndReady() {
        Api api = Api.client();
        Api.Response live = api.get("/health/live");
        assertThat(live.status()).isEqualTo(200);
        Api.Response ready = api.get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("checks").get(0).get("data").get("phase").asText()).isEqualTo("ready");
    }

    @Test
    void openApiDescribesTheEntryPoints() {
        Api.Response r = Api.client().header("Accept", "application/json").get("/openapi");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("paths").has("/kiosk/session")).as(r.body()).isTrue();
        assertThat(r.json().get("paths").has("/staff/learners")).isTrue();
    }

    @Test
    void metricsAreServed() {
        Api.Response r = Api.client().get("/metrics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("jvm");
    }

    @Test
    void securityHeadersOnApiUiAndErrorAnswers() {
        Api api = Api.client();
        for (Api.Response r : new Api.Response[] {api.get("/api/kiosk/device"), api.get("/kiosk/"), api.get("/api/nothing-here"),
                api.get("/no-such-page")}) {
            assertThat(r.header("Content-Security-Policy")).as(r.toString())
                    .contains("default-src 'self'")
                    .contains("script-src 'self'")
                    .contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("http:")
                    .doesNotContain("https:");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
        }
    }

    @Test
    void anUnknownPageIsBilimsOwnNotTheContainersErrorText() {
        Api.Response r = Api.client().get("/no-such-page");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).contains("data-i18n=\"notFound.title\"").doesNotContain("Exception").doesNotContain("SRVE");
        Api.Response api = Api.client().get("/api/no-such-resource");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void apiAnswersAreNeverCached() {
        Api.Response r = Api.client().get("/api/kiosk/device");
        assertThat(r.header("Cache-Control")).contains("no-store");
    }
}
