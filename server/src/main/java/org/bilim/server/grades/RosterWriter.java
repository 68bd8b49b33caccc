package org.bilim.server.grades;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import org.bilim.lti.services.Member;
import org.bilim.server.platform.Times;

/** The roster's writes, each in a transaction of its own (the roster is read from the LMS with none open). */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class RosterWriter {
    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    public void rosterFailed(long platformId, String contextId, String error) {
        String e = error == null ? "unknown" : error.length() > 1000 ? error.substring(0, 999) + "…" : error;
        em.createNativeQuery("UPDATE lti_context SET roster_error = ?3, roster_error_at = ?4 WHERE platform_id = ?1 AND context_id = ?2")
                .setParameter(1, platformId).setParameter(2, contextId).setParameter(3, e).setParameter(4, Times.now()).executeUpdate();
    }

    /** The complete roster replaces the last: members now absent stay, marked absent, with their matches. */
    public void keep(long platformId, String contextId, List<Member> students) {
        OffsetDateTime now = Times.now();
        em.createNativeQuery("UPDATE lti_member SET present = FALSE WHERE platform_id = ?1 AND context_id = ?2")
                .setParameter(1, platformId).setParameter(2, contextId).executeUpdate();
        for (Member m : students) {
            String roles = clip(String.join(" ", m.roles()), 2000);
            String name = clip(displayName(m), 300);
            int updated = em.createNativeQuery("UPDATE lti_member SET name = ?4, email = ?5, sourced_id = ?6, roles = ?7, status = ?8, "
                            + "present = TRUE, read_at = ?9 WHERE platform_id = ?1 AND context_id = ?2 AND user_id = ?3")
                    .setParameter(1, platformId).setParameter(2, contextId).setParameter(3, m.userId()).setParameter(4, name)
                    .setParameter(5, clip(m.email(), 300)).setParameter(6, clip(m.lisPersonSourcedId(), 255)).setParameter(7, roles)
                    .setParameter(8, m.status().name()).setParameter(9, now).executeUpdate();
            if (updated == 0 && m.userId().length() <= 255) {
                em.createNativeQuery("INSERT INTO lti_member (platform_id, context_id, user_id, name, email, sourced_id, roles, status, "
                                + "present, read_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, TRUE, ?9)")
                        .setParameter(1, platformId).setParameter(2, contextId).setParameter(3, m.userId()).setParameter(4, name)
                        .setParameter(5, clip(m.email(), 300)).setParameter(6, clip(m.lisPersonSourcedId(), 255))
                        .setParameter(7, roles).setParameter(8, m.status().name()).setParameter(9, now).executeUpdate();
            }
        }
        em.createNativeQuery("UPDATE lti_context SET roster_read_at = ?3, roster_error = NULL, roster_error_at = NULL "
                        + "WHERE platform_id = ?1 AND context_id = ?2")
                .setParameter(1, platformId).setParameter(2, contextId).setParameter(3, now).executeUpdate();
    }

    private static String displayName(Member m) {
        String name = m.name() != null && !m.name().isBlank() ? m.name()
                : ((m.givenName() == null ? "" : m.givenName()) + " " + (m.familyName() == null ? "" : m.familyName())).strip();
        return name.isEmpty() ? null : name.replaceAll("[\\p{Cntrl}<>]", "");
    }

    private static String clip(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }
}
