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
import java.time.OffsetDateTime;
import org.bilim.server.platform.AddressRange;
import org.bilim.server.platform.Times;

/** An address range of a facility's classroom network, from which its kiosks may connect. */
@Entity
@Table(name = "facility_address_range")
public class FacilityAddressRange {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "facility_id")
    private Facility facility;

    @Column(nullable = false, length = 64)
    private String cidr;

    @Column(length = 200)
    private String label;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected FacilityAddressRange() {
    }

    FacilityAddressRange(Facility facility, AddressRange range, String label) {
        this.facility = facility;
        this.cidr = range.cidr();
        this.label = label;
        this.createdAt = Times.now();
    }

    public Long id() {
        return id;
    }

    public Facility facility() {
        return facility;
    }

    public String cidr() {
        return cidr;
    }

    public String label() {
        return label;
    }

    public AddressRange range() {
        return AddressRange.parse(cidr).orElseThrow(() -> new IllegalStateException("Stored range " + cidr + " does not parse"));
    }
}
