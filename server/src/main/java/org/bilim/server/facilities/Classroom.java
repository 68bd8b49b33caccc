package org.bilim.server.facilities;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A classroom of a facility, where its kiosks stand. */
@Entity
@Table(name = "classroom")
public class Classroom {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "facility_id")
    private Facility facility;

    @Column(nullable = false, length = 200)
    private String name;

    protected Classroom() {
    }

    public Classroom(Facility facility, String name) {
        this.facility = facility;
        this.name = name;
    }

    public Long id() {
        return id;
    }

    public Facility facility() {
        return facility;
    }

    public String name() {
        return name;
    }
}
