package org.bilim.server.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** What the staff API reads and writes. */
public final class StaffViews {
    static final String PLAIN_TEXT = "[^\\p{Cntrl}]*";
    static final String USERNAME = "[a-z0-9][a-z0-9._-]*";

    private StaffViews() {
    }

    public record FacilityRef(long id, String name) {
    }

    public record StaffView(long id, String username, String fullName, Role role, FacilityRef facility,
                            String language, boolean enabled, boolean locked, OffsetDateTime createdAt) {
    }

    public record Credentials(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
    }

    /** A new staff account; the password is set by the administrator and handed over in person. */
    public record NewStaff(
            @NotBlank @Size(min = 3, max = 64) @Pattern(regexp = USERNAME) String username,
            @NotBlank @Size(max = 200) @Pattern(regexp = PLAIN_TEXT) String fullName,
            @NotNull Role role,
            Long facilityId,
            @NotNull @Pattern(regexp = "kk|ru|en") String language,
            @NotNull @Size(min = 12, max = 200) String password) {
    }

    public record StaffChange(
            @NotBlank @Size(max = 200) @Pattern(regexp = PLAIN_TEXT) String fullName,
            @NotNull Role role,
            Long facilityId,
            @NotNull @Pattern(regexp = "kk|ru|en") String language,
            boolean enabled) {
    }

    public record NewPassword(@NotNull @Size(min = 12, max = 200) String password) {
    }

    public record Me(long id, String username, String fullName, Role role, FacilityRef facility, String language,
                     long idleTimeoutSeconds, long idleWarningSeconds) {
    }

    /** A staff member's own choice of language for the consoles, kept with their account. */
    public record LanguageChoice(@NotNull @Pattern(regexp = "kk|ru|en") String language) {
    }
}
