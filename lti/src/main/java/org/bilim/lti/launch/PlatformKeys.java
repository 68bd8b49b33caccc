package org.bilim.lti.launch;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Platforms' public keys, fetched from each registration's JWKS URL and cached per URL (Security
 * Framework 1.0, §6.3 "Key Set URL", §6.4 "Issuer Public Key Rotation").
 *
 * <p>The rules, all per URL:
 * <ul>
 *   <li>a {@code kid} in the cache is answered from it, without a fetch;</li>
 *   <li>a {@code kid} not in the cache (the platform may have rotated) causes a fetch;</li>
 *   <li>a cache older than {@code maxAge} is refreshed on its next use, so a key the platform
 *       withdrew stops being trusted;</li>
 *   <li>but a URL is fetched (or tried) at most once per {@code refetchInterval}, whatever the
 *       cause: an attacker posting tokens with made-up kids cannot make Bilim hammer the
 *       platform, and concurrent lookups wait for the one fetch under way. The price: a platform
 *       that signs with a new key within the interval after Bilim's last fetch sees its launches
 *       refused until the interval ends, so keep the interval short (a minute);</li>
 *   <li>when a fetch fails, the cached keys keep working and an unknown kid is answered "no key":
 *       the launch fails closed.</li>
 * </ul>
 *
 * <p>Only public parts are handed out, whatever the platform published. Thread-safe.
 */
public final class PlatformKeys {

    private static final System.Logger LOG = System.getLogger(PlatformKeys.class.getName());

    private final JwksSource source;
    private final Clock clock;
    private final Duration refetchInterval;
    private final Duration maxAge;
    private final ConcurrentMap<URI, Cached> cache = new ConcurrentHashMap<>();
    private final ConcurrentMap<URI, Object> locks = new ConcurrentHashMap<>();

    /** What is known of one URL: its keys (empty before the first good fetch), when they came, and when we last tried. */
    private record Cached(JWKSet keys, Instant fetched, Instant lastAttempt) {
        static final Cached NEVER = new Cached(new JWKSet(List.of()), Instant.MIN, Instant.MIN);

        Optional<JWK> find(String kid) {
            return Optional.ofNullable(keys.getKeyByKeyId(kid));
        }
    }

    /**
     * @param refetchInterval the least time between two fetches of one URL (e.g. 1 minute)
     * @param maxAge          how long a fetched key set is trusted before it is refreshed on use (e.g. 1 day)
     */
    public PlatformKeys(JwksSource source, Clock clock, Duration refetchInterval, Duration maxAge) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refetchInterval = Objects.requireNonNull(refetchInterval, "refetchInterval");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        if (refetchInterval.isNegative() || maxAge.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    /** The public key with this kid published at this URL, or empty when there is none (even after the refetch the rules allow). */
    public Optional<JWK> find(URI jwksUrl, String kid) {
        Objects.requireNonNull(jwksUrl, "jwksUrl");
        Objects.requireNonNull(kid, "kid");
        Cached cached = cache.getOrDefault(jwksUrl, Cached.NEVER);
        Optional<JWK> key = cached.find(kid);
        if (key.isPresent() && fresh(cached)) {
            return key.map(JWK::toPublicJWK);
        }
        synchronized (locks.computeIfAbsent(jwksUrl, u -> new Object())) {
            cached = cache.getOrDefault(jwksUrl, Cached.NEVER);
            key = cached.find(kid);
            if ((key.isEmpty() || !fresh(cached)) && mayFetch(cached)) {
                cached = fetch(jwksUrl, cached);
                key = cached.find(kid);
            }
        }
        return key.map(JWK::toPublicJWK);
    }

    private boolean fresh(Cached cached) {
        return clock.instant().isBefore(cached.fetched().plus(maxAge));
    }

    private boolean mayFetch(Cached cached) {
        return !clock.instant().isBefore(cached.lastAttempt().plus(refetchInterval));
    }

    private Cached fetch(URI jwksUrl, Cached previous) {
        Instant now = clock.instant();
        Cached next;
        try {
            JWKSet keys = Objects.requireNonNull(source.fetch(jwksUrl), "the JWKS source answered null");
            next = new Cached(keys, now, now);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Platform keys at {0} could not be fetched; keeping {1} cached key(s): {2}",
                    jwksUrl, previous.keys().size(), e.toString());
            next = new Cached(previous.keys(), previous.fetched(), now);
        }
        cache.put(jwksUrl, next);
        return next;
    }
}
