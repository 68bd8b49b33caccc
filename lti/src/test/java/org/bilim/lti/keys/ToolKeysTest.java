package org.bilim.lti.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.bilim.lti.testing.InMemoryToolKeyStore;
import org.bilim.lti.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToolKeysTest {

    private static final Duration OVERLAP = Duration.ofHours(24);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final InMemoryToolKeyStore store = new InMemoryToolKeyStore();
    private final ToolKeys keys = new ToolKeys(store, clock, OVERLAP);

    @Test
    void theFirstKeySignsAtOnceAndIsPublished() {
        ToolKey first = keys.ensureCurrentKey();

        assertThat(first.stateAt(clock.instant())).isEqualTo(ToolKey.State.CURRENT);
        assertThat(publishedKids()).containsExactly(first.kid());
        assertThat(keys.signingKey()).isEqualTo(first);
    }

    /**
     * H2 and PostgreSQL keep an instant to the microsecond and round what is finer: a key made at
     * ...00.0000009 is read back as made at ...00.000001, after the moment it was made for.
     */
    @Test
    void aKeyMadeNowSignsWhenTheStoreRoundsInstantsToTheMicrosecond() {
        clock.set(Instant.parse("2026-03-02T09:00:00.000000900Z"));
        ToolKeys rounding = new ToolKeys(new MicrosecondStore(), clock, OVERLAP);

        ToolKey first = rounding.ensureCurrentKey();

        assertThat(first.stateAt(clock.instant())).isEqualTo(ToolKey.State.CURRENT);
        assertThat(rounding.signingKey().kid()).isEqualTo(first.kid());
    }

    /** A store that keeps instants as a database column does: to the microsecond, rounded half up. */
    private static final class MicrosecondStore implements ToolKeyStore {
        private final InMemoryToolKeyStore rows = new InMemoryToolKeyStore();

        @Override
        public List<ToolKey> loadAll() {
            return rows.loadAll();
        }

        @Override
        public void save(ToolKey k) {
            rows.save(new ToolKey(k.kid(), k.jwk(), micros(k.created()), micros(k.activated()), micros(k.deactivated()),
                    micros(k.retired())));
        }

        @Override
        public boolean kidEverUsed(String kid) {
            return rows.kidEverUsed(kid);
        }

        private static Instant micros(Instant i) {
            return i == null ? null : i.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
        }
    }

    @Test
    void aRotatedKeyIsPublishedAtOnceButSignsOnlyAfterTheOverlap() {
        ToolKey old = keys.ensureCurrentKey();

        ToolKey next = keys.rotate();

        assertThat(next.kid()).isNotEqualTo(old.kid());
        assertThat(publishedKids()).containsExactly(old.kid(), next.kid());
        assertThat(keys.signingKey().kid()).isEqualTo(old.kid());

        clock.advance(OVERLAP.minusSeconds(1));
        assertThat(keys.signingKey().kid()).as("one second before the switch").isEqualTo(old.kid());

        clock.advance(Duration.ofSeconds(1));
        assertThat(keys.signingKey().kid()).as("at the switch").isEqualTo(next.kid());
    }

    @Test
    void theOldKeyStaysPublishedForTheOverlapAfterItStoppedSigningThenIsGoneWithItsPrivatePart() {
        ToolKey old = keys.ensureCurrentKey();
        ToolKey next = keys.rotate();

        clock.advance(OVERLAP);
        assertThat(publishedKids()).containsExactly(old.kid(), next.kid());

        clock.advance(OVERLAP.minusSeconds(1));
        assertThat(publishedKids()).as("one second before retirement").containsExactly(old.kid(), next.kid());

        clock.advance(Duration.ofSeconds(1));
        assertThat(publishedKids()).containsExactly(next.kid());
        assertThat(store.get(old.kid()).stateAt(clock.instant())).isEqualTo(ToolKey.State.RETIRED);
        assertThat(store.get(old.kid()).hasPrivatePart()).as("a retired key keeps no private part").isFalse();
        assertThat(store.get(next.kid()).hasPrivatePart()).isTrue();
    }

    @Test
    void rotatingAgainWhileAKeyWaitsReturnsThatKeyAndDoesNotPushTheSwitchBack() {
        keys.ensureCurrentKey();
        ToolKey next = keys.rotate();
        clock.advance(Duration.ofHours(3));

        ToolKey again = keys.rotate();

        assertThat(again).isEqualTo(next);
        assertThat(store.loadAll()).hasSize(2);
    }

    @Test
    void atMostThreeKeysArePublishedThroughBackToBackRotations() {
        keys.ensureCurrentKey();
        for (int i = 0; i < 6; i++) {
            keys.rotate();
            assertThat(publishedKids().size()).isLessThanOrEqualTo(3);
            clock.advance(OVERLAP);
            assertThat(publishedKids().size()).isLessThanOrEqualTo(3);
        }
        assertThat(store.loadAll()).hasSize(7);
    }

    @Test
    void aKidIsNeverReusedEvenWhenItsRowWasDeleted() {
        Deque<String> candidates = new ArrayDeque<>(List.of("kid-1", "kid-1", "kid-2", "kid-2", "kid-1", "kid-3"));
        ToolKeys keys = new ToolKeys(store, clock, OVERLAP, candidates::poll);

        ToolKey first = keys.ensureCurrentKey();
        ToolKey second = keys.rotate();
        clock.advance(OVERLAP.multipliedBy(2));
        store.delete("kid-1");
        ToolKey third = keys.rotate();

        assertThat(List.of(first.kid(), second.kid(), third.kid())).containsExactly("kid-1", "kid-2", "kid-3");
    }

    @Test
    void aKidSourceThatOnlyRepeatsItselfIsAnErrorNotAReusedKid() {
        ToolKeys keys = new ToolKeys(store, clock, OVERLAP, () -> "always-the-same");
        keys.ensureCurrentKey();

        assertThatThrownBy(keys::rotate).isInstanceOf(IllegalStateException.class).hasMessageContaining("kid");
    }

    @Test
    void thePublishedKeySetHoldsNoPrivatePart() throws Exception {
        keys.ensureCurrentKey();
        keys.rotate();

        String json = keys.publicJwks();

        JsonNode published = new ObjectMapper().readTree(json).get("keys");
        assertThat(published).hasSize(2);
        for (JsonNode key : published) {
            assertThat(key.has("n")).isTrue();
            assertThat(List.of("d", "p", "q", "dp", "dq", "qi", "oth")).noneMatch(key::has);
        }
        assertThat(JWKSet.parse(json).getKeys()).noneMatch(k -> k.isPrivate());
    }

    @Test
    void whatTheToolSignsVerifiesWithItsPublishedKeyFoundByKid() throws Exception {
        keys.ensureCurrentKey();
        keys.rotate();
        clock.advance(OVERLAP);

        SignedJWT jwt = SignedJWT.parse(keys.sign(new JWTClaimsSet.Builder().issuer("bilim").build()));

        assertThat(jwt.getHeader().getKeyID()).isEqualTo(keys.signingKey().kid());
        RSAKey published = JWKSet.parse(keys.publicJwks()).getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey();
        assertThat(jwt.verify(new RSASSAVerifier(published))).isTrue();
    }

    @Test
    void aStoreThatLostItsCurrentKeyActivatesTheWaitingOneRatherThanAnUnpublishedKey() {
        ToolKey old = keys.ensureCurrentKey();
        ToolKey next = keys.rotate();
        store.delete(old.kid());

        ToolKey signing = keys.signingKey();

        assertThat(signing.kid()).isEqualTo(next.kid());
        assertThat(store.loadAll()).hasSize(1);
    }

    @Test
    void aKeyPrintedToALogShowsNoPrivatePart() {
        ToolKey key = keys.ensureCurrentKey();

        assertThat(key.toString()).contains(key.kid()).doesNotContain(key.jwk().getPrivateExponent().toString(), "\"d\"");
    }

    @Test
    void theOverlapMustBePositive() {
        assertThatThrownBy(() -> new ToolKeys(store, clock, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private List<String> publishedKids() {
        try {
            JsonNode json = new ObjectMapper().readTree(keys.publicJwks()).get("keys");
            return StreamSupport.stream(json.spliterator(), false).map(k -> k.get("kid").asText()).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
