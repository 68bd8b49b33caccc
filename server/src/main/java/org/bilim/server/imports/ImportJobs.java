package org.bilim.server.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Writes a job's state in transactions of its own, so progress is visible while the import's
 * own transaction is still open, and a refusal is kept although the import rolled back.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ImportJobs {
    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    public long create(String fileName, long staffId) {
        ImportJob job = new ImportJob(fileName, staffId);
        em.persist(job);
        em.flush();
        return job.id();
    }

    public void progress(long id, String stage, int done, int total) {
        em.find(ImportJob.class, id).progress(stage, done, total);
    }

    public void succeeded(long id, long courseId, String reportJson) {
        em.find(ImportJob.class, id).succeeded(courseId, reportJson);
    }

    public void refused(long id, String code, String detailsJson) {
        em.find(ImportJob.class, id).refused(code, detailsJson);
    }

    public void failed(long id, String code) {
        em.find(ImportJob.class, id).failed(code);
    }

    /** After a restart, an import that was running did not finish: say so. */
    public int failInterrupted() {
        return em.createQuery("UPDATE ImportJob j SET j.state = :failed, j.refusalCode = 'INTERRUPTED' WHERE j.state = :running")
                .setParameter("failed", ImportJob.State.FAILED).setParameter("running", ImportJob.State.RUNNING)
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ImportJob find(long id) {
        return em.find(ImportJob.class, id);
    }
}
