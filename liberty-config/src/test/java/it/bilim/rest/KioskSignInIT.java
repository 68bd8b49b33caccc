package it.bilim.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.World;
import java.net.HttpCookie;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Learners sign in at registered kiosks of their own facility, from its network, and nowhere else. */
class KioskSignInIT {

    @Test
    void signInSetsAStrictSessionCookieAndSignOutEndsIt() {
        World w = World.create();
        World.Kiosk kiosk = w.enrolledKiosk();
        World.Learner learner = w.learner("kk");

        Api.Response in = kiosk.signIn(learner);
        assertThat(in.status()).as(in.toString()).isEqualTo(201);
        assertThat(in.json().get("learner").get("learnerNumber").asText()).isEqualTo(learner.number());
        assertThat(in.json().get("learner").get("language").asText()).isEqualTo("kk");
        String setCookie = in.headers("Set-Cookie").stream().filter(c -> c.startsWith("bilim_learner=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/api/kiosk").doesNotContain("Secure");

        assertThat(kiosk.device().get("/api/kiosk/session").status()).isEqualTo(200);
        assertThat(kiosk.device().delete("/api/kiosk/session").status()).isEqualTo(204);
        Api.Response after = kiosk.device().get("/api/kiosk/session");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("session.required");
    }

    @Test
    void signInRenewsTheSessionAndTheOldOneStopsWorking() {
        World w = World.create();
        World.Kiosk kiosk = w.enrolledKiosk();
        World.Learner learner = w.learner("ru");
        assertThat(kiosk.signIn(learner).status()).isEqualTo(201);
        String first = cookie(kiosk.device(), "bilim_learner");
        assertThat(kiosk.signIn(learner).status()).isEqualTo(201);
        String second = cookie(kiosk.device(), "bilim_learner");
        assertThat(second).isNotEqualTo(first);

        Api stale = Api.client().header("Cookie", "bilim_kiosk=" + cookie(kiosk.device(), "bilim_kiosk") + "; bilim_learner=" + first);
        assertThat(stale.get("/api/kiosk/session").status()).isEqualTo(401);
        assertThat(kiosk.device().get("/api/kiosk/session").status()).isEqualTo(200);
    }

    @Test
    void fiveWrongPinsLockTheLearnerUntilAnOfficerUnlocks() {
        World w = World.create();
        World.Kiosk kiosk = w.enrolledKiosk();
        World.Learner learner = w.learner("en");
        String wrong = wrongPin(learner.pin());

        for (int i = 1; i <= 4; i++) {
            Api.Response r = kiosk.signIn(learner.number(), wrong);
            assertThat(r.status()).as("attempt " + i).isEqualTo(401);
            assertThat(r.code()).isEqualTo("signin.invalid-credentials");
        }
        Api.Response fifth = kiosk.signIn(learner.number(), wrong);
        assertThat(fifth.status()).isEqualTo(403);
        assertThat(fifth.code()).isEqualTo("signin.locked");
        Api.Response rightButLocked = kiosk.signIn(learner);
        assertThat(rightButLocked.status()).isEqualTo(403);
        assertThat(rightButLocked.code()).isEqualTo("signin.locked");

        JsonNode seen = w.officer().get("/api/staff/learners/" + learner.id()).json();
        assertThat(seen.get("locked").asBoolean()).isTrue();
        assertThat(auditActions(w)).contains("learner.locked-out", "learner.signin-failed");

        assertThat(w.officer().post("/api/staff/learners/" + learner.id() + "/unlock", null).status()).isEqualTo(200);
        assertThat(kiosk.signIn(learner).status()).isEqualTo(201);
        assertThat(auditActions(w)).contains("learner.unlocked");
    }

    @Test
    void aBurstOfWrongPinsChecksAtMostFive() throws Exception {
        World w = World.create();
        World.Kiosk kiosk = w.enrolledKiosk();
        World.Learner learner = w.learner("en");
        String wrong = wrongPin(learner.pin());
        List<Future<Api.Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(12)) {
            for (int i = 0; i < 24; i++) {
                answers.add(pool.submit(() -> kiosk.signIn(learner.number(), wrong)));
            }
        }
        int invalid = 0;
        int locked = 0;
        for (Future<Api.Response> f : answers) {
            Api.Response r = f.get();
            if ("signin.invalid-credentials".equals(r.code())) {
                invalid++;
            } else if ("signin.locked".equals(r.code())) {
                locked++;
            } else {
                throw new AssertionError("unexpected " + r);
            }
        }
        assertThat(invalid).isEqualTo(4);
        assertThat(locked).isEqualTo(20);
        long pinChecks = w.officer().get("/api/staff/audit?size=200").json().get("items").findValues("detail").stream()
                .map(JsonNode::asText).filter(d -> d.startsWith("wrong PIN for learner " + learner.number())).count();
        assertThat(pinChecks).isEqualTo(5);
    }

    @Test
    void anUnregisteredDeviceIsRefusedAndTheAttemptAudited() {
        World w = World.create();
        World.Learner learner = w.learner("ru");
        Api stranger = Api.client();
        Api.Response r = stranger.post("/api/kiosk/session", Api.object("learnerNumber", learner.number(), "pin", learner.pin()));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("kiosk.unregistered");
        assertThat(stranger.get("/api/kiosk/device").code()).isEqualTo("kiosk.unregistered");
        JsonNode events = w.adminApi().get("/api/staff/audit?size=50").json().get("items");
        assertThat(events.findValues("detail")).extracting(JsonNode::asText)
                .anyMatch(d -> d.contains("kiosk.unregistered") && d.contains(learner.number()));
    }

    @Test
    void aLockedKioskIsRefusedAndItsLearnerSignedOut() {
        World w = World.create();
        World.Kiosk kiosk = w.enrolledKiosk();
        World.Learner learner = w.learner("ru");
        assertThat(kiosk.signIn(learner).status()).isEqualTo(201);

        Api.Response lock = w.officer().post("/api/staff/kiosks/" + kiosk.id() + "/lock", null);
        assertThat(lock.status()).isEqualTo(200);
        assertThat(lock.json().get("locked").asBoolean()).isTrue();

        Api.Response session = kiosk.device().get("/api/kiosk/session");
        assertThat(session.status()).isEqualTo(403);
        assertThat(session.code()).isEqualTo("kiosk.locked");
        Api.Response again = kiosk.signIn(learner);
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.code()).isEqualTo("kiosk.locked");

        assertThat(w.officer().post("/api/staff/kiosks/" + kiosk.id() + "/unlock", null).status()).isEqualTo(200);
        // The lock ended the session: unlocking does not bring it back.
        assertThat(kiosk.device().get("/api/kiosk/session").code()).isEqualTo("session.required");
        assertThat(kiosk.signIn(learner).status()).isEqualTo(201);
    }

    @Test
    void aKioskIsRefusedOutsideItsFacilitysAddressRanges() {
        World w = World.create();
        JsonNode registered = w.registerKiosk(World.unique("Kiosk "));
        String code = registered.get("enrolmentCode").asText();

        Api outside = Api.clientFrom("127.0.0.2");
        Api.Response refused = outside.post("/api/kiosk/enrolment", Api.object("code", code));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("kiosk.address-not-allowed");
        assertThat(refused.json().get("detail").asText()).contains("127.0.0.2");

        Api inside = Api.client();
        assertThat(inside.post("/api/kiosk/enrolment", Api.object("code", code)).status()).isEqualTo(200);
        String device = cookie(inside, "bilim_kiosk");
        World.Learner learner = w.learner("kk");
        Api stolen = Api.clientFrom("127.0.0.2").header("Cookie", "bilim_kiosk=" + device);
        Api.Response r = stolen.post("/api/kiosk/session", Api.object("learnerNumber", learner.number(), "pin", learner.pin()));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("kiosk.address-not-allowed");
    }

    @Test
    void anEnrolmentCodeWorksOnce() {
        World w = World.create();
        String code = w.registerKiosk(World.unique("Kiosk ")).get("enrolmentCode").asText();
        assertThat(Api.client().post("/api/kiosk/enrolment", Api.object("code", code.toLowerCase().replace("-", " "))).status())
                .isEqualTo(200);
        Api.Response second = Api.client().post("/api/kiosk/enrolment", Api.object("code", code));
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.code()).isEqualTo("kiosk.enrolment-code-invalid");
    }

    @Test
    void aNewEnrolmentCodeRevokesTheOldDevice() {
        World w = World.create();
        World.Kiosk kiosk = w.enrolledKiosk();
        assertThat(kiosk.device().get("/api/kiosk/device").status()).isEqualTo(200);
        assertThat(w.officer().post("/api/staff/kiosks/" + kiosk.id() + "/enrolment-code", null).status()).isEqualTo(200);
        assertThat(kiosk.device().get("/api/kiosk/device").code()).isEqualTo("kiosk.unregistered");
    }

    @Test
    void learnersSignInOnlyAtTheirOwnFacility() {
        World home = World.create();
        World other = World.create();
        World.Learner learner = home.learner("ru");
        Api.Response r = other.enrolledKiosk().signIn(learner);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("signin.invalid-credentials");
    }

    @Test
    void aSessionLivesOnlyOnTheKioskWhereItBegan() {
        World w = World.create();
        World.Kiosk a = w.enrolledKiosk();
        World.Kiosk b = w.enrolledKiosk();
        World.Learner learner = w.learner("en");
        assertThat(a.signIn(learner).status()).isEqualTo(201);
        Api moved = Api.client().header("Cookie", "bilim_kiosk=" + cookie(b.device(), "bilim_kiosk")
                + "; bilim_learner=" + cookie(a.device(), "bilim_learner"));
        assertThat(moved.get("/api/kiosk/session").code()).isEqualTo("session.required");
    }

    @Test
    void aReleasedLearnerIsSignedOutAndCannotSignIn() {
        World w = World.create();
        World.Kiosk kiosk = w.enrolledKiosk();
        World.Learner learner = w.learner("ru");
        assertThat(kiosk.signIn(learner).status()).isEqualTo(201);
        JsonNode current = w.officer().get("/api/staff/learners/" + learner.id()).json();
        Api.Response released = w.officer().put("/api/staff/learners/" + learner.id(), Api.object(
                "learnerNumber", learner.number(), "fullName", current.get("fullName").asText(), "language", "ru",
                "accessibility", current.get("accessibility"), "status", "RELEASED", "version", current.get("version").asLong()));
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assertThat(kiosk.device().get("/api/kiosk/session").status()).isEqualTo(401);
        Api.Response r = kiosk.signIn(learner);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("signin.account-closed");
    }

    @Test
    void theLearnerKeepsTheirLanguageAndAccessibilityChoices() {
        World w = World.create();
        World.Kiosk kiosk = w.enrolledKiosk();
        World.Learner learner = w.learner("ru");
        assertThat(kiosk.signIn(learner).status()).isEqualTo(201);
        Api.Response changed = kiosk.device().put("/api/kiosk/session/preferences", Api.object("language", "kk",
                "accessibility", Api.object("largeText", true, "highContrast", true, "screenReader", false)));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        kiosk.device().delete("/api/kiosk/session");
        JsonNode again = kiosk.signIn(learner).json().get("learner");
        assertThat(again.get("language").asText()).isEqualTo("kk");
        assertThat(again.get("accessibility").get("largeText").asBoolean()).isTrue();
        assertThat(again.get("accessibility").get("highContrast").asBoolean()).isTrue();
        assertThat(kiosk.device().get("/api/kiosk/me/courses").json().isArray()).isTrue();
    }

    static String wrongPin(String pin) {
        return pin.equals("111112") ? "111113" : "111112";
    }

    static String cookie(Api api, String name) {
        return api.cookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    static List<String> auditActions(World w) {
        return w.officer().get("/api/staff/audit?size=200").json().get("items").findValues("action").stream()
                .map(JsonNode::asText).toList();
    }
}
