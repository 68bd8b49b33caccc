package org.bilim.lti.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Bilim's signing keys: the one that signs (Deep Linking replies, client assertions for service
 * tokens) and the public key set platforms fetch from Bilim's JWKS URL (Security Framework 1.0,
 * §6.3 "Key Set URL").
 *
 * <h2>Rotation</h2>
 *
 * Platforms cache a tool's key set, and a platform that sees an unknown {@code kid} may or may
 * not refetch it. So a new key is published <em>before</em> it signs, and an old key stays
 * published <em>after</em> it stops signing (Security Framework 1.0, §6.4 "Issuer Public Key
 * Rotation"). With one configured {@code overlap} O, {@link #rotate()} at instant T does:
 *
 * <ol>
 *   <li>a new key K' is generated with {@code created = T}, {@code activated = T + O}: it is in
 *       the JWKS from T on, as NEXT, and signs nothing;</li>
 *   <li>the current key K gets {@code deactivated = T + O}, {@code retired = T + 2·O}: it goes on
 *       signing until T + O, then stays in the JWKS as PREVIOUS until T + 2·O;</li>
 *   <li>at T + O, K' is CURRENT; at T + 2·O, K is RETIRED: it leaves the JWKS and the next call
 *       saves it without its private part.</li>
 * </ol>
 *
 * Every platform that refreshes its cache at least once per O therefore knows K' before any token
 * it signs, and can still verify what K signed up to O after K stopped. At most three keys are
 * published at once (PREVIOUS, CURRENT, NEXT). A {@code rotate()} while a NEXT key waits returns
 * that key unchanged: a second click must not push the switch further away.
 *
 * <p>The very first key (or a key made because the store holds none that signs) is active at
 * once: no platform can hold a stale copy of a key set that never had a current key.
 *
 * <p>A kid is a random UUID, never one the store has {@linkplain ToolKeyStore#kidEverUsed ever
 * seen}.
 *
 * <p>Thread-safe within one JVM. Two server instances rotating at the same instant could each
 * schedule a successor; rotation is an administrator's action, done on one instance.
 */
public final class ToolKeys {

    private static final int RSA_BITS = 2048;
    private static final int KID_ATTEMPTS = 8;

    private final ToolKeyStore store;
    private final Clock clock;
    private final Duration overlap;
    private final Supplier<String> kids;

    /**
     * @param overlap how long a new key is published before it signs, and an old one after it
     *                stopped: longer than the longest time a platform caches Bilim's key set
     *                (a day is a safe choice) and than any token Bilim signs lives
     */
    public ToolKeys(ToolKeyStore store, Clock clock, Duration overlap) {
        this(store, clock, overlap, () -> UUID.randomUUID().toString());
    }

    ToolKeys(ToolKeyStore store, Clock clock, Duration overlap, Supplier<String> kids) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.overlap = Objects.requireNonNull(overlap, "overlap");
        this.kids = Objects.requireNonNull(kids, "kids");
        if (overlap.isNegative() || overlap.isZero()) {
            throw new IllegalArgumentException("the overlap must be positive");
        }
    }

    /**
     * The clock's instant to the microsecond: databases keep no finer instants and round what is
     * finer, so a key made active "now" to the nanosecond could read back as active a moment later
     * than the now it was made for, and not sign yet.
     */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The key that signs now, made (active at once) if the store holds none. */
    public synchronized ToolKey signingKey() {
        Instant now = now();
        return current(settled(now), now);
    }

    /** Makes sure a key signs now; for the server to call at start. */
    public ToolKey ensureCurrentKey() {
        return signingKey();
    }

    /**
     * Starts a rotation as described {@linkplain ToolKeys above}: publishes a new key that signs
     * from now + overlap, and schedules the current key's retirement.
     *
     * @return the new NEXT key, or the one already waiting
     */
    public synchronized ToolKey rotate() {
        Instant now = now();
        List<ToolKey> keys = settled(now);
        ToolKey current = current(keys, now);
        Optional<ToolKey> waiting = keys.stream().filter(k -> k.stateAt(now) == ToolKey.State.NEXT).findFirst();
        if (waiting.isPresent()) {
            return waiting.get();
        }
        Instant switchAt = now.plus(overlap);
        ToolKey next = generate(keys, now, switchAt);
        store.save(next);
        store.save(current.supersededAt(switchAt, switchAt.plus(overlap)));
        return next;
    }

    /** The public key set, as JSON, that Bilim serves at its JWKS URL: NEXT, CURRENT and PREVIOUS keys, public parts only. */
    public String publicJwks() {
        return publicJwkSet().toString(true);
    }

    /** {@link #publicJwks()} as a Nimbus key set. */
    public synchronized JWKSet publicJwkSet() {
        Instant now = now();
        List<JWK> published = settled(now).stream()
                .filter(k -> k.publishedAt(now))
                .sorted(Comparator.comparing(ToolKey::created))
                .<JWK>map(k -> k.jwk().toPublicJWK())
                .toList();
        return new JWKSet(published);
    }

    /** Signs the claims with the current key: RS256, its {@code kid} and {@code typ: JWT} in the header. */
    public String sign(JWTClaimsSet claims) {
        ToolKey key = signingKey();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key.jwk()));
        } catch (JOSEException e) {
            throw new IllegalStateException("the current tool key could not sign", e);
        }
        return jwt.serialize();
    }

    /**
     * The store's keys at {@code now}, with retired keys stripped of their private part and a
     * current key made if none signs.
     */
    private List<ToolKey> settled(Instant now) {
        List<ToolKey> keys = tidy(store.loadAll(), now);
        if (keys.stream().anyMatch(k -> k.stateAt(now) == ToolKey.State.CURRENT)) {
            return keys;
        }
        // Only a store that lost rows gets here with a key waiting: it has been published since
        // it was made, so it is a better choice than a key no platform has seen.
        Optional<ToolKey> waiting = keys.stream().filter(k -> k.stateAt(now) == ToolKey.State.NEXT).findFirst();
        ToolKey made = waiting.map(k -> k.activatedAt(now)).orElseGet(() -> generate(keys, now, now));
        store.save(made);
        return store.loadAll();
    }

    /** The key that signs at {@code now} among {@linkplain #settled settled} keys. */
    private static ToolKey current(List<ToolKey> keys, Instant now) {
        return keys.stream()
                .filter(k -> k.stateAt(now) == ToolKey.State.CURRENT)
                .max(Comparator.comparing(ToolKey::activated))
                .orElseThrow(() -> new IllegalStateException("the key store lost the key just saved"));
    }

    /** Drops the private part of keys that have retired: they will never sign again. */
    private List<ToolKey> tidy(List<ToolKey> keys, Instant now) {
        return keys.stream().map(k -> {
            if (k.stateAt(now) == ToolKey.State.RETIRED && k.hasPrivatePart()) {
                ToolKey stripped = k.withoutPrivatePart();
                store.save(stripped);
                return stripped;
            }
            return k;
        }).toList();
    }

    private ToolKey generate(List<ToolKey> keys, Instant now, Instant activates) {
        String kid = freshKid(keys);
        try {
            RSAKey jwk = new RSAKeyGenerator(RSA_BITS).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
            return new ToolKey(kid, jwk, now, activates, null, null);
        } catch (JOSEException e) {
            throw new IllegalStateException("no RSA key could be generated", e);
        }
    }

    private String freshKid(List<ToolKey> keys) {
        for (int i = 0; i < KID_ATTEMPTS; i++) {
            String kid = kids.get();
            boolean known = keys.stream().anyMatch(k -> k.kid().equals(kid));
            if (!known && !store.kidEverUsed(kid)) {
                return kid;
            }
        }
        throw new IllegalStateException("no unused kid after " + KID_ATTEMPTS + " attempts; is the kid source random?");
    }
}
