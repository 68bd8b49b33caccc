package org.bilim.server.grades;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;

/**
 * A learner's pseudonym: what lecturers and universities see instead of the learner number and
 * name, until an officer confirms which student the learner is. Random, given the first time it is
 * needed, and never changed.
 */
@ApplicationScoped
public class Pseudonyms {
    /** Crockford's base32, without letters that read like digits. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    /**
     * The learner's pseudonym, given now if they have none (50 random bits: a clash is not worth a
     * retry). In the caller's transaction if there is one: a transaction of its own would wait on
     * the caller's lock of the learner row (PostgreSQL's key-share lock of a referencing insert).
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public String of(long learnerId) {
        em.createNativeQuery("UPDATE learner SET pseudonym = ?2 WHERE id = ?1 AND pseudonym IS NULL")
                .setParameter(1, learnerId).setParameter(2, fresh()).executeUpdate();
        return (String) em.createNativeQuery("SELECT pseudonym FROM learner WHERE id = ?1").setParameter(1, learnerId).getSingleResult();
    }

    private static String fresh() {
        StringBuilder b = new StringBuilder("S-");
        for (int i = 0; i < 10; i++) {
            b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }
}
