package org.bilim.lti.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A platform's answer, whatever its status: services decide what a {@code 401} or a {@code 429}
 * means to them, then call {@link #requireSuccess()}.
 *
 * @param method  the request's method, for messages
 * @param uri     the URL called
 * @param status  the HTTP status
 * @param headers the response headers
 * @param body    the body, possibly empty
 */
public record LtiResponse(String method, URI uri, int status, HttpHeaders headers, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public List<String> headerValues(String name) {
        return headers.allValues(name);
    }

    /** This answer if it is a success, otherwise a {@link ServiceException} with the status and {@code Retry-After}. */
    public LtiResponse requireSuccess() throws ServiceException {
        if (successful()) {
            return this;
        }
        throw ServiceException.status(uri, method, status, retryAfter(Clock.systemUTC()).orElse(null), null);
    }

    /** The body as a JSON document. */
    public JsonNode json() throws ServiceException {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ServiceException(ServiceException.Reason.BAD_RESPONSE, uri, method + " " + uri + " answered no JSON body");
            }
            return node;
        } catch (IOException notJson) {
            // Jackson's message quotes the body, which may hold anything: keep it out of ours.
            throw new ServiceException(ServiceException.Reason.BAD_RESPONSE, uri, method + " " + uri + " answered a body that is not JSON");
        }
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * {@code Retry-After} as a duration from now: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
     * An unreadable value is ignored rather than failing the call it only advises on.
     */
    public Optional<Duration> retryAfter(Clock clock) {
        return header("Retry-After").map(String::trim).flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration wait = Duration.between(clock.instant(), at);
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        });
    }

    @Override
    public String toString() {
        return method + " " + uri + " -> " + status;
    }
}
