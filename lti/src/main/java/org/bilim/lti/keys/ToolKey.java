package org.bilim.lti.keys;

import com.nimbusds.jose.jwk.RSAKey;

import java.time.Instant;
import java.util.Objects;

/**
 * One of Bilim's own signing keys, as platforms see it through Bilim's JWKS.
 *
 * <p>A key's life is four instants, all fixed when they become known, so its state at any moment
 * is a function of the clock and needs no scheduler to move it along:
 *
 * <pre>
 *   created ──► activated ──► deactivated ──► retired
 *     NEXT        CURRENT       PREVIOUS       RETIRED
 *   published   published,    published,     gone from the JWKS,
 *   signs none  signs         signs none     private part destroyed
 * </pre>
 *
 * {@code deactivated} and {@code retired} are null until a rotation schedules the key's successor.
 * See {@link ToolKeys} for the rule that sets them.
 *
 * @param kid         the JWK {@code kid}, never given to another key
 * @param jwk         the RSA key, with its private part until the key is retired
 * @param created     when the key was generated and first published
 * @param activated   from when it signs
 * @param deactivated from when it signs nothing (its successor's {@code activated}), or null
 * @param retired     from when it is no longer published, or null
 */
public record ToolKey(String kid, RSAKey jwk, Instant created, Instant activated, Instant deactivated, Instant retired) {

    /** Where a key stands at a given moment. */
    public enum State {
        /** Published so platforms can cache it, but signs nothing yet. */
        NEXT,
        /** Published and the one key that signs. */
        CURRENT,
        /** Published still, so tokens it signed before its successor took over verify; signs nothing. */
        PREVIOUS,
        /** Neither published nor signing; kept only so its kid is never handed out again. */
        RETIRED
    }

    public ToolKey {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(jwk, "jwk");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(activated, "activated");
        if (!kid.equals(jwk.getKeyID())) {
            throw new IllegalArgumentException("the JWK's kid must be the key's kid");
        }
        if (activated.isBefore(created)) {
            throw new IllegalArgumentException("a key cannot sign before it exists");
        }
        if ((deactivated == null) != (retired == null)) {
            throw new IllegalArgumentException("deactivated and retired are scheduled together");
        }
        if (deactivated != null && (deactivated.isBefore(activated) || retired.isBefore(deactivated))) {
            throw new IllegalArgumentException("a key is deactivated after it is activated and retired after that");
        }
    }

    /** The key's state at {@code now}. */
    public State stateAt(Instant now) {
        if (retired != null && !now.isBefore(retired)) {
            return State.RETIRED;
        }
        if (deactivated != null && !now.isBefore(deactivated)) {
            return State.PREVIOUS;
        }
        return now.isBefore(activated) ? State.NEXT : State.CURRENT;
    }

    /** Whether a platform fetching Bilim's JWKS at {@code now} finds this key there. */
    public boolean publishedAt(Instant now) {
        return stateAt(now) != State.RETIRED;
    }

    /** Whether the key still holds its private part (a retired key does not). */
    public boolean hasPrivatePart() {
        return jwk.isPrivate();
    }

    /** Names the key and its instants; a record's own toString would print the private key. */
    @Override
    public String toString() {
        return "ToolKey[kid=" + kid + ", created=" + created + ", activated=" + activated + ", deactivated=" + deactivated
                + ", retired=" + retired + "]";
    }

    /** This key with its successor scheduled: it stops signing at {@code deactivated} and leaves the JWKS at {@code retired}. */
    ToolKey supersededAt(Instant deactivated, Instant retired) {
        return new ToolKey(kid, jwk, created, activated, deactivated, retired);
    }

    /** This key activated at {@code now} instead of its planned instant (used only to repair a store that lost its current key). */
    ToolKey activatedAt(Instant now) {
        return new ToolKey(kid, jwk, created, now, deactivated, retired);
    }

    /** This key without its private part: what a retired key keeps, since it will never sign again. */
    ToolKey withoutPrivatePart() {
        return new ToolKey(kid, jwk.toPublicJWK(), created, activated, deactivated, retired);
    }
}
