package org.bilim.server.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the schema migrations (Flyway) before anything else touches the database. Migrations
 * run over their own data source, which on PostgreSQL connects as the schema's owner; the
 * application itself connects as a role that may not change or delete audit rows.
 *
 * <p>Scripts live in {@code db/migration/common} and in {@code db/migration/<vendor>} for what
 * only one database can express (PostgreSQL's grants and triggers).
 */
@ApplicationScoped
public class Migrations {
    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = "jdbc/bilimMigration")
    DataSource migrationDataSource;

    @Resource(lookup = "jdbc/bilim")
    DataSource applicationDataSource;

    public MigrateResult migrate() {
        ClassLoader loader = Migrations.class.getClassLoader();
        Flyway flyway = Flyway.configure(loader)
                .dataSource(migrationDataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor())
                .placeholders(Map.of("appUser", applicationRole()))
                .load();
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
        return result;
    }

    /** The role the application connects as: the migrations grant it what it may do, and no more. */
    private String applicationRole() {
        try (Connection c = applicationDataSource.getConnection()) {
            return c.getMetaData().getUserName();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database as the application: " + e.getMessage(), e);
        }
    }

    /** {@code h2} or {@code postgresql}: the folder of scripts only that database can run. */
    private String vendor() {
        try (Connection c = migrationDataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return "postgresql";
            }
            if (product.contains("h2")) {
                return "h2";
            }
            throw new IllegalStateException("Bilim runs on H2 or PostgreSQL, not on " + product);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to migrate it: " + e.getMessage(), e);
        }
    }
}
