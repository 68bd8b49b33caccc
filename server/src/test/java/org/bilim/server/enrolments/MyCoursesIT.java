package org.bilim.server.enrolments;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import org.bilim.server.facilities.Facility;
import org.bilim.server.learners.Learner;
import org.bilim.server.platform.Language;
import org.bilim.server.testing.Deployments;
import org.bilim.server.testing.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A learner's home screen lists the courses they are enrolled in, and only those. */
@ExtendWith(ArquillianExtension.class)
class MyCoursesIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.bilim(MyCoursesIT.class);
    }

    @Inject
    MyCourses courses;

    @Inject
    TestData data;

    @Test
    void eachLearnerSeesTheirOwnEnrolments() {
        Facility f = data.facility();
        long[] ids = data.inTx(em -> {
            Facility facility = em.find(Facility.class, f.id());
            University kaznu = new University(TestData.unique("al-Farabi Kazakh National University "));
            em.persist(kaznu);
            Course law = new Course(kaznu, "LAW-101", "Құқық негіздері", Language.KK, 5);
            Course econ = new Course(kaznu, "ECO-201", "Основы экономики", Language.RU, 4);
            em.persist(law);
            em.persist(econ);
            Learner a = new Learner(facility, TestData.unique("A-"), "A", Language.KK, "h");
            Learner b = new Learner(facility, TestData.unique("B-"), "B", Language.RU, "h");
            Learner none = new Learner(facility, TestData.unique("C-"), "C", Language.EN, "h");
            em.persist(a);
            em.persist(b);
            em.persist(none);
            em.persist(new Enrolment(a, law));
            em.persist(new Enrolment(a, econ));
            em.persist(new Enrolment(b, econ));
            em.flush();
            return new long[] {a.id(), b.id(), none.id()};
        });
        assertThat(courses.of(ids[0])).extracting(MyCourses.CourseSummary::code).containsExactlyInAnyOrder("LAW-101", "ECO-201");
        assertThat(courses.of(ids[1])).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("Основы экономики");
            assertThat(c.language()).isEqualTo("ru");
            assertThat(c.credits()).isEqualTo(4);
            assertThat(c.university()).startsWith("al-Farabi");
        });
        assertThat(courses.of(ids[2])).isEmpty();
    }
}
