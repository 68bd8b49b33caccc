package org.bilim.server.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bilim.server.demo.DemoData;
import org.bilim.server.files.FileStore;
import org.bilim.server.grades.GradeCourier;
import org.bilim.server.imports.ImportService;
import org.bilim.server.search.SearchIndex;
import org.bilim.server.sessions.SessionService;
import org.bilim.server.staff.StaffService;

/**
 * What happens when Bilim starts, in order: migrate the schema; create the first administrator
 * if the configuration names one and there is no staff account yet; seed the demo data when
 * demo mode is on; open the search index (rebuilding it in the background if it is missing);
 * then report ready and print where to go.
 */
@ApplicationScoped
public class BilimStartup {
    private static final Logger LOG = Logger.getLogger(BilimStartup.class.getName());

    @Inject
    StartupState state;

    @Inject
    Migrations migrations;

    @Inject
    BilimConfig config;

    @Inject
    StaffService staff;

    @Inject
    DemoData demo;

    @Inject
    SessionService sessions;

    @Inject
    ImportService imports;

    @Inject
    FileStore files;

    @Inject
    SearchIndex search;

    @Inject
    GradeCourier grades;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> purge;

    void onStart(@Observes Startup event) {
        try {
            state.phase("migrating");
            migrations.migrate();
            state.phase("bootstrapping");
            if (config.bootstrapAdminUsername().isPresent() && config.bootstrapAdminPassword().isPresent()
                    && staff.bootstrapAdmin(config.bootstrapAdminUsername().get(), config.bootstrapAdminPassword().get())) {
                LOG.info(() -> "Created the first administrator, " + config.bootstrapAdminUsername().get());
            }
            files.deleteIncomplete();
            int interrupted = imports.failInterrupted();
            if (interrupted > 0) {
                LOG.warning(() -> interrupted + " course import(s) were interrupted by the last shutdown; start them again");
            }
            DemoData.Printout printout = config.demo() ? demo.seed() : null;
            state.phase("opening the search index");
            search.open();
            grades.start();
            purge = scheduler.scheduleAtFixedRate(this::purgeSessions, 5, 5, TimeUnit.MINUTES);
            state.phase("ready");
            System.out.println(banner(printout));
        } catch (RuntimeException e) {
            state.phase("failed");
            LOG.log(Level.SEVERE, "Bilim could not start", e);
            throw e;
        }
    }

    @PreDestroy
    void stop() {
        if (purge != null) {
            purge.cancel(false);
        }
    }

    private void purgeSessions() {
        try {
            int n = sessions.purgeExpired();
            if (n > 0) {
                LOG.fine(() -> "Removed " + n + " idle sessions");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remove idle sessions; will try again", e);
        }
    }

    private String banner(DemoData.Printout demoPrintout) {
        String base = "http://" + (config.host().contains(":") ? "[" + config.host() + "]" : config.host()) + ":" + config.httpPort();
        StringBuilder b = new StringBuilder()
                .append("\n==================== Bilim is ready ====================\n")
                .append("  Kiosk (learners):        ").append(base).append("/kiosk/\n")
                .append("  Officer console:         ").append(base).append("/officer/\n")
                .append("  Admin console:           ").append(base).append("/admin/\n")
                .append("  Health, API description: ").append(base).append("/health/ready  ").append(base).append("/openapi\n");
        if (demoPrintout != null) {
            b.append(demoPrintout.text(base));
        }
        return b.append("=========================================================\n").toString();
    }
}
