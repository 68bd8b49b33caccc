package it.bilim.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * Builds the data a test needs through the API, as an administrator and an officer would: a
 * facility of its own (so tests never share state), an officer, kiosks enrolled from this
 * machine, learners with their PINs.
 */
public final class World {
    private final Api admin;
    public final long facilityId;
    public final String facilityCode;
    public final String officerUsername;
    public final String officerPassword;
    private final Api officer;

    private World(Api admin, long facilityId, String facilityCode, String officerUsername, String officerPassword, Api officer) {
        this.admin = admin;
        this.facilityId = facilityId;
        this.facilityCode = facilityCode;
        this.officerUsername = officerUsername;
        this.officerPassword = officerPassword;
        this.officer = officer;
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** An administrator signed in on the staff entry point. */
    public static Api admin() {
        Api a = Api.client();
        Api.Response r = a.post("/api/staff/session",
                Api.object("username", ItServer.adminUsername(), "password", ItServer.adminPassword()));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return a;
    }

    /** A new facility whose kiosks may connect from 127.0.0.1 only, with a classroom and an officer. */
    public static World create() {
        Api admin = admin();
        String code = unique("F");
        Api.Response f = admin.post("/api/staff/facilities",
                Api.object("code", code, "name", "Facility " + code, "region", "Pavlodar region", "defaultLanguage", "ru"));
        assertThat(f.status()).as(f.toString()).isEqualTo(201);
        long facilityId = f.json().get("id").asLong();
        Api.Response range = admin.post("/api/staff/facilities/" + facilityId + "/address-ranges",
                Api.object("cidr", "127.0.0.1/32", "label", "test machine"));
        assertThat(range.status()).as(range.toString()).isEqualTo(201);
        Api.Response room = admin.post("/api/staff/facilities/" + facilityId + "/classrooms", Api.object("name", "Room 1"));
        assertThat(room.status()).as(room.toString()).isEqualTo(201);
        String username = unique("officer-");
        String password = unique("pw-") + "-long-enough";
        Api.Response o = admin.post("/api/staff/accounts", Api.object("username", username, "fullName", "Officer " + code,
                "role", "OFFICER", "facilityId", facilityId, "language", "en", "password", password));
        assertThat(o.status()).as(o.toString()).isEqualTo(201);
        Api officer = signIn(username, password);
        return new World(admin, facilityId, code, username, password, officer);
    }

    public static Api signIn(String username, String password) {
        Api a = Api.client();
        Api.Response r = a.post("/api/staff/session", Api.object("username", username, "password", password));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return a;
    }

    public Api adminApi() {
        return admin;
    }

    public Api officer() {
        return officer;
    }

    /** Registers a kiosk and returns its id and one-time code. */
    public JsonNode registerKiosk(String name) {
        Api.Response r = officer.post("/api/staff/kiosks", Api.object("name", name));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    /** A kiosk registered and enrolled from this machine: the returned client carries its device credential. */
    public Kiosk enrolledKiosk() {
        JsonNode k = registerKiosk(unique("Kiosk "));
        Api device = Api.client();
        Api.Response r = device.post("/api/kiosk/enrolment", Api.object("code", k.get("enrolmentCode").asText()));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return new Kiosk(k.get("kiosk").get("id").asLong(), device);
    }

    /** A learner of this facility, with the PIN Bilim made for them. */
    public Learner learner(String language) {
        String number = unique("L-").toUpperCase();
        Api.Response r = officer.post("/api/staff/learners", Api.object("learnerNumber", number,
                "fullName", "Learner " + number, "language", language));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Learner(r.json().get("learner").get("id").asLong(), number, r.json().get("pin").asText());
    }

    public record Kiosk(long id, Api device) {
        public Api.Response signIn(Learner learner) {
            return signIn(learner.number(), learner.pin());
        }

        public Api.Response signIn(String number, String pin) {
            return device.post("/api/kiosk/session", Api.object("learnerNumber", number, "pin", pin));
        }
    }

    public record Learner(long id, String number, String pin) {
    }
}
