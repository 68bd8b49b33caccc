package org.bilim.lti.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An outbound LTI call that did not succeed, with the reason a caller (the server's outbox) needs
 * to decide whether to try again.
 *
 * <p>It is an {@link IOException} so that {@link LtiHttp#fetchJwks(URI)} fits a {@code JwksSource}
 * that throws {@code IOException}. Messages name the method, the URL and the status; never a token,
 * a header or a response body, since messages end up in logs.
 */
public class ServiceException extends IOException {

    /** Why the call failed. */
    public enum Reason {
        /** The destination is not allowed; nothing was sent. */
        REFUSED,
        /** No connection could be made (connection refused, DNS, TLS). */
        UNREACHABLE,
        /** Connecting or the whole exchange took longer than configured. */
        TIMEOUT,
        /** The platform answered with a status that is not a success (a redirect counts: it is not followed). */
        HTTP_STATUS,
        /** A success whose body is not what the specification describes. */
        BAD_RESPONSE
    }

    private final Reason reason;
    private final int status;
    private final transient Duration retryAfter;
    private final transient URI uri;

    public ServiceException(Reason reason, URI uri, String message) {
        this(reason, uri, 0, null, message, null);
    }

    public ServiceException(Reason reason, URI uri, String message, Throwable cause) {
        this(reason, uri, 0, null, message, cause);
    }

    /** A call the platform answered with a status other than success. */
    public static ServiceException status(URI uri, String method, int status, Duration retryAfter, String detail) {
        String message = method + " " + uri + " answered " + status + (detail == null ? "" : " (" + detail + ")");
        return new ServiceException(Reason.HTTP_STATUS, uri, status, retryAfter, message, null);
    }

    protected ServiceException(Reason reason, URI uri, int status, Duration retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.uri = uri;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status for {@link Reason#HTTP_STATUS}, otherwise 0. */
    public int status() {
        return status;
    }

    /** The URL called, if known. */
    public Optional<URI> uri() {
        return Optional.ofNullable(uri);
    }

    /** The platform's {@code Retry-After} (RFC 9110 §10.2.3), a hint for the next attempt. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * Whether the same call may succeed later unchanged: outages (5xx, timeouts, unreachable),
     * {@code 408}, {@code 429}, and a {@code 401} that survived one fresh token (the platform's
     * token store may be catching up). Any other 4xx, a redirect, a refused destination or a
     * malformed answer will fail the same way again.
     */
    public boolean retryable() {
        return switch (reason) {
            case UNREACHABLE, TIMEOUT -> true;
            case REFUSED, BAD_RESPONSE -> false;
            case HTTP_STATUS -> status >= 500 || status == 401 || status == 408 || status == 429;
        };
    }
}
