package org.bilim.server.files;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.bilim.server.platform.Times;
import org.bilim.server.platform.Tokens;

/**
 * Short-lived links to stored files, for pages whose session is a bearer token (a lecturer's
 * workspace in an LMS frame): a {@code <video>} or {@code <audio>} element sends no header, so the
 * page asks for a link and plays that. A link names one file, is kept hashed, and lasts long
 * enough to watch a lecture.
 */
@ApplicationScoped
@Transactional
public class FileLinks {
    static final Duration LIFETIME = Duration.ofHours(4);

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    /** A new link's token for {@code fileId}, for this staff member. */
    public String create(String fileId, long staffId) {
        String token = Tokens.newToken();
        em.createNativeQuery("INSERT INTO file_link (token_hash, file_id, staff_id, expires_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, Tokens.sha256(token)).setParameter(2, fileId).setParameter(3, staffId)
                .setParameter(4, Times.now().plus(LIFETIME)).executeUpdate();
        em.createNativeQuery("DELETE FROM file_link WHERE expires_at < ?1").setParameter(1, Times.now()).executeUpdate();
        return token;
    }

    /** The file a live link names, if the token is one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> fileOf(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT file_id, expires_at FROM file_link WHERE token_hash = ?1")
                .setParameter(1, Tokens.sha256(token)).getResultList();
        OffsetDateTime now = Times.now();
        return rows.stream().filter(r -> Times.of(r[1]).isAfter(now)).map(r -> (String) r[0]).findFirst();
    }

    public OffsetDateTime expiry() {
        return Times.now().plus(LIFETIME);
    }
}
