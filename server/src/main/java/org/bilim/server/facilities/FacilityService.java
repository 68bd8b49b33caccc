package org.bilim.server.facilities;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.facilities.FacilityViews.ClassroomDraft;
import org.bilim.server.facilities.FacilityViews.ClassroomView;
import org.bilim.server.facilities.FacilityViews.FacilityDraft;
import org.bilim.server.facilities.FacilityViews.FacilityView;
import org.bilim.server.facilities.FacilityViews.RangeDraft;
import org.bilim.server.facilities.FacilityViews.RangeView;
import org.bilim.server.platform.AddressRange;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.Flush;
import org.bilim.server.platform.Language;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.sessions.Caller;
import org.bilim.server.sessions.OfficerScope;

/** Facilities, their classrooms and their kiosk address ranges: the administrator's part, and the officer's read of their own classrooms. */
@ApplicationScoped
public class FacilityService {

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    OfficerScope scope;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<FacilityView> list() {
        return em.createQuery("SELECT f FROM Facility f ORDER BY f.name, f.id", Facility.class).getResultList().stream()
                .map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FacilityView get(long id) {
        return view(find(id));
    }

    @Transactional
    public FacilityView create(FacilityDraft draft) {
        String code = draft.code().strip().toUpperCase(Locale.ROOT);
        requireCodeFree(code, null);
        Facility f = new Facility(code, draft.name().strip(), draft.region().strip(), Language.require(draft.defaultLanguage(), "defaultLanguage"));
        em.persist(f);
        Flush.orConflict(em, ProblemCode.FACILITY_CODE_TAKEN, "code", code);
        audit.append(caller.audit("facility.created", f.id(), "facility", f.id(), "facility " + code + " " + f.name()));
        return view(f);
    }

    @Transactional
    public FacilityView update(long id, FacilityDraft draft) {
        Facility f = find(id);
        String code = draft.code().strip().toUpperCase(Locale.ROOT);
        requireCodeFree(code, id);
        f.rename(code, draft.name().strip(), draft.region().strip(), Language.require(draft.defaultLanguage(), "defaultLanguage"));
        Flush.orConflict(em, ProblemCode.FACILITY_CODE_TAKEN, "code", code);
        audit.append(caller.audit("facility.updated", f.id(), "facility", f.id(), "facility " + code + " " + f.name()));
        return view(f);
    }

    @Transactional
    public RangeView addRange(long facilityId, RangeDraft draft) {
        Facility f = find(facilityId);
        AddressRange range = AddressRange.parse(draft.cidr())
                .orElseThrow(() -> BilimException.forField(ProblemCode.ADDRESS_RANGE_INVALID, "cidr", draft.cidr()));
        if (f.addressRanges().stream().anyMatch(r -> r.cidr().equals(range.cidr()))) {
            throw BilimException.forField(ProblemCode.ADDRESS_RANGE_DUPLICATE, "cidr", range.cidr());
        }
        FacilityAddressRange r = f.addRange(range, blankToNull(draft.label()));
        Flush.orConflict(em, ProblemCode.ADDRESS_RANGE_DUPLICATE, "cidr", range.cidr());
        audit.append(caller.audit("address-range.added", f.id(), "facility", f.id(), "range " + range.cidr()));
        return RangeView.of(r);
    }

    @Transactional
    public void removeRange(long facilityId, long rangeId) {
        Facility f = find(facilityId);
        FacilityAddressRange r = f.addressRanges().stream().filter(x -> x.id() == rangeId).findFirst()
                .orElseThrow(() -> new BilimException(ProblemCode.ADDRESS_RANGE_NOT_FOUND, rangeId));
        f.addressRanges().remove(r);
        em.flush();
        audit.append(caller.audit("address-range.removed", f.id(), "facility", f.id(), "range " + r.cidr()));
    }

    @Transactional
    public ClassroomView addClassroom(long facilityId, ClassroomDraft draft) {
        Facility f = find(facilityId);
        String name = draft.name().strip();
        boolean taken = !em.createQuery("SELECT c.id FROM Classroom c WHERE c.facility.id = :f AND LOWER(c.name) = :n", Long.class)
                .setParameter("f", facilityId).setParameter("n", name.toLowerCase(Locale.ROOT)).getResultList().isEmpty();
        if (taken) {
            throw BilimException.forField(ProblemCode.CLASSROOM_NAME_TAKEN, "name", name);
        }
        Classroom c = new Classroom(f, name);
        em.persist(c);
        Flush.orConflict(em, ProblemCode.CLASSROOM_NAME_TAKEN, "name", name);
        audit.append(caller.audit("classroom.created", f.id(), "classroom", c.id(), "classroom " + name));
        return ClassroomView.of(c);
    }

    /** The classrooms of the signed-in officer's facility. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClassroomView> ownClassrooms() {
        return classrooms(scope.facility());
    }

    private List<ClassroomView> classrooms(long facilityId) {
        return em.createQuery("SELECT c FROM Classroom c WHERE c.facility.id = :f ORDER BY c.name, c.id", Classroom.class)
                .setParameter("f", facilityId).getResultList().stream().map(ClassroomView::of).toList();
    }

    private FacilityView view(Facility f) {
        return new FacilityView(f.id(), f.code(), f.name(), f.region(), f.defaultLanguage().tag(),
                f.addressRanges().stream().map(RangeView::of).toList(), classrooms(f.id()), f.createdAt());
    }

    private Facility find(long id) {
        Facility f = em.find(Facility.class, id);
        if (f == null) {
            throw new BilimException(ProblemCode.FACILITY_NOT_FOUND, id);
        }
        return f;
    }

    private void requireCodeFree(String code, Long except) {
        List<Long> ids = em.createQuery("SELECT f.id FROM Facility f WHERE f.code = :c", Long.class)
                .setParameter("c", code).getResultList();
        if (ids.stream().anyMatch(i -> !i.equals(except))) {
            throw BilimException.forField(ProblemCode.FACILITY_CODE_TAKEN, "code", code);
        }
    }


    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
