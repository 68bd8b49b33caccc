package org.bilim.server.kiosks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import org.bilim.server.audit.ActorKind;
import org.bilim.server.audit.AuditEntry;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.facilities.Classroom;
import org.bilim.server.facilities.Facility;
import org.bilim.server.kiosks.KioskViews.DeviceView;
import org.bilim.server.kiosks.KioskViews.KioskView;
import org.bilim.server.kiosks.KioskViews.KioskWithCode;
import org.bilim.server.kiosks.KioskViews.NewKiosk;
import org.bilim.server.platform.BilimConfig;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.platform.Times;
import org.bilim.server.platform.Tokens;
import org.bilim.server.sessions.Caller;
import org.bilim.server.sessions.OfficerScope;
import org.bilim.server.sessions.SessionService;

/**
 * Registering, enrolling, locking and unlocking kiosks. Officers act on the kiosks of their own
 * facility only; the kiosk's browser redeems its enrolment code once, from an address of its
 * facility, for a long-lived device credential.
 */
@ApplicationScoped
public class KioskService {

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    OfficerScope scope;

    @Inject
    AuditLog audit;

    @Inject
    SessionService sessions;

    @Inject
    BilimConfig config;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KioskView> list() {
        long facilityId = scope.facility();
        return em.createQuery("SELECT k FROM Kiosk k LEFT JOIN FETCH k.classroom WHERE k.facility.id = :f ORDER BY k.name, k.id", Kiosk.class)
                .setParameter("f", facilityId)
                .getResultList().stream().map(KioskView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public KioskView get(long id) {
        return KioskView.of(inOwnFacility(id));
    }

    @Transactional
    public KioskWithCode register(NewKiosk draft) {
        long facilityId = scope.facility();
        Classroom room = classroom(facilityId, draft.classroomId());
        Kiosk k = new Kiosk(em.getReference(Facility.class, facilityId), room, draft.name().strip());
        String code = Tokens.newEnrolmentCode();
        OffsetDateTime expires = Times.now().plus(config.enrolmentCodeTtl());
        k.issueEnrolmentCode(Tokens.sha256(Tokens.normaliseCode(code)), expires);
        em.persist(k);
        em.flush();
        audit.append(caller.audit("kiosk.registered", facilityId, "kiosk", k.id(), "kiosk " + k.name()));
        return new KioskWithCode(KioskView.of(k), code, expires);
    }

    /** A fresh code for a kiosk; the device enrolled before (if any) loses its credential. */
    @Transactional
    public KioskWithCode newEnrolmentCode(long id) {
        Kiosk k = inOwnFacility(id);
        String code = Tokens.newEnrolmentCode();
        OffsetDateTime expires = Times.now().plus(config.enrolmentCodeTtl());
        k.issueEnrolmentCode(Tokens.sha256(Tokens.normaliseCode(code)), expires);
        sessions.endForKiosk(k.id());
        em.flush();
        audit.append(caller.audit("kiosk.enrolment-code-issued", k.facility().id(), "kiosk", k.id(), "kiosk " + k.name()));
        return new KioskWithCode(KioskView.of(k), code, expires);
    }

    /** Locks a kiosk: it is refused from its next request, and whoever is signed in on it is signed out. */
    @Transactional
    public KioskView lock(long id) {
        Kiosk k = inOwnFacility(id);
        k.lock();
        sessions.endForKiosk(k.id());
        em.flush();
        audit.append(caller.audit("kiosk.locked", k.facility().id(), "kiosk", k.id(), "kiosk " + k.name()));
        return KioskView.of(k);
    }

    @Transactional
    public KioskView unlock(long id) {
        Kiosk k = inOwnFacility(id);
        k.unlock();
        em.flush();
        audit.append(caller.audit("kiosk.unlocked", k.facility().id(), "kiosk", k.id(), "kiosk " + k.name()));
        return KioskView.of(k);
    }

    /** The result of redeeming a code: the device credential for the cookie and what the kiosk shows. */
    public record Enrolled(String deviceToken, DeviceView device) {
    }

    /** The kiosk's browser redeems its one-time code. Refusals are audited. */
    @Transactional
    public Enrolled redeem(String code, String address) {
        OffsetDateTime now = Times.now();
        List<Kiosk> found = em.createQuery("SELECT k FROM Kiosk k JOIN FETCH k.facility WHERE k.enrolmentCodeHash = :h", Kiosk.class)
                .setParameter("h", Tokens.sha256(Tokens.normaliseCode(code)))
                .getResultList();
        if (found.isEmpty() || !found.get(0).codeValidAt(now)) {
            Kiosk k = found.isEmpty() ? null : found.get(0);
            audit.appendIndependently(new AuditEntry(ActorKind.ANONYMOUS, null, null, "kiosk.enrolment-refused",
                    k == null ? null : k.facility().id(), k == null ? null : "kiosk", k == null ? null : k.id(),
                    k == null ? "unknown code" : "expired code", address));
            throw new BilimException(ProblemCode.KIOSK_ENROLMENT_CODE_INVALID);
        }
        Kiosk k = found.get(0);
        if (!k.facility().allows(address)) {
            audit.appendIndependently(new AuditEntry(ActorKind.ANONYMOUS, null, null, "kiosk.enrolment-refused",
                    k.facility().id(), "kiosk", k.id(), "address " + address + " outside the facility's ranges", address));
            throw new BilimException(ProblemCode.KIOSK_ADDRESS_NOT_ALLOWED, address);
        }
        String token = Tokens.newToken();
        k.enrol(Tokens.sha256(token), now, address);
        em.flush();
        audit.append(new AuditEntry(ActorKind.KIOSK, k.id(), k.name(), "kiosk.enrolled", k.facility().id(), "kiosk", k.id(),
                "kiosk " + k.name() + " enrolled from " + address, address));
        return new Enrolled(token, device(k));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DeviceView device(long kioskId) {
        return device(em.find(Kiosk.class, kioskId));
    }

    private DeviceView device(Kiosk k) {
        return new DeviceView(k.id(), k.name(), k.classroom() == null ? null : k.classroom().name(), k.facility().name(),
                k.facility().defaultLanguage().tag(), config.kioskIdleTimeout().toSeconds(), config.kioskIdleWarning().toSeconds());
    }

    private Classroom classroom(long facilityId, Long classroomId) {
        if (classroomId == null) {
            return null;
        }
        Classroom room = em.find(Classroom.class, classroomId);
        if (room == null || room.facility().id() != facilityId) {
            throw new BilimException(ProblemCode.CLASSROOM_NOT_FOUND, classroomId);
        }
        return room;
    }

    private Kiosk inOwnFacility(long id) {
        Kiosk found = em.find(Kiosk.class, id);
        if (found == null) {
            throw new BilimException(ProblemCode.KIOSK_NOT_FOUND, id);
        }
        scope.requireOwn(found.facility().id(), "kiosk", id, ProblemCode.KIOSK_NOT_FOUND);
        return found;
    }
}
