package org.bilim.server.kiosks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.platform.Times;
import org.bilim.server.platform.Tokens;
import org.bilim.server.sessions.Caller.KioskPrincipal;

/**
 * The door every kiosk request passes: a device credential of a registered kiosk, the kiosk not
 * locked, and the request coming from one of its facility's address ranges. Anything else is
 * refused before a resource runs.
 */
@ApplicationScoped
public class KioskGate {

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Transactional(dontRollbackOn = BilimException.class)
    public KioskPrincipal admit(String deviceToken, String remoteAddress) {
        Kiosk kiosk = find(deviceToken);
        if (kiosk.locked()) {
            throw new BilimException(ProblemCode.KIOSK_LOCKED);
        }
        if (!kiosk.facility().allows(remoteAddress)) {
            throw new BilimException(ProblemCode.KIOSK_ADDRESS_NOT_ALLOWED, remoteAddress);
        }
        kiosk.seen(Times.now(), remoteAddress);
        return new KioskPrincipal(kiosk.id(), kiosk.facility().id(), kiosk.name(), kiosk.facility().name());
    }

    /** The kiosk a device credential belongs to, whatever its state; refuses unknown credentials. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Kiosk find(String deviceToken) {
        if (deviceToken == null || deviceToken.isBlank()) {
            throw new BilimException(ProblemCode.KIOSK_UNREGISTERED);
        }
        List<Kiosk> found = em.createQuery("SELECT k FROM Kiosk k JOIN FETCH k.facility f LEFT JOIN FETCH f.addressRanges WHERE k.deviceTokenHash = :h", Kiosk.class)
                .setParameter("h", Tokens.sha256(deviceToken))
                .getResultList();
        if (found.isEmpty()) {
            throw new BilimException(ProblemCode.KIOSK_UNREGISTERED);
        }
        return found.get(0);
    }
}
