package org.bilim.server.facilities;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.bilim.server.platform.AddressRange;
import org.bilim.server.platform.Language;
import org.bilim.server.platform.Times;

/**
 * A prison (an institution of the penitentiary system) where Bilim runs. Its learners, kiosks,
 * classrooms and records belong to it; its officers see nothing of another facility. Kiosk
 * requests are accepted only from its allowed address ranges.
 */
@Entity
@Table(name = "facility")
public class Facility {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 32)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 200)
    private String region;

    @Enumerated(EnumType.STRING)
    @Column(name = "default_language", nullable = false, length = 2)
    private Language defaultLanguage;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @OneToMany(mappedBy = "facility", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("cidr")
    private List<FacilityAddressRange> addressRanges = new ArrayList<>();

    @Version
    private long version;

    protected Facility() {
    }

    public Facility(String code, String name, String region, Language defaultLanguage) {
        this.code = code;
        this.name = name;
        this.region = region;
        this.defaultLanguage = defaultLanguage;
        this.createdAt = Times.now();
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String region() {
        return region;
    }

    public Language defaultLanguage() {
        return defaultLanguage;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public List<FacilityAddressRange> addressRanges() {
        return addressRanges;
    }

    public void rename(String newCode, String newName, String newRegion, Language newLanguage) {
        this.code = newCode;
        this.name = newName;
        this.region = newRegion;
        this.defaultLanguage = newLanguage;
    }

    /** Whether a request from this address may come from one of the facility's kiosks. */
    public boolean allows(String remoteAddress) {
        for (FacilityAddressRange range : addressRanges) {
            if (range.range().contains(remoteAddress)) {
                return true;
            }
        }
        return false;
    }

    public FacilityAddressRange addRange(AddressRange range, String label) {
        FacilityAddressRange r = new FacilityAddressRange(this, range, label);
        addressRanges.add(r);
        return r;
    }
}
