package org.bilim.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private final Http http;
    private final String url;
    private final int learners;

    private SignInBench(String url, int learners) {
        this.http = new Http(url);
        this.url = url;
        this.learners = learners;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Http.options(args);
        String url = a.getOrDefault("url", "http://127.0.0.1:9580");
        int learners = Integer.parseInt(a.getOrDefault("learners", "300"));
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "3"));
        SignInBench bench = new SignInBench(url, learners);
        System.out.printf("Bilim sign-in benchmark against %s: %d kiosks, %d learners, %d rounds%n", url, learners, learners, rounds);
        long t0 = System.nanoTime();
        List<Classroom.Seat> seats = Classroom.prepare(bench.http, Http.require(a, "admin"), Http.require(a, "password"), learners).seats();
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

    record Round(double wallMillis, double[] latencies, int errors, String firstError) {
        double percentile(int p) {
            return Http.percentile(latencies, p);
        }
    }

    private Round round(List<Classroom.Seat> seats) throws Exception {
        HttpClient shared = Http.shared();
        CountDownLatch ready = new CountDownLatch(seats.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> answers = new ArrayList<>();
        long[] release = new long[1];
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Classroom.Seat seat : seats) {
                answers.add(threads.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/kiosk/session"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .header("Cookie", seat.deviceCookie())
                            .POST(HttpRequest.BodyPublishers.ofString(Http.obj("learnerNumber", seat.learnerNumber(), "pin", seat.pin()).toString()))
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
}
