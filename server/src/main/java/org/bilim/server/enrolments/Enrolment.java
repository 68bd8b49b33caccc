package org.bilim.server.enrolments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.bilim.server.catalogue.Course;
import org.bilim.server.learners.Learner;
import org.bilim.server.platform.Times;

/** A learner studies a course. */
@Entity
@Table(name = "enrolment")
public class Enrolment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "learner_id")
    private Learner learner;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "course_id")
    private Course course;

    @Column(name = "enrolled_at", nullable = false)
    private OffsetDateTime enrolledAt;

    protected Enrolment() {
    }

    public Enrolment(Learner learner, Course course) {
        this.learner = learner;
        this.course = course;
        this.enrolledAt = Times.now();
    }

    public Long id() {
        return id;
    }

    public Learner learner() {
        return learner;
    }

    public Course course() {
        return course;
    }

    public OffsetDateTime enrolledAt() {
        return enrolledAt;
    }
}
