package it.bilim.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Waits for something the server does in the background (a grade reaching the simulated LMS, a
 * delivery shown sent): asks again every 200 ms, and fails, saying what was awaited, once the
 * bound has passed. Never a fixed sleep in place of the condition.
 */
public final class Poll {
    private static final Duration STEP = Duration.ofMillis(200);
    /** Long enough for the server's background work under a loaded CI machine; a failure is then a real one. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private Poll() {
    }

    /** Within {@link #PATIENCE}. */
    public static void until(String what, Supplier<Boolean> condition) {
        until(() -> what, condition, PATIENCE);
    }

    public static void until(String what, Supplier<Boolean> condition, Duration bound) {
        until(() -> what, condition, bound);
    }

    /** As {@link #until(String, Supplier, Duration)}, the message made when it fails (to show the state then). */
    public static void until(Supplier<String> what, Supplier<Boolean> condition, Duration bound) {
        Instant deadline = Instant.now().plus(bound);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + bound.toSeconds() + " s: " + what.get());
            }
            try {
                Thread.sleep(STEP.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
