package org.bilim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A classroom starts: many learners sign in at the same instant, each at a kiosk of their own.
 *
 * <p>Set-up goes through the API as people would do it: an administrator makes a facility whose
 * kiosks may connect from 127.0.0.0/8 and its officer; the officer registers the kiosks and the
 * learners (Bilim makes their PINs); each kiosk client redeems its enrolment code and keeps its
 * device cookie. Then all learners are released at one instant and sign in with their PINs. A
 * round's figure is the time from the release to the last answer; per-request latencies give
 * p50/p95/p99. Several rounds show the cold start (the first) and the warm server (the rest); a
 * sign-in at a kiosk replaces the session left from the round before, as it does in a classroom.
 *
 * <p>Arguments: {@code --url URL --admin USER --password PASSWORD [--learners 300] [--rounds 3]}.
 */
public final class SignInBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final int learners;

    private SignInBench(String url, int learners) {
        this.url = url;
        this.learners = learners;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = options(args);
        String url = a.getOrDefault("url", "http://127.0.0.1:9580");
        int learners = Integer.parseInt(a.getOrDefault("learners", "300"));
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "3"));
        SignInBench bench = new SignInBench(url, learners);
        System.out.printf("Bilim sign-in benchmark against %s: %d kiosks, %d learners, %d rounds%n", url, learners, learners, rounds);
        long t0 = System.nanoTime();
        List<Seat> seats = bench.setUp(require(a, "admin"), require(a, "password"));
        System.out.printf("set-up (facility, officer, %d kiosks enrolled, %d learners): %.1f s%n", learners, learners,
                (System.nanoTime() - t0) / 1e9);
        System.out.println("round  last signed in  p50      p95      p99      max      errors");
        for (int r = 1; r <= rounds; r++) {
            Round result = bench.round(seats);
            System.out.printf("%-6d %8.0f ms     %5.0f ms  %5.0f ms  %5.0f ms  %5.0f ms  %d%s%n", r, result.wallMillis,
                    result.percentile(50), result.percentile(95), result.percentile(99), result.percentile(100), result.errors,
                    result.errors == 0 ? "" : "  first error: " + result.firstError);
        }
    }

    /**
     * A kiosk (its device cookie) and the learner who sits at it. All kiosks share one HTTP client
     * and send their cookies themselves, so that the benchmark's own work on this machine stays
     * small next to the server's; each request still has a connection of its own.
     */
    record Seat(String deviceCookie, String learnerNumber, String pin) {
    }

    record Round(double wallMillis, double[] latencies, int errors, String firstError) {
        double percentile(int p) {
            double[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    private List<Seat> setUp(String adminUser, String adminPassword) throws Exception {
        HttpClient admin = client();
        expect(send(admin, "POST", "/api/staff/session", obj("username", adminUser, "password", adminPassword)), 201);
        String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        JsonNode facility = expect(send(admin, "POST", "/api/staff/facilities",
                obj("code", "BENCH-" + tag, "name", "Benchmark facility " + tag, "region", "Pavlodar region", "defaultLanguage", "ru")), 201);
        long facilityId = facility.get("id").asLong();
        expect(send(admin, "POST", "/api/staff/facilities/" + facilityId + "/address-ranges",
                obj("cidr", "127.0.0.0/8", "label", "benchmark machine")), 201);
        String officerPassword = UUID.randomUUID().toString();
        String officerName = "bench-" + tag.toLowerCase();
        expect(send(admin, "POST", "/api/staff/accounts", obj("username", officerName, "fullName", "Benchmark officer",
                "role", "OFFICER", "facilityId", facilityId, "language", "ru", "password", officerPassword)), 201);
        HttpClient officer = client();
        expect(send(officer, "POST", "/api/staff/session", obj("username", officerName, "password", officerPassword)), 201);

        List<Seat> seats = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Seat>> pending = new ArrayList<>();
            for (int i = 0; i < learners; i++) {
                int n = i;
                pending.add(pool.submit(() -> {
                    JsonNode kiosk = expect(send(officer, "POST", "/api/staff/kiosks", obj("name", "Bench kiosk " + n)), 201);
                    HttpResponse<String> enrolled = send(client(), "POST", "/api/kiosk/enrolment",
                            obj("code", kiosk.get("enrolmentCode").asText()));
                    expect(enrolled, 200);
                    String device = enrolled.headers().allValues("Set-Cookie").stream()
                            .filter(c -> c.startsWith("bilim_kiosk=")).map(c -> c.substring(0, c.indexOf(';')))
                            .findFirst().orElseThrow(() -> new IllegalStateException("no device cookie"));
                    String number = "B-" + tag + "-" + n;
                    JsonNode learner = expect(send(officer, "POST", "/api/staff/learners",
                            obj("learnerNumber", number, "fullName", "Learner " + n, "language", "ru")), 201);
                    return new Seat(device, number, learner.get("pin").asText());
                }));
            }
            for (Future<Seat> f : pending) {
                seats.add(f.get());
            }
        }
        return seats;
    }

    private Round round(List<Seat> seats) throws Exception {
        HttpClient shared = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
        CountDownLatch ready = new CountDownLatch(seats.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> answers = new ArrayList<>();
        long[] release = new long[1];
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Seat seat : seats) {
                answers.add(threads.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/kiosk/session"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .header("Cookie", seat.deviceCookie())
                            .POST(HttpRequest.BodyPublishers.ofString(obj("learnerNumber", seat.learnerNumber(), "pin", seat.pin()).toString()))
                            .build();
                    ready.countDown();
                    go.await();
                    long start = System.nanoTime();
                    int status;
                    try {
                        status = shared.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException e) {
                        status = -1;
                    }
                    long end = System.nanoTime();
                    return new long[] {start, end, status};
                }));
            }
            ready.await();
            release[0] = System.nanoTime();
            go.countDown();
        }
        double[] latencies = new double[seats.size()];
        long last = release[0];
        int errors = 0;
        String firstError = null;
        for (int i = 0; i < answers.size(); i++) {
            long[] r = answers.get(i).get();
            latencies[i] = (r[1] - r[0]) / 1e6;
            last = Math.max(last, r[1]);
            if (r[2] != 201) {
                errors++;
                if (firstError == null) {
                    firstError = r[2] == -1 ? "connection failed" : "HTTP " + r[2];
                }
            }
        }
        return new Round((last - release[0]) / 1e6, latencies, errors, firstError);
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    private HttpRequest request(String method, String path, ObjectNode body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, ObjectNode body) throws IOException, InterruptedException {
        return client.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode expect(HttpResponse<String> r, int status) throws IOException {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
    }

    private static ObjectNode obj(Object... kv) {
        ObjectNode n = JSON.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) {
            n.set((String) kv[i], JSON.valueToTree(kv[i + 1]));
        }
        return n;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + args[i]);
            }
            m.put(args[i].substring(2), args[i + 1]);
        }
        return m;
    }

    private static String require(Map<String, String> a, String name) {
        String v = a.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }
}
