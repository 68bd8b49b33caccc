package org.bilim.server.facilities;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** What the facility API reads and writes. */
public final class FacilityViews {
    static final String PLAIN_TEXT = "[^\\p{Cntrl}]*";

    private FacilityViews() {
    }

    public record RangeView(long id, String cidr, String label) {
        static RangeView of(FacilityAddressRange r) {
            return new RangeView(r.id(), r.cidr(), r.label());
        }
    }

    public record ClassroomView(long id, String name) {
        static ClassroomView of(Classroom c) {
            return new ClassroomView(c.id(), c.name());
        }
    }

    public record FacilityView(long id, String code, String name, String region, String defaultLanguage,
                               List<RangeView> addressRanges, List<ClassroomView> classrooms, OffsetDateTime createdAt) {
    }

    public record FacilityDraft(
            @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]*") String code,
            @NotBlank @Size(max = 200) @Pattern(regexp = PLAIN_TEXT) String name,
            @NotBlank @Size(max = 200) @Pattern(regexp = PLAIN_TEXT) String region,
            @NotNull @Pattern(regexp = "kk|ru|en") String defaultLanguage) {
    }

    public record RangeDraft(@NotBlank @Size(max = 64) String cidr, @Size(max = 200) @Pattern(regexp = PLAIN_TEXT) String label) {
    }

    public record ClassroomDraft(@NotBlank @Size(max = 200) @Pattern(regexp = PLAIN_TEXT) String name) {
    }
}
