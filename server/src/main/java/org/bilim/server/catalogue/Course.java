package org.bilim.server.catalogue;

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
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.bilim.server.platform.Language;
import org.bilim.server.platform.Times;

/**
 * A university course as the catalogue knows it: who teaches it, its code, title, language and
 * credits. What learners read lives in its {@link CourseVersion}s; the title and description
 * here are the current ones, and each version carries the ones it shows.
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

    @Column(nullable = false, length = 4000)
    private String description = "";

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 2)
    private Language language;

    @Column(nullable = false)
    private int credits;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Course() {
    }

    public Course(University university, String code, String title, Language language, int credits) {
        this.university = university;
        this.code = code;
        this.title = title;
        this.language = language;
        this.credits = credits;
        this.createdAt = Times.now();
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

    public String description() {
        return description;
    }

    public Language language() {
        return language;
    }

    public int credits() {
        return credits;
    }

    public long version() {
        return version;
    }

    public void describe(String newTitle, String newDescription, int newCredits) {
        this.title = newTitle;
        this.description = newDescription == null ? "" : newDescription;
        this.credits = newCredits;
    }
}
