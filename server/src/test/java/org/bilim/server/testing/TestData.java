package org.bilim.server.testing;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.bilim.server.facilities.Facility;
import org.bilim.server.platform.AddressRange;
import org.bilim.server.platform.Language;

/** In-container helper: transactions, the application's data source and managed threads, for the tests' own data. */
@ApplicationScoped
public class TestData {

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Resource(lookup = "jdbc/bilim")
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Transactional
    public <T> T inTx(Function<EntityManager, T> work) {
        return work.apply(em);
    }

    @Transactional
    public void run(Consumer<EntityManager> work) {
        work.accept(em);
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    public <T> List<T> concurrently(int tasks, Callable<T> task) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            futures.add(executor.submit(task));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    /** A facility of the test's own, reachable from 127.0.0.1. */
    @Transactional
    public Facility facility() {
        Facility f = new Facility(unique("T"), "Test facility", "Almaty region", Language.KK);
        f.addRange(AddressRange.parse("127.0.0.1/32").orElseThrow(), "tests");
        em.persist(f);
        return f;
    }

    public static boolean postgres() {
        return "postgresql".equals(System.getenv("BILIM_DB_KIND"));
    }
}
