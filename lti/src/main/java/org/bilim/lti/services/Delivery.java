package org.bilim.lti.services;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.bilim.lti.http.ServiceException;

/**
 * What became of a score sent to a platform, in the terms the server's outbox decides on.
 */
public sealed interface Delivery {

    /** The platform took it. */
    record Delivered() implements Delivery {
    }

    /**
     * The platform will not take it as sent (a 4xx other than 401, 408 and 429, a refused
     * destination, a redirect): sending it again fails again, so the outbox parks it for a person.
     */
    record RefusedPermanently(ServiceException cause) implements Delivery {
        public RefusedPermanently {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /** Worth sending again later: an outage, a timeout, {@code 429}. */
    record Retryable(ServiceException cause) implements Delivery {
        public Retryable {
            Objects.requireNonNull(cause, "cause");
        }

        /** The platform's {@code Retry-After}, a hint for the backoff, not an order. */
        public Optional<Duration> retryAfter() {
            return cause.retryAfter();
        }
    }

    /** The delivery a failure amounts to. */
    static Delivery failed(ServiceException cause) {
        return cause.retryable() ? new Retryable(cause) : new RefusedPermanently(cause);
    }
}
