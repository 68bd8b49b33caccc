package org.bilim.server.imports;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.catalogue.University;
import org.bilim.server.imports.ImportViews.ImportOptions;
import org.bilim.server.imports.ImportViews.ImportView;
import org.bilim.server.platform.BilimConfig;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.Language;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.sessions.Caller;

/**
 * Accepts a cartridge upload and starts its import in the background. The options are checked
 * before the body is read, so a wrong university or a taken code costs no upload; at most two
 * imports run at once on a facility's small server.
 */
@ApplicationScoped
public class ImportService {
    private static final int CONCURRENT_IMPORTS = 2;

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    BilimConfig config;

    @Inject
    Caller caller;

    @Inject
    ImportJobs jobs;

    @Inject
    ImportRunner runner;

    @Inject
    AuditLog audit;

    @Resource
    ManagedExecutorService executor;

    private final Semaphore slots = new Semaphore(CONCURRENT_IMPORTS);

    public ImportView start(InputStream body, String fileName, ImportOptions options) {
        Caller.StaffPrincipal staff = caller.requireStaff();
        check(options);
        if (!slots.tryAcquire()) {
            throw new BilimException(ProblemCode.IMPORT_BUSY);
        }
        Path archive = null;
        try {
            archive = receive(body);
            long jobId = jobs.create(fileName, staff.staffId());
            ImportRunner.Actor actor = new ImportRunner.Actor(caller.audit("course.import", null, "course", null, null),
                    staff.staffId());
            Path file = archive;
            executor.execute(() -> {
                try {
                    runner.run(jobId, file, fileName, options, actor);
                } finally {
                    deleteQuietly(file);
                    slots.release();
                }
            });
            return ImportView.of(jobs.find(jobId));
        } catch (RuntimeException e) {
            deleteQuietly(archive);
            slots.release();
            if (e instanceof RejectedExecutionException) {
                throw new BilimException(ProblemCode.IMPORT_BUSY);
            }
            throw e;
        }
    }

    public ImportView get(long id) {
        ImportJob job = jobs.find(id);
        if (job == null) {
            throw new BilimException(ProblemCode.IMPORT_NOT_FOUND, id);
        }
        return ImportView.of(job);
    }

    public List<ImportView> recent() {
        return em.createQuery("SELECT j FROM ImportJob j ORDER BY j.id DESC", ImportJob.class).setMaxResults(20)
                .getResultList().stream().map(ImportView::of).toList();
    }

    /**
     * At start-up, before any import can run: imports the last shutdown interrupted are marked as
     * failed, and the uploads they left in the imports folder are deleted.
     */
    public int failInterrupted() {
        Path dir = config.dataDir().resolve("imports");
        if (Files.isDirectory(dir)) {
            try (var leftovers = Files.list(dir)) {
                leftovers.forEach(ImportService::deleteQuietly);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jobs.failInterrupted();
    }

    private void check(ImportOptions options) {
        if (em.find(University.class, options.universityId()) == null) {
            throw BilimException.forField(ProblemCode.UNIVERSITY_NOT_FOUND, "universityId", options.universityId());
        }
        Language.require(options.language(), "language");
        boolean taken = !em.createQuery("SELECT c.id FROM Course c WHERE c.university.id = :u AND c.code = :code", Long.class)
                .setParameter("u", options.universityId()).setParameter("code", options.code()).getResultList().isEmpty();
        if (taken) {
            throw BilimException.forField(ProblemCode.COURSE_CODE_TAKEN, "code", options.code());
        }
    }

    private Path receive(InputStream body) {
        try {
            Path dir = Files.createDirectories(config.dataDir().resolve("imports"));
            Path target = Files.createTempFile(dir, "cartridge-", ".imscc");
            long max = config.importMaxBytes();
            try (OutputStream out = Files.newOutputStream(target)) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                int n;
                while ((n = body.read(buffer)) > 0) {
                    total += n;
                    if (total > max) {
                        deleteQuietly(target);
                        throw new BilimException(ProblemCode.FILE_TOO_LARGE, max / (1024 * 1024));
                    }
                    out.write(buffer, 0, n);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // A leftover upload is deleted at the next start (failInterrupted).
            }
        }
    }
}
