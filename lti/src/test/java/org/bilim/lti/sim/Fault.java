package org.bilim.lti.sim;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What an endpoint does instead of (or before) its normal answer, for the next few calls.
 *
 * @param status   the status to answer instead of the normal answer, or 0 to answer normally
 * @param headers  headers of that answer (e.g. {@code Retry-After}, {@code Location})
 * @param delay    how long to wait before answering — longer than the client's timeout makes it time out
 */
public record Fault(int status, Map<String, String> headers, Duration delay) {

    public Fault {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(delay, "delay");
    }

    /** Answer this status with an empty JSON error body. */
    public static Fault status(int status) {
        return new Fault(status, Map.of(), Duration.ZERO);
    }

    /** {@code 503 Service Unavailable}: the platform is down for maintenance. */
    public static Fault unavailable() {
        return status(503);
    }

    /** {@code 429 Too Many Requests} with {@code Retry-After} in seconds. */
    public static Fault tooManyRequests(Duration retryAfter) {
        return new Fault(429, Map.of("Retry-After", Long.toString(retryAfter.toSeconds())), Duration.ZERO);
    }

    /** Answer normally, but only after this long. */
    public static Fault delay(Duration delay) {
        return new Fault(0, Map.of(), delay);
    }

    /** {@code 302 Found} to another URL, which a careful client does not follow. */
    public static Fault redirectTo(URI location) {
        return new Fault(302, Map.of("Location", location.toString()), Duration.ZERO);
    }
}
