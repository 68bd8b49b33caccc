package org.bilim.server.learners;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bilim.server.learners.LearnerViews.Accessibility;

/** What the kiosk's learner endpoints read and write. */
public final class KioskSessionViews {
    private KioskSessionViews() {
    }

    public record SignIn(@NotBlank @Size(max = 32) String learnerNumber, @NotBlank @Size(max = 32) String pin) {
    }

    public record LearnerProfile(String learnerNumber, String fullName, String language, Accessibility accessibility) {
        static LearnerProfile of(Learner l) {
            return new LearnerProfile(l.learnerNumber(), l.fullName(), l.language().tag(), Accessibility.of(l));
        }
    }

    /** The signed-in learner as the kiosk shows them, with the idle rules the kiosk applies. */
    public record KioskSession(LearnerProfile learner, String facilityName, String kioskName,
                               long idleTimeoutSeconds, long idleWarningSeconds) {
    }

    public record Preferences(@NotNull @Pattern(regexp = "kk|ru|en") String language, @NotNull @Valid Accessibility accessibility) {
    }
}
