package org.bilim.server.kiosks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.bilim.server.platform.Times;

/** What the kiosk APIs read and write. */
public final class KioskViews {
    static final String PLAIN_TEXT = "[^\\p{Cntrl}]*";

    private KioskViews() {
    }

    public record ClassroomRef(long id, String name) {
    }

    public record KioskView(long id, String name, ClassroomRef classroom, boolean locked, boolean enrolled,
                            boolean enrolmentPending, OffsetDateTime enrolmentCodeExpiresAt, OffsetDateTime enrolledAt,
                            OffsetDateTime lastSeenAt, String lastSeenAddress, OffsetDateTime createdAt) {
        static KioskView of(Kiosk k) {
            ClassroomRef room = k.classroom() == null ? null : new ClassroomRef(k.classroom().id(), k.classroom().name());
            return new KioskView(k.id(), k.name(), room, k.locked(), k.enrolled(), k.codeValidAt(Times.now()),
                    k.enrolmentCodeExpiresAt(), k.enrolledAt(), k.lastSeenAt(), k.lastSeenAddress(), k.createdAt());
        }
    }

    public record NewKiosk(@NotBlank @Size(max = 100) @Pattern(regexp = PLAIN_TEXT) String name, Long classroomId) {
    }

    /** A kiosk with the one-time code its browser redeems; the code is shown this once. */
    public record KioskWithCode(KioskView kiosk, String enrolmentCode, OffsetDateTime expiresAt) {
    }

    public record Enrolment(@NotBlank @Size(max = 32) String code) {
    }

    /** What a kiosk knows about itself before anyone signs in. */
    public record DeviceView(long kioskId, String kioskName, String classroom, String facilityName, String facilityLanguage,
                             long idleTimeoutSeconds, long idleWarningSeconds) {
    }
}
