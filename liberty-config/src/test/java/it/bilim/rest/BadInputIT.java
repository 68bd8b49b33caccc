package it.bilim.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.World;
import org.junit.jupiter.api.Test;

/** Bad input gets problem details with a stable code and a message a person can act on, and changes nothing. */
class BadInputIT {

    static void assertProblem(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("code").asText()).isEqualTo(code);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank();
        assertThat(p.get("type").asText()).isEqualTo("urn:bilim:problem:" + code);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("<html");
    }

    @Test
    void malformedJsonIsRefusedAndChangesNothing() {
        World w = World.create();
        Api.Response r = w.officer().send("POST", "/api/staff/learners", "application/json", "{\"learnerNumber\": \"M-1\", ");
        assertProblem(r, 400, "request.malformed");
        Api.Response wrongShape = w.officer().send("POST", "/api/staff/learners", "application/json", "[1,2,3]");
        assertProblem(wrongShape, 400, "request.malformed");
        assertThat(w.officer().get("/api/staff/learners").json().get("total").asLong()).isZero();
    }

    @Test
    void anEmptyBodyIsNotJson() {
        World w = World.create();
        assertProblem(w.officer().send("POST", "/api/staff/learners", "application/json", ""), 400, "request.malformed");
        assertProblem(w.officer().send("POST", "/api/staff/learners", "application/json", "null"), 400, "request.invalid");
    }

    @Test
    void oversizeFieldsAreNamedAndNothingIsCreated() {
        World w = World.create();
        Api.Response r = w.officer().post("/api/staff/learners", Api.object("learnerNumber", "N-" + "9".repeat(40),
                "fullName", "x".repeat(201), "language", "de"));
        assertProblem(r, 400, "request.invalid");
        JsonNode errors = r.json().get("errors");
        assertThat(errors.findValues("field")).extracting(JsonNode::asText).contains("learnerNumber", "fullName", "language");
        assertThat(errors.findValues("message")).extracting(JsonNode::asText).allMatch(m -> !m.isBlank());
        assertThat(w.officer().get("/api/staff/learners").json().get("total").asLong()).isZero();
    }

    @Test
    void anOversizeBodyIsRefusedBeforeItIsRead() {
        World w = World.create();
        String huge = "{\"learnerNumber\":\"H-1\",\"fullName\":\"" + "y".repeat(70_000) + "\",\"language\":\"ru\"}";
        assertProblem(w.officer().send("POST", "/api/staff/learners", "application/json", huge), 413, "request.too-large");
        assertThat(w.officer().get("/api/staff/learners").json().get("total").asLong()).isZero();
    }

    @Test
    void namesWithHtmlOrSqlAreStoredAndReturnedAsPlainText() {
        World w = World.create();
        String name = "<img src=x onerror=alert(1)> Robert'); DROP TABLE learner;--";
        Api.Response r = w.officer().post("/api/staff/learners", Api.object("learnerNumber", "S-1", "fullName", name, "language", "en"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().get("learner").get("id").asLong();
        assertThat(w.officer().get("/api/staff/learners/" + id).json().get("fullName").asText()).isEqualTo(name);
        assertThat(w.officer().get("/api/staff/learners?q=DROP%20TABLE").json().get("total").asLong()).isEqualTo(1);
        assertThat(r.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void controlCharactersInNamesAreRefused() {
        World w = World.create();
        Api.Response r = w.officer().post("/api/staff/learners", Api.object("learnerNumber", "C-1", "fullName", "A\u0000B", "language", "en"));
        assertProblem(r, 400, "request.invalid");
    }

    @Test
    void wrongMediaTypeMethodAndPathAreProblems() {
        World w = World.create();
        assertProblem(w.officer().send("POST", "/api/staff/learners", "text/plain", "hello"), 415, "request.unsupported-media-type");
        assertProblem(w.officer().send("PATCH", "/api/staff/learners", "application/json", "{}"), 405, "request.method-not-allowed");
        assertProblem(Api.client().get("/api/no/such/thing"), 404, "resource.not-found");
        assertProblem(w.officer().get("/api/staff/learners/not-a-number"), 404, "resource.not-found");
    }

    @Test
    void problemsSpeakTheLanguageTheClientAsksFor() {
        Api.Response kk = Api.client().header("Accept-Language", "kk").get("/api/kiosk/device");
        Api.Response ru = Api.client().header("Accept-Language", "ru-RU,ru;q=0.9").get("/api/kiosk/device");
        Api.Response en = Api.client().header("Accept-Language", "de, en;q=0.5").get("/api/kiosk/device");
        assertThat(kk.json().get("title").asText()).isEqualTo("Бұл киоск тіркелмеген");
        assertThat(ru.json().get("title").asText()).isEqualTo("Киоск не зарегистрирован");
        assertThat(en.json().get("title").asText()).isEqualTo("This kiosk is not registered");
        assertThat(kk.code()).isEqualTo(ru.code()).isEqualTo(en.code()).isEqualTo("kiosk.unregistered");
    }

    @Test
    void changesFromAnotherOriginAreRefused() {
        World w = World.create();
        Api.Response r = w.officer().header("Origin", "http://evil.example").post("/api/staff/learners",
                Api.object("learnerNumber", "O-1", "fullName", "Origin", "language", "ru"));
        assertProblem(r, 403, "request.origin-rejected");
        World again = World.create();
        assertThat(again.officer().header("Sec-Fetch-Site", "cross-site").post("/api/staff/learners",
                Api.object("learnerNumber", "O-2", "fullName", "Origin", "language", "ru")).code()).isEqualTo("request.origin-rejected");
        assertThat(w.officer().get("/api/staff/learners?q=O-1").json().get("total").asLong()).isZero();
    }

    @Test
    void badAddressRangesAreRefusedWithTheRangeNamed() {
        World w = World.create();
        Api.Response r = w.adminApi().post("/api/staff/facilities/" + w.facilityId + "/address-ranges",
                Api.object("cidr", "10.0.0.0/33", "label", "typo"));
        assertProblem(r, 400, "address-range.invalid");
        assertThat(r.json().get("detail").asText()).contains("10.0.0.0/33");
        Api.Response host = w.adminApi().post("/api/staff/facilities/" + w.facilityId + "/address-ranges",
                Api.object("cidr", "example.org/24"));
        assertProblem(host, 400, "address-range.invalid");
        assertThat(w.adminApi().get("/api/staff/facilities/" + w.facilityId).json().get("addressRanges")).hasSize(1);
    }
}
