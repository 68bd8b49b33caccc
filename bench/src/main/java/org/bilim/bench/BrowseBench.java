package org.bilim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Learners study: each signed in at a kiosk of their own, opens the course outline, then a page,
 * then watches a few seconds of the lecture video (two 64 KiB range requests at a random place),
 * again and again without pause. The load rises in steps of concurrent learners; each step prints
 * outlines per second, the latency of the requests a kiosk makes to show an outline and a page
 * (p50/p95/p99), the range throughput and the errors. The headline is the highest outline rate
 * whose p95 stayed within 100 ms.
 *
 * <p>Set-up goes through the API: a classroom ({@link Classroom}), a university (administrator),
 * a course of four modules (18 pages and a lecture video) authored, approved and enrolled by the
 * officer, and every learner signed in.
 *
 * <p>Arguments: {@code --url URL --admin USER --password PASSWORD --video FILE [--learners 60]
 * [--steps 5,10,20,40] [--seconds 15]}.
 */
public final class BrowseBench {
    private static final int RANGE_BYTES = 64 * 1024;
    private static final double TARGET_P95_MILLIS = 100;

    private final Http http;

    private BrowseBench(String url) {
        this.http = new Http(url);
    }

    /** A learner at their kiosk: both cookies, sent by hand on a shared client. */
    record Learner(String cookies) {
    }

    record Course(long id, String pageKey, long videoSize) {
    }

    record Step(int learners, double seconds, int outlines, double[] showLatencies, long rangeBytes, int errors,
                String firstError) {
        double outlinesPerSecond() {
            return outlines / seconds;
        }

        double p(double percentile) {
            return Http.percentile(showLatencies, percentile);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Http.options(args);
        String url = a.getOrDefault("url", "http://127.0.0.1:9580");
        int learners = Integer.parseInt(a.getOrDefault("learners", "60"));
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "15"));
        List<Integer> steps = List.of(a.getOrDefault("steps", "5,10,20,40").split(",")).stream().map(Integer::parseInt)
                .filter(n -> n <= learners).toList();
        byte[] video = Files.readAllBytes(Path.of(Http.require(a, "video")));
        BrowseBench bench = new BrowseBench(url);
        System.out.printf("Bilim browse benchmark against %s: %d learners, steps %s, %d s each%n", url, learners, steps, seconds);
        long t0 = System.nanoTime();
        Classroom room = Classroom.prepare(bench.http, Http.require(a, "admin"), Http.require(a, "password"), learners);
        Course course = bench.course(room, Http.require(a, "admin"), Http.require(a, "password"), video);
        List<Learner> seated = bench.signIn(room);
        System.out.printf("set-up (%d kiosks, %d learners signed in, course of 4 modules, video %d KiB): %.1f s%n",
                learners, learners, video.length / 1024, (System.nanoTime() - t0) / 1e9);
        bench.warmUp(seated, course);
        System.out.println("learners  outlines/s  outline+page p50   p95      p99      range MB/s  errors");
        double best = 0;
        for (int n : steps) {
            Step s = bench.step(seated.subList(0, n), course, seconds);
            System.out.printf("%-9d %8.1f    %8.1f ms  %6.1f ms  %6.1f ms  %8.1f    %d%s%n", n, s.outlinesPerSecond(), s.p(50),
                    s.p(95), s.p(99), s.rangeBytes() / s.seconds() / 1e6, s.errors(),
                    s.errors() == 0 ? "" : "  first error: " + s.firstError());
            if (s.p(95) <= TARGET_P95_MILLIS && s.errors() == 0) {
                best = Math.max(best, s.outlinesPerSecond());
            }
        }
        System.out.printf("highest outline rate with p95 <= %.0f ms and no errors: %.1f outlines/s%n", TARGET_P95_MILLIS, best);
    }

    private Course course(Classroom room, String adminUser, String adminPassword, byte[] video) throws Exception {
        HttpClient admin = Http.client();
        Http.expect(http.send(admin, "POST", "/api/staff/session", Http.obj("username", adminUser, "password", adminPassword)), 201);
        long university = Http.expect(http.send(admin, "POST", "/api/staff/universities",
                Http.obj("name", "Benchmark university " + room.tag())), 201).get("id").asLong();
        HttpClient officer = room.officer();
        HttpResponse<String> created = http.send(officer, "POST", "/api/staff/courses", Http.obj("universityId", university,
                "code", "BENCH-" + room.tag(), "title", "Правовая грамотность", "description", "Курс для нагрузочного теста",
                "language", "ru", "credits", 3));
        Http.expect(created, 201);
        long courseId = Http.JSON.readTree(created.body()).get("id").asLong();
        String etag = created.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> upload = officer.send(HttpRequest.newBuilder(URI.create(http.url() + "/api/staff/files?name=lecture.webm"))
                .header("Content-Type", "video/webm").POST(HttpRequest.BodyPublishers.ofByteArray(video)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode videoRef = Http.expect(upload, 201);
        String pageKey = null;
        for (int m = 1; m <= 4; m++) {
            HttpResponse<String> module = edit(officer, courseId, etag, "POST", "/modules", Http.obj("title", "Неделя " + m).toString());
            etag = module.headers().firstValue("ETag").orElseThrow();
            JsonNode modules = Http.JSON.readTree(module.body()).get("content").get("modules");
            String moduleKey = modules.get(modules.size() - 1).get("key").asText();
            for (int i = 1; i <= (m == 1 ? 3 : 5); i++) {
                String key = "m" + m + "-page" + i;
                HttpResponse<String> item = edit(officer, courseId, etag, "POST", "/modules/" + moduleKey + "/items",
                        Http.obj("key", key, "kind", "page", "title", "Тема " + m + "." + i, "html", page(m, i)).toString());
                etag = item.headers().firstValue("ETag").orElseThrow();
                pageKey = pageKey == null ? key : pageKey;
            }
            if (m == 1) {
                HttpResponse<String> media = edit(officer, courseId, etag, "POST", "/modules/" + moduleKey + "/items",
                        Http.obj("key", "lecture", "kind", "media", "title", "Видеолекция", "media", videoRef).toString());
                etag = media.headers().firstValue("ETag").orElseThrow();
            }
        }
        JsonNode detail = Http.expect(http.send(officer, "GET", "/api/staff/courses/" + courseId, null), 200);
        Http.expect(http.send(officer, "POST", "/api/staff/course-decisions", Http.obj("facilityId", room.facilityId(),
                "versionId", detail.get("latest").get("id").asLong(), "decision", "APPROVED",
                "contentHash", detail.get("latest").get("contentHash").asText())), 201);
        Http.expect(http.send(officer, "POST", "/api/staff/enrolments", Http.obj("courseId", courseId,
                "learnerIds", room.seats().stream().map(Classroom.Seat::learnerId).toList())), 200);
        return new Course(courseId, pageKey, video.length);
    }

    private HttpResponse<String> edit(HttpClient officer, long courseId, String etag, String method, String path, String json)
            throws Exception {
        HttpResponse<String> r = officer.send(HttpRequest.newBuilder(URI.create(http.url() + "/api/staff/courses/" + courseId + path))
                .header("Content-Type", "application/json").header("If-Match", etag)
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    /** A page of about 5 KB, as a lecturer writes one: headings, paragraphs, a list and a table. */
    private static String page(int module, int item) {
        StringBuilder b = new StringBuilder("<h2>Тема ").append(module).append('.').append(item).append("</h2>");
        for (int p = 0; p < 8; p++) {
            b.append("<p>Конституция Республики Казахстан закрепляет права и свободы человека и гражданина. ")
                    .append("Каждый имеет право на судебную защиту своих прав и свобод и на квалифицированную юридическую помощь.</p>");
        }
        b.append("<ul><li>Права человека</li><li>Трудовой договор</li><li>Обращение в суд</li></ul>");
        b.append("<table><caption>Источники права</caption><thead><tr><th scope=\"col\">Источник</th><th scope=\"col\">Пример</th>")
                .append("</tr></thead><tbody><tr><td>Конституция</td><td>Статья 13</td></tr></tbody></table>");
        return b.toString();
    }

    private List<Learner> signIn(Classroom room) throws Exception {
        HttpClient shared = Http.shared();
        List<Learner> out = new ArrayList<>();
        for (Classroom.Seat seat : room.seats()) {
            HttpResponse<String> r = shared.send(HttpRequest.newBuilder(URI.create(http.url() + "/api/kiosk/session"))
                    .header("Content-Type", "application/json").header("Cookie", seat.deviceCookie())
                    .POST(HttpRequest.BodyPublishers.ofString(Http.obj("learnerNumber", seat.learnerNumber(), "pin", seat.pin()).toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Http.expect(r, 201);
            String session = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("bilim_learner="))
                    .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
            out.add(new Learner(seat.deviceCookie() + "; " + session));
        }
        return out;
    }

    private String videoUrl(HttpClient client, Learner learner, Course course) throws Exception {
        HttpResponse<String> r = client.send(get(learner, "/api/kiosk/courses/" + course.id() + "/items/lecture").build(),
                HttpResponse.BodyHandlers.ofString());
        return Http.expect(r, 200).get("media").get("url").asText();
    }

    private HttpRequest.Builder get(Learner learner, String path) {
        return HttpRequest.newBuilder(URI.create(http.url() + path)).timeout(Duration.ofSeconds(30)).header("Cookie", learner.cookies());
    }

    /** A few rounds for every learner before measuring, so the JIT and the connection pool are warm. */
    private void warmUp(List<Learner> learners, Course course) throws Exception {
        step(learners, course, 5);
    }

    private Step step(List<Learner> learners, Course course, int seconds) throws Exception {
        HttpClient client = Http.shared();
        String video = videoUrl(client, learners.getFirst(), course);
        AtomicInteger outlines = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong rangeBytes = new AtomicLong();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> firstError = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Learner learner : learners) {
                threads.submit(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            timed(client, get(learner, "/api/kiosk/courses/" + course.id()).build(), latencies, errors, firstError);
                            outlines.incrementAndGet();
                            timed(client, get(learner, "/api/kiosk/courses/" + course.id() + "/items/" + course.pageKey()).build(),
                                    latencies, errors, firstError);
                            for (int i = 0; i < 2; i++) {
                                long from = ThreadLocalRandom.current().nextLong(Math.max(1, course.videoSize() - RANGE_BYTES));
                                HttpResponse<byte[]> r = client.send(get(learner, video)
                                        .header("Range", "bytes=" + from + "-" + (from + RANGE_BYTES - 1)).build(),
                                        HttpResponse.BodyHandlers.ofByteArray());
                                if (r.statusCode() == 206) {
                                    rangeBytes.addAndGet(r.body().length);
                                } else {
                                    errors.incrementAndGet();
                                    firstError.offer("range HTTP " + r.statusCode());
                                }
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            firstError.offer(e.toString());
                        }
                    }
                    return null;
                });
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double[] millis = new double[latencies.size()];
        int i = 0;
        for (double m : latencies) {
            millis[i++] = m;
        }
        return new Step(learners.size(), elapsed, outlines.get(), millis, rangeBytes.get(), errors.get(), firstError.peek());
    }

    private static void timed(HttpClient client, HttpRequest request, ConcurrentLinkedQueue<Double> latencies, AtomicInteger errors,
                              ConcurrentLinkedQueue<String> firstError) throws Exception {
        long t = System.nanoTime();
        HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
        latencies.add((System.nanoTime() - t) / 1e6);
        if (r.statusCode() != 200) {
            errors.incrementAndGet();
            firstError.offer(request.uri().getPath() + " HTTP " + r.statusCode());
        }
    }
}
