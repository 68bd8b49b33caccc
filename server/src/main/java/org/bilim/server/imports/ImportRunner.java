package org.bilim.server.imports;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bilim.courses.cartridge.CartridgeImporter;
import org.bilim.courses.cartridge.ImportLimits;
import org.bilim.courses.cartridge.ImportListener;
import org.bilim.courses.cartridge.ImportRefused;
import org.bilim.courses.cartridge.ImportReport;
import org.bilim.courses.cartridge.ImportResult;
import org.bilim.courses.content.ContentCodec;
import org.bilim.server.audit.AuditEntry;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.catalogue.AuthoringService;
import org.bilim.server.catalogue.ContentIntake;
import org.bilim.server.catalogue.Course;
import org.bilim.server.catalogue.LintEntry;
import org.bilim.server.catalogue.University;
import org.bilim.server.files.FileStore;
import org.bilim.server.imports.ImportViews.ImportOptions;
import org.bilim.server.platform.BilimConfig;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.Language;

/**
 * Runs one import on a background thread, in one transaction: every stored file, the course and
 * its first version commit together or not at all (files written before a rollback are deleted
 * by the file store). The transaction may run long for a semester of video, so it gets its own
 * timeout instead of the server's default.
 */
@ApplicationScoped
public class ImportRunner {
    private static final Logger LOG = Logger.getLogger(ImportRunner.class.getName());
    private static final int TRANSACTION_TIMEOUT_SECONDS = 3600;

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Inject
    FileStore files;

    @Inject
    AuthoringService authoring;

    @Inject
    ContentIntake intake;

    @Inject
    ImportJobs jobs;

    @Inject
    AuditLog audit;

    @Inject
    BilimConfig config;

    /** Who started the import, captured on the request thread for the audit log. */
    record Actor(AuditEntry template, long staffId) {
        AuditEntry entry(String action, Long courseId, String detail) {
            AuditEntry t = template;
            return new AuditEntry(t.actorKind(), t.actorId(), t.actorLabel(), action, null, "course", courseId, detail,
                    t.sourceAddress());
        }
    }

    void run(long jobId, Path archive, String fileName, ImportOptions options, Actor actor) {
        CartridgeImporter importer = new CartridgeImporter(limits(), intake.sanitizer());
        ImportListener listener = throttled(jobId);
        try {
            transaction.setTransactionTimeout(TRANSACTION_TIMEOUT_SECONDS);
            transaction.begin();
            ImportResult result = importer.read(archive, baseName(fileName),
                    (path, file) -> files.store(file, path, config.uploadMaxBytes(), actor.staffId()).ref(), listener);
            University university = em.find(University.class, options.universityId());
            Language language = Language.require(options.language(), "language");
            Course course = authoring.createImported(university, options.code(), language, options.credits(),
                    result.content(), lint(result.report()), actor.staffId());
            audit.append(actor.entry("course.imported", course.id(), fileName + ": " + result.report().entries().size()
                    + " entries, cartridge " + result.report().cartridgeVersion()));
            transaction.commit();
            jobs.succeeded(jobId, course.id(), ContentCodec.toJson(result.report()));
        } catch (ImportRefused e) {
            rollback();
            jobs.refused(jobId, e.code().name(), ContentCodec.toJson(stringify(e.details())));
            audit.appendIndependently(actor.entry("course.import-refused", null, fileName + ": " + e.code()));
        } catch (BilimException e) {
            rollback();
            jobs.refused(jobId, e.problem().code(), ContentCodec.toJson(Map.of("args", List.of(e.args()).stream()
                    .map(String::valueOf).toList())));
        } catch (Exception e) {
            rollback();
            LOG.log(Level.SEVERE, "Import " + jobId + " of " + fileName + " failed", e);
            jobs.failed(jobId, "server.error");
        }
    }

    private ImportLimits limits() {
        ImportLimits d = ImportLimits.defaults();
        return new ImportLimits(config.importMaxBytes(), config.importMaxEntries(), config.uploadMaxBytes(),
                d.maxTotalBytes(), d.maxCompressionRatio());
    }

    /** Progress goes to the job at most four times a second, and at every change of stage. */
    private ImportListener throttled(long jobId) {
        return new ImportListener() {
            private String lastStage;
            private long lastWrite;

            @Override
            public void progress(org.bilim.courses.cartridge.ImportStage stage, int done, int total) {
                long now = System.nanoTime();
                if (!stage.name().equals(lastStage) || now - lastWrite > 250_000_000L || done == total) {
                    lastStage = stage.name();
                    lastWrite = now;
                    jobs.progress(jobId, stage.name(), done, total);
                }
            }
        };
    }

    private static List<LintEntry> lint(ImportReport report) {
        Map<String, String> keyByLocation = new HashMap<>();
        report.entries().stream().filter(e -> e.itemKey() != null).forEach(e -> keyByLocation.put(e.location(), e.itemKey()));
        return report.findings().stream().map(f -> new LintEntry(keyByLocation.get(f.location()), f)).toList();
    }

    private static Map<String, String> stringify(Map<String, Object> details) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        details.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    private static String baseName(String fileName) {
        String n = fileName.replaceAll("\\.(imscc|zip)$", "");
        return n.isBlank() ? "Imported course" : n;
    }

    private void rollback() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Rollback of an import failed", e);
        }
    }
}
