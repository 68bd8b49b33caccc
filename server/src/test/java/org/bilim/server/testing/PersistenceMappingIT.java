package org.bilim.server.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import java.time.OffsetDateTime;
import org.bilim.server.facilities.Classroom;
import org.bilim.server.facilities.Facility;
import org.bilim.server.kiosks.Kiosk;
import org.bilim.server.learners.Learner;
import org.bilim.server.learners.LearnerStatus;
import org.bilim.server.platform.AddressRange;
import org.bilim.server.platform.Language;
import org.bilim.server.platform.Times;
import org.bilim.server.staff.Role;
import org.bilim.server.staff.StaffAccount;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The JPA mappings against the schema the migrations made, on H2 and on PostgreSQL: what is
 * written reads back the same (text in Kazakh and Russian, instants to the millisecond, enums,
 * relations), and the database's own constraints hold even where a service check was skipped.
 */
@ExtendWith(ArquillianExtension.class)
class PersistenceMappingIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.bilim(PersistenceMappingIT.class);
    }

    @Inject
    TestData data;

    @Test
    void aFacilityWithRangesAndClassroomsReadsBackTheSame() {
        Facility f = data.facility();
        long id = data.inTx(em -> {
            Facility managed = em.find(Facility.class, f.id());
            managed.addRange(AddressRange.parse("fd00:1::/64").orElseThrow(), "ҚР сынып желісі");
            em.persist(new Classroom(managed, "Сынып №2"));
            return managed.id();
        });
        data.run(em -> {
            Facility again = em.find(Facility.class, id);
            assertThat(again.defaultLanguage()).isEqualTo(Language.KK);
            assertThat(again.addressRanges()).extracting(r -> r.cidr()).containsExactlyInAnyOrder("127.0.0.1/32", "fd00:1::/64");
            assertThat(again.addressRanges()).extracting(r -> r.label()).contains("ҚР сынып желісі");
            assertThat(again.allows("127.0.0.1")).isTrue();
            assertThat(again.allows("fd00:1::5")).isTrue();
            assertThat(again.allows("10.0.0.1")).isFalse();
            assertThat(em.createQuery("SELECT c.name FROM Classroom c WHERE c.facility.id = :f", String.class)
                    .setParameter("f", id).getResultList()).containsExactly("Сынып №2");
        });
    }

    @Test
    void aLearnerReadsBackWithTheSameTextInstantsAndState() {
        Facility f = data.facility();
        OffsetDateTime before = Times.now();
        Learner saved = data.inTx(em -> {
            Learner l = new Learner(em.find(Facility.class, f.id()), TestData.unique("N-"), "Айгерім Сейітқали-Ковалёва",
                    Language.KK, "PBKDF2WithHmacSHA256:5000:c2FsdA==:aGFzaA==");
            l.preferences(Language.RU, true, false, true);
            em.persist(l);
            return l;
        });
        data.run(em -> {
            Learner l = em.find(Learner.class, saved.id());
            assertThat(l.fullName()).isEqualTo("Айгерім Сейітқали-Ковалёва");
            assertThat(l.language()).isEqualTo(Language.RU);
            assertThat(l.largeText()).isTrue();
            assertThat(l.highContrast()).isFalse();
            assertThat(l.screenReader()).isTrue();
            assertThat(l.status()).isEqualTo(LearnerStatus.ACTIVE);
            assertThat(l.createdAt()).isEqualTo(saved.createdAt());
            assertThat(l.createdAt()).isAfterOrEqualTo(before);
            assertThat(l.facility().id()).isEqualTo(f.id());
        });
    }

    @Test
    void theDatabaseRefusesADuplicateLearnerNumberInOneFacility() {
        Facility f = data.facility();
        String number = TestData.unique("D-");
        data.run(em -> {
            em.persist(new Learner(em.find(Facility.class, f.id()), number, "First", Language.EN, "h"));
        });
        assertThatThrownBy(() -> data.run(em -> {
            em.persist(new Learner(em.find(Facility.class, f.id()), number, "Second", Language.EN, "h"));
            em.flush();
        })).isInstanceOfAny(PersistenceException.class, TransactionalException.class, RollbackException.class);
        long stored = data.inTx(em -> count(em, "SELECT COUNT(l) FROM Learner l WHERE l.learnerNumber = '" + number + "'"));
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesAnOfficerWithoutAFacility() {
        assertThatThrownBy(() -> data.run(em -> {
            em.persist(new StaffAccount(TestData.unique("nofacility").toLowerCase(), "No facility", Role.OFFICER, null, Language.RU, "h"));
            em.flush();
        })).isInstanceOfAny(PersistenceException.class, TransactionalException.class, RollbackException.class);
    }

    @Test
    void aKioskKeepsItsEnrolmentAndLastSeenState() {
        Facility f = data.facility();
        OffsetDateTime now = Times.now();
        Kiosk k = data.inTx(em -> {
            Kiosk kiosk = new Kiosk(em.find(Facility.class, f.id()), null, "Kiosk A");
            kiosk.issueEnrolmentCode(TestData.unique("code"), now.plusHours(1));
            em.persist(kiosk);
            return kiosk;
        });
        data.run(em -> {
            Kiosk kiosk = em.find(Kiosk.class, k.id());
            assertThat(kiosk.codeValidAt(now)).isTrue();
            assertThat(kiosk.enrolled()).isFalse();
            kiosk.enrol(TestData.unique("device"), now, "127.0.0.1");
            kiosk.lock();
        });
        data.run(em -> {
            Kiosk kiosk = em.find(Kiosk.class, k.id());
            assertThat(kiosk.enrolled()).isTrue();
            assertThat(kiosk.codeValidAt(now)).isFalse();
            assertThat(kiosk.locked()).isTrue();
            assertThat(kiosk.lastSeenAt()).isEqualTo(now);
            assertThat(kiosk.lastSeenAddress()).isEqualTo("127.0.0.1");
        });
    }

    private static long count(EntityManager em, String jpql) {
        return em.createQuery(jpql, Long.class).getSingleResult();
    }
}
