package org.bilim.server.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * What Bilim acknowledges must survive a killed server. PostgreSQL makes every commit durable
 * before it answers. The embedded H2 does not always: under concurrent commits its store may write
 * a commit later (its "try commit" gives way to another thread's), and a kill then loses commits
 * already acknowledged — seen in the tests, seconds of them. So on H2, a transaction whose result
 * is acknowledged as kept (a grade, a grade's delivery, an exam answer) asks here for a
 * {@code CHECKPOINT SYNC} after it commits and before the request answers.
 */
@ApplicationScoped
public class Durability {
    private static final Logger LOG = Logger.getLogger(Durability.class.getName());
    private static final Object KEY = new Object();

    @Resource(lookup = "jdbc/bilimMigration")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private volatile Boolean h2;

    /** Makes the current transaction's commit durable before the caller answers (a no-op on PostgreSQL). */
    public void whenCommitted() {
        if (!h2() || transactions.getResource(KEY) != null) {
            return;
        }
        transactions.putResource(KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    checkpoint();
                }
            }
        });
    }

    private void checkpoint() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "The database could not be flushed after a commit; a crash now could lose it", e);
        }
    }

    private boolean h2() {
        Boolean known = h2;
        if (known == null) {
            try (Connection c = dataSource.getConnection()) {
                known = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
            } catch (SQLException e) {
                return false;
            }
            h2 = known;
        }
        return known;
    }
}
