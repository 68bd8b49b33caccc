package it.bilim.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import it.bilim.support.Api;
import it.bilim.support.World;
import org.junit.jupiter.api.Test;

/** Officers see and change only their own facility's learners and kiosks, checked on every object. */
class OfficerAccessIT {

    @Test
    void anOfficerCannotReadOrChangeALearnerOfAnotherFacility() {
        World a = World.create();
        World b = World.create();
        World.Learner theirs = b.learner("ru");
        JsonNode before = b.officer().get("/api/staff/learners/" + theirs.id()).json();

        for (Api.Response r : new Api.Response[] {
            a.officer().get("/api/staff/learners/" + theirs.id()),
            a.officer().put("/api/staff/learners/" + theirs.id(), Api.object("learnerNumber", "HIJACK", "fullName", "Changed",
                    "language", "en", "status", "RELEASED", "version", before.get("version").asLong())),
            a.officer().post("/api/staff/learners/" + theirs.id() + "/pin-reset", null),
            a.officer().post("/api/staff/learners/" + theirs.id() + "/unlock", null)}) {
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.code()).isEqualTo("learner.not-found");
        }
        JsonNode after = b.officer().get("/api/staff/learners/" + theirs.id()).json();
        assertThat(after).isEqualTo(before);
        assertThat(b.enrolledKiosk().signIn(theirs).status()).as("the PIN was not reset").isEqualTo(201);
        assertThat(a.officer().get("/api/staff/learners?q=" + theirs.number()).json().get("total").asLong()).isZero();
        assertThat(a.officer().get("/api/staff/audit?size=50").json().findValues("action")).extracting(JsonNode::asText)
                .contains("access.denied");
    }

    @Test
    void anOfficerCannotSeeOrLockAKioskOfAnotherFacility() {
        World a = World.create();
        World b = World.create();
        World.Kiosk theirs = b.enrolledKiosk();
        assertThat(a.officer().get("/api/staff/kiosks").json().findValues("id")).extracting(JsonNode::asLong)
                .doesNotContain(theirs.id());
        Api.Response lock = a.officer().post("/api/staff/kiosks/" + theirs.id() + "/lock", null);
        assertThat(lock.status()).isEqualTo(404);
        assertThat(lock.code()).isEqualTo("kiosk.not-found");
        assertThat(theirs.device().get("/api/kiosk/device").status()).isEqualTo(200);
        Api.Response code = a.officer().post("/api/staff/kiosks/" + theirs.id() + "/enrolment-code", null);
        assertThat(code.status()).isEqualTo(404);
    }

    @Test
    void rolesAreCheckedPerEndpoint() {
        World w = World.create();
        Api.Response officerAsAdmin = w.officer().get("/api/staff/facilities");
        assertThat(officerAsAdmin.status()).isEqualTo(403);
        assertThat(officerAsAdmin.code()).isEqualTo("access.role-required");
        Api.Response adminAsOfficer = w.adminApi().get("/api/staff/learners");
        assertThat(adminAsOfficer.status()).isEqualTo(403);
        Api.Response nobody = Api.client().get("/api/staff/learners");
        assertThat(nobody.status()).isEqualTo(401);
        assertThat(nobody.code()).isEqualTo("session.required");
        Api.Response kioskOnStaff = w.enrolledKiosk().device().get("/api/staff/learners");
        assertThat(kioskOnStaff.status()).isEqualTo(401);
    }

    @Test
    void learnersAreSearchedAndPagedWithinTheFacility() {
        World w = World.create();
        for (int i = 0; i < 12; i++) {
            w.officer().post("/api/staff/learners", Api.object("learnerNumber", "P-" + (100 + i), "fullName",
                    (i % 2 == 0 ? "Әлия " : "Иван ") + i, "language", "kk"));
        }
        JsonNode page0 = w.officer().get("/api/staff/learners?size=5&page=0").json();
        JsonNode page2 = w.officer().get("/api/staff/learners?size=5&page=2").json();
        assertThat(page0.get("total").asLong()).isEqualTo(12);
        assertThat(page0.get("items")).hasSize(5);
        assertThat(page2.get("items")).hasSize(2);
        assertThat(w.officer().get("/api/staff/learners?q=%D3%99%D0%BB%D0%B8%D1%8F").json().get("total").asLong())
                .as("a search for Әлия, in any case").isEqualTo(6);
        assertThat(w.officer().get("/api/staff/learners?q=p-10").json().get("total").asLong()).isEqualTo(10);
        assertThat(w.officer().get("/api/staff/learners?q=%25").json().get("total").asLong())
                .as("a % is a character, not a wildcard").isZero();
        Api.Response tooBig = w.officer().get("/api/staff/learners?size=1000");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.code()).isEqualTo("request.invalid");
    }

    @Test
    void aLearnerNumberIsUniqueWithinAFacilityOnly() {
        World a = World.create();
        World b = World.create();
        Api.Response first = a.officer().post("/api/staff/learners", Api.object("learnerNumber", "X-1", "fullName", "A", "language", "ru"));
        assertThat(first.status()).isEqualTo(201);
        Api.Response dup = a.officer().post("/api/staff/learners", Api.object("learnerNumber", "x-1", "fullName", "B", "language", "ru"));
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.code()).isEqualTo("learner.number-taken");
        assertThat(dup.json().get("errors").get(0).get("field").asText()).as("the form can show it at the field").isEqualTo("learnerNumber");
        assertThat(dup.json().get("errors").get(0).get("message").asText()).isEqualTo(dup.json().get("detail").asText());
        assertThat(b.officer().post("/api/staff/learners", Api.object("learnerNumber", "X-1", "fullName", "C", "language", "ru"))
                .status()).isEqualTo(201);
    }

    @Test
    void twoOfficersCannotOverwriteEachOther() {
        World w = World.create();
        World.Learner l = w.learner("ru");
        JsonNode seen = w.officer().get("/api/staff/learners/" + l.id()).json();
        Api.Response first = w.officer().put("/api/staff/learners/" + l.id(), Api.object("learnerNumber", l.number(),
                "fullName", "First edit", "language", "ru", "status", "ACTIVE", "version", seen.get("version").asLong()));
        assertThat(first.status()).isEqualTo(200);
        Api.Response second = w.officer().put("/api/staff/learners/" + l.id(), Api.object("learnerNumber", l.number(),
                "fullName", "Second edit", "language", "ru", "status", "ACTIVE", "version", seen.get("version").asLong()));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("resource.concurrent-change");
        assertThat(w.officer().get("/api/staff/learners/" + l.id()).json().get("fullName").asText()).isEqualTo("First edit");
    }

    @Test
    void aPinResetShowsANewPinOnceAndTheOldOneStopsWorking() {
        World w = World.create();
        World.Kiosk kiosk = w.enrolledKiosk();
        World.Learner l = w.learner("kk");
        Api.Response reset = w.officer().post("/api/staff/learners/" + l.id() + "/pin-reset", null);
        assertThat(reset.status()).isEqualTo(200);
        String pin = reset.json().get("pin").asText();
        assertThat(pin).matches("\\d{6}");
        assertThat(kiosk.signIn(l).status()).isEqualTo(401);
        assertThat(kiosk.signIn(l.number(), pin).status()).isEqualTo(201);
        assertThat(w.officer().get("/api/staff/learners/" + l.id()).body()).doesNotContain(pin).doesNotContain("pinHash");
    }

    @Test
    void staffChooseTheirLanguageAndIdleRulesComeWithTheSession() {
        World w = World.create();
        Api.Response changed = w.officer().put("/api/staff/session/language", Api.object("language", "kk"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("language").asText()).isEqualTo("kk");
        JsonNode me = World.signIn(w.officerUsername, w.officerPassword).get("/api/staff/session").json();
        assertThat(me.get("language").asText()).isEqualTo("kk");
        assertThat(me.get("idleTimeoutSeconds").asLong()).isPositive();
        assertThat(me.get("idleWarningSeconds").asLong()).isPositive().isLessThanOrEqualTo(me.get("idleTimeoutSeconds").asLong());
        Api.Response bad = w.officer().put("/api/staff/session/language", Api.object("language", "de"));
        assertThat(bad.code()).isEqualTo("request.invalid");
    }

    @Test
    void staffAccountsLockAfterTenWrongPasswords() {
        World w = World.create();
        for (int i = 1; i <= 9; i++) {
            Api.Response r = Api.client().post("/api/staff/session", Api.object("username", w.officerUsername, "password", "wrong-" + i));
            assertThat(r.code()).as("attempt " + i).isEqualTo("staff-signin.invalid-credentials");
        }
        Api.Response tenth = Api.client().post("/api/staff/session", Api.object("username", w.officerUsername, "password", "wrong"));
        assertThat(tenth.status()).isEqualTo(403);
        assertThat(tenth.code()).isEqualTo("staff-signin.locked");
        Api.Response right = Api.client().post("/api/staff/session", Api.object("username", w.officerUsername, "password", w.officerPassword));
        assertThat(right.code()).isEqualTo("staff-signin.locked");
        assertThat(w.adminApi().get("/api/staff/audit?size=100").json().findValues("action")).extracting(JsonNode::asText)
                .contains("staff.locked-out");
    }
}
