package org.bilim.server.lti;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.bilim.lti.launch.NonceStore;
import org.bilim.lti.launch.PendingLogin;
import org.bilim.server.platform.Times;
import org.bilim.server.platform.Tokens;

/**
 * Logins in flight and nonces spent, in the database so that any node can take the launch that
 * answers a login another node started. States and nonces are stored hashed where they are only
 * compared: a copy of the table lets nobody finish someone else's login.
 */
@ApplicationScoped
public class LtiLogins implements NonceStore {
    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    LtiLogins self;

    /**
     * Keeps a login until its launch.
     *
     * @param storageTarget the frame the platform offered for client-side storage, or empty: only a
     *                      login made with one may later be proved through the platform's storage
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void remember(PendingLogin login, Optional<String> storageTarget) {
        em.createNativeQuery("INSERT INTO lti_login (state_hash, nonce, platform_id, expires_at, storage_target) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, Tokens.sha256(login.state())).setParameter(2, login.nonce())
                .setParameter(3, login.registrationId()).setParameter(4, login.expires().atOffset(ZoneOffset.UTC))
                .setParameter(5, storageTarget.orElse(null))
                .executeUpdate();
    }

    /**
     * A login in flight, looked at without taking it.
     *
     * @param login         the login
     * @param storageTarget the frame the platform offered for its storage, if it did
     */
    public record InFlight(PendingLogin login, Optional<String> storageTarget) {
    }

    /**
     * The login this state names, left in flight: the launch that comes without the login's cookie
     * asks the browser to read the state back from the platform's storage if the login was made
     * with one, and shows a refusal in the platform's frame.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public Optional<InFlight> peek(String state) {
        if (state == null || state.isEmpty() || state.length() > 200) {
            return Optional.empty();
        }
        List<Object[]> rows = em.createNativeQuery("SELECT nonce, platform_id, expires_at, storage_target FROM lti_login WHERE state_hash = ?1")
                .setParameter(1, Tokens.sha256(state)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        return Optional.of(new InFlight(new PendingLogin(state, (String) r[0], ((Number) r[1]).longValue(), Times.of(r[2]).toInstant()),
                Optional.ofNullable((String) r[3])));
    }

    /** The login a state names, taken out so that it answers one launch only; empty if unknown or taken. */
    @Transactional(Transactional.TxType.REQUIRED)
    @SuppressWarnings("unchecked")
    public Optional<PendingLogin> take(String state) {
        if (state == null || state.isEmpty() || state.length() > 200) {
            return Optional.empty();
        }
        String hash = Tokens.sha256(state);
        List<Object[]> rows = em.createNativeQuery("SELECT nonce, platform_id, expires_at FROM lti_login WHERE state_hash = ?1")
                .setParameter(1, hash).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        int deleted = em.createNativeQuery("DELETE FROM lti_login WHERE state_hash = ?1").setParameter(1, hash).executeUpdate();
        if (deleted == 0) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        return Optional.of(new PendingLogin(state, (String) r[0], ((Number) r[1]).longValue(), Times.of(r[2]).toInstant()));
    }

    @Override
    public boolean useOnce(String nonce, Instant expires) {
        try {
            self.insertNonce(Tokens.sha256(nonce), expires);
            return true;
        } catch (RuntimeException duplicate) {
            // The primary key refused it: the nonce was used before (its own transaction rolled back).
            return false;
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insertNonce(String hash, Instant expires) {
        em.createNativeQuery("INSERT INTO lti_nonce (nonce_hash, expires_at) VALUES (?1, ?2)")
                .setParameter(1, hash).setParameter(2, expires.atOffset(ZoneOffset.UTC)).executeUpdate();
    }

    /** Forgets logins and nonces past their time: a token that old is refused for its age anyway. */
    @Transactional(Transactional.TxType.REQUIRED)
    public int purgeExpired(Instant now) {
        var at = now.atOffset(ZoneOffset.UTC);
        return em.createNativeQuery("DELETE FROM lti_login WHERE expires_at < ?1").setParameter(1, at).executeUpdate()
                + em.createNativeQuery("DELETE FROM lti_nonce WHERE expires_at < ?1").setParameter(1, at).executeUpdate();
    }
}
