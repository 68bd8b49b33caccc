package it.bilim.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * The Bilim server this test run talks to, as failsafe describes it in system properties: its
 * URL, database kind and first administrator. {@link #awaitReady()} waits (bounded) until the
 * server reports ready, so tests never race its start-up.
 */
public final class ItServer {
    private static volatile boolean ready;

    private ItServer() {
    }

    public static String url() {
        return required("bilim.it.url");
    }

    public static String httpsUrl() {
        return required("bilim.it.https.url");
    }

    public static String db() {
        return required("bilim.it.db");
    }

    public static boolean postgres() {
        return "postgresql".equals(db());
    }

    public static String adminUsername() {
        return required("bilim.it.admin.username");
    }

    public static String adminPassword() {
        return required("bilim.it.admin.password");
    }

    public static String property(String name) {
        return required(name);
    }

    private static String required(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run the integration tests through ./bilim test");
        }
        return v;
    }

    /**
     * Kills the test server as a power cut would (SIGKILL: no shutdown hooks, nothing flushed),
     * starts it again with the same configuration, and waits until it is ready.
     */
    public static void killAndRestart() {
        java.nio.file.Path wlp = java.nio.file.Path.of(required("bilim.it.wlp"));
        String name = required("bilim.it.server.name");
        try {
            long pid = Long.parseLong(java.nio.file.Files.readString(wlp.resolve("usr/servers/.pid/" + name + ".pid")).strip());
            ProcessHandle server = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("server " + name + " is not running"));
            server.destroyForcibly();
            server.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            ready = false;
            String script = wlp.resolve("bin/server").toString();
            Process start = new ProcessBuilder(script, "start", name).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!start.waitFor(3, java.util.concurrent.TimeUnit.MINUTES) || start.exitValue() != 0) {
                throw new IllegalStateException("`server start " + name + "` did not succeed");
            }
        } catch (java.io.IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not kill and restart " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        awaitReady();
    }

    /** Waits up to two minutes for /health/ready to answer 200. */
    public static void awaitReady() {
        if (ready) {
            return;
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url() + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    ready = true;
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (Exception e) {
                last = e.toString();
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Bilim at " + url() + " did not become ready: " + last);
    }
}
