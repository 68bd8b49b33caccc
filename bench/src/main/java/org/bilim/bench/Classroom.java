package org.bilim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A benchmark's classroom, set up through the API as people would do it: an administrator makes
 * a facility whose kiosks may connect from 127.0.0.0/8 and its officer; the officer registers the
 * kiosks and the learners (Bilim makes their PINs); each kiosk client redeems its enrolment code
 * and keeps its device cookie.
 *
 * @param officer the officer's signed-in client
 * @param tag     what makes this classroom's codes and numbers unique
 */
record Classroom(HttpClient officer, long facilityId, String tag, List<Classroom.Seat> seats) {

    /**
     * A kiosk (its device cookie) and the learner who sits at it. All kiosks share one HTTP client
     * and send their cookies themselves, so that the benchmark's own work on this machine stays
     * small next to the server's; each request still has a connection of its own.
     */
    record Seat(String deviceCookie, String learnerNumber, String pin, long learnerId) {
    }

    static Classroom prepare(Http http, String adminUser, String adminPassword, int learners) throws Exception {
        HttpClient admin = Http.client();
        Http.expect(http.send(admin, "POST", "/api/staff/session", Http.obj("username", adminUser, "password", adminPassword)), 201);
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        JsonNode facility = Http.expect(http.send(admin, "POST", "/api/staff/facilities",
                Http.obj("code", "BENCH-" + tag, "name", "Benchmark facility " + tag, "region", "Pavlodar region", "defaultLanguage", "ru")), 201);
        long facilityId = facility.get("id").asLong();
        Http.expect(http.send(admin, "POST", "/api/staff/facilities/" + facilityId + "/address-ranges",
                Http.obj("cidr", "127.0.0.0/8", "label", "benchmark machine")), 201);
        String officerPassword = UUID.randomUUID().toString();
        String officerName = "bench-" + tag.toLowerCase();
        Http.expect(http.send(admin, "POST", "/api/staff/accounts", Http.obj("username", officerName, "fullName", "Benchmark officer",
                "role", "OFFICER", "facilityId", facilityId, "language", "ru", "password", officerPassword)), 201);
        HttpClient officer = Http.client();
        Http.expect(http.send(officer, "POST", "/api/staff/session", Http.obj("username", officerName, "password", officerPassword)), 201);

        List<Seat> seats = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Seat>> pending = new ArrayList<>();
            for (int i = 0; i < learners; i++) {
                int n = i;
                pending.add(pool.submit(() -> {
                    JsonNode kiosk = Http.expect(http.send(officer, "POST", "/api/staff/kiosks", Http.obj("name", "Bench kiosk " + n)), 201);
                    HttpResponse<String> enrolled = http.send(Http.client(), "POST", "/api/kiosk/enrolment",
                            Http.obj("code", kiosk.get("enrolmentCode").asText()));
                    Http.expect(enrolled, 200);
                    String device = enrolled.headers().allValues("Set-Cookie").stream()
                            .filter(c -> c.startsWith("bilim_kiosk=")).map(c -> c.substring(0, c.indexOf(';')))
                            .findFirst().orElseThrow(() -> new IllegalStateException("no device cookie"));
                    String number = "B-" + tag + "-" + n;
                    JsonNode learner = Http.expect(http.send(officer, "POST", "/api/staff/learners",
                            Http.obj("learnerNumber", number, "fullName", "Learner " + n, "language", "ru")), 201);
                    return new Seat(device, number, learner.get("pin").asText(), learner.get("learner").get("id").asLong());
                }));
            }
            for (Future<Seat> f : pending) {
                seats.add(f.get());
            }
        }
        return new Classroom(officer, facilityId, tag, seats);
    }
}
