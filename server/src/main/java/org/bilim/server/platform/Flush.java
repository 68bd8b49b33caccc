package org.bilim.server.platform;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;

/**
 * Writes pending changes now and turns a broken uniqueness rule into Bilim's own problem. The
 * services check for duplicates first, for a clear message; this catches the duplicate that two
 * people create in the same instant, which only the database's constraint can see.
 */
public final class Flush {
    private Flush() {
    }

    /** Flushes; a uniqueness conflict becomes {@code conflict}, reported on the request field {@code field}. */
    public static void orConflict(EntityManager em, ProblemCode conflict, String field, Object... args) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (integrityViolation(e)) {
                throw BilimException.forField(conflict, field, args);
            }
            throw e;
        }
    }

    static boolean integrityViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
