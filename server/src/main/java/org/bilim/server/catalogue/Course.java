package org.bilim.server.enrolments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.bilim.server.platform.Language;

/**
 * A university course as the catalogue knows it: who teaches it, its code, title, language and
 * credits. Its content, versions and approval arrive with the courses module.
 */
@Entity
@Table(name = "course")
public class Course {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "university_id")
    private University university;

    @Column(nullable = false, length = 32)
    private String code;

    @Column(nullable = false, length = 300)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2)
    private Language language;

    @Column(nullable = false)
    private int credits;

    protected Course() {
    }

    public Course(University university, String code, String title, Language language, int credits) {
        this.university = university;
        this.code = code;
        this.title = title;
        this.language = language;
        this.credits = credits;
    }

    public Long id() {
        return id;
    }

    public University university() {
        return university;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Language language() {
        return language;
    }

    public int credits() {
        return credits;
    }
}
