package org.bilim.lti.launch;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.bilim.lti.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformKeysTest {

    private static final URI JWKS = URI.create("https://lms.example.edu/jwks");
    private static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Duration MAX_AGE = Duration.ofHours(24);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final Platform platform = new Platform();
    private final PlatformKeys keys = new PlatformKeys(platform, clock, INTERVAL, MAX_AGE);
    private RSAKey first;

    /** A platform's JWKS endpoint that counts its fetches and can be taken down. */
    private static final class Platform implements JwksSource {
        final AtomicInteger fetches = new AtomicInteger();
        volatile List<JWK> published = List.of();
        volatile boolean down;
        volatile Duration latency = Duration.ZERO;

        @Override
        public JWKSet fetch(URI jwksUrl) throws IOException {
            fetches.incrementAndGet();
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (down) {
                throw new IOException("connect timed out");
            }
            return new JWKSet(published);
        }
    }

    @BeforeEach
    void publish() throws Exception {
        first = new RSAKeyGenerator(2048).keyID("platform-1").generate();
        platform.published = List.of(first);
    }

    @Test
    void aKnownKidIsAnsweredFromTheCache() {
        assertThat(keys.find(JWKS, "platform-1")).isPresent();
        assertThat(keys.find(JWKS, "platform-1")).isPresent();

        assertThat(platform.fetches).hasValue(1);
    }

    @Test
    void onlyThePublicPartIsHandedOutEvenWhenThePlatformPublishedItsPrivateKey() {
        Optional<JWK> found = keys.find(JWKS, "platform-1");

        assertThat(found).get().extracting(JWK::isPrivate).isEqualTo(false);
    }

    @Test
    void aFloodOfUnknownKidsCausesOneRefetchPerInterval() {
        keys.find(JWKS, "platform-1");
        for (int i = 0; i < 1_000; i++) {
            assertThat(keys.find(JWKS, "forged-" + i)).isEmpty();
        }
        assertThat(platform.fetches).as("fetched just now: no refetch yet").hasValue(1);

        clock.advance(INTERVAL);
        for (int i = 0; i < 1_000; i++) {
            assertThat(keys.find(JWKS, "forged-later-" + i)).isEmpty();
        }
        assertThat(platform.fetches).hasValue(2);

        clock.advance(INTERVAL);
        for (int i = 0; i < 1_000; i++) {
            keys.find(JWKS, "forged-again-" + i);
        }
        assertThat(platform.fetches).hasValue(3);
    }

    @Test
    void concurrentLookupsOfUnknownKidsShareOneFetch() throws Exception {
        platform.latency = Duration.ofMillis(100);
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<JWK>>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String kid = "forged-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return keys.find(JWKS, kid);
                }));
            }
            start.countDown();
            for (Future<Optional<JWK>> answer : answers) {
                assertThat(answer.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(platform.fetches).hasValue(1);
    }

    @Test
    void aKeyThePlatformRotatedInIsFoundByTheRefetch() throws Exception {
        keys.find(JWKS, "platform-1");
        RSAKey second = new RSAKeyGenerator(2048).keyID("platform-2").generate();
        platform.published = List.of(first, second);
        clock.advance(INTERVAL);

        assertThat(keys.find(JWKS, "platform-2")).get().extracting(JWK::getKeyID).isEqualTo("platform-2");
        assertThat(platform.fetches).hasValue(2);
    }

    @Test
    void whenThePlatformIsDownCachedKeysKeepWorkingAndUnknownKidsFailClosed() {
        keys.find(JWKS, "platform-1");
        platform.down = true;
        clock.advance(MAX_AGE.plus(INTERVAL));

        assertThat(keys.find(JWKS, "platform-1")).as("stale but the refresh failed").isPresent();
        assertThat(keys.find(JWKS, "platform-2")).isEmpty();
        assertThat(platform.fetches).as("the failed refresh counts against the interval").hasValue(2);
    }

    @Test
    void aFirstFetchThatFailsIsNotRetriedBeforeTheInterval() {
        platform.down = true;
        assertThat(keys.find(JWKS, "platform-1")).isEmpty();
        platform.down = false;

        assertThat(keys.find(JWKS, "platform-1")).isEmpty();
        clock.advance(INTERVAL);
        assertThat(keys.find(JWKS, "platform-1")).isPresent();
        assertThat(platform.fetches).hasValue(2);
    }

    @Test
    void aKeyThePlatformWithdrewStopsBeingTrustedOnceTheCacheIsOld() {
        keys.find(JWKS, "platform-1");
        platform.published = List.of();

        clock.advance(MAX_AGE);

        assertThat(keys.find(JWKS, "platform-1")).isEmpty();
    }

    @Test
    void eachUrlHasItsOwnCacheAndBudget() {
        URI other = URI.create("https://other-lms.example.org/jwks");
        keys.find(JWKS, "platform-1");
        keys.find(JWKS, "forged");

        assertThat(keys.find(other, "platform-1")).as("not held back by the first URL's interval").isPresent();
        assertThat(platform.fetches).hasValue(2);
    }
}
