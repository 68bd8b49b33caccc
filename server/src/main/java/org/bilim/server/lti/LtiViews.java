package org.bilim.server.lti;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/** What the administrator's LTI screens send and receive. */
public final class LtiViews {
    private static final String ID_TEXT = "[\\x21-\\x7E]+";

    private LtiViews() {
    }

    /** A registration as the administrator sees it. */
    public record RegistrationView(long id, long universityId, String universityName, String issuer, String clientId,
                                   List<String> deploymentIds, String authorizationEndpoint, String tokenEndpoint, String jwksUrl,
                                   List<String> serviceOrigins, String state, String madeBy, String product, OffsetDateTime createdAt,
                                   long revision) {
    }

    /** A registration typed in by an administrator from what the LMS shows about itself. */
    public record NewRegistration(
            @NotNull Long universityId,
            @NotBlank @Size(max = 500) String issuer,
            @NotBlank @Size(max = 255) @Pattern(regexp = ID_TEXT) String clientId,
            @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 255) @Pattern(regexp = ID_TEXT) String> deploymentIds,
            @NotBlank @Size(max = 1000) String authorizationEndpoint,
            @NotBlank @Size(max = 1000) String tokenEndpoint,
            @NotBlank @Size(max = 1000) String jwksUrl,
            @Size(max = 10) List<@NotBlank @Size(max = 300) String> serviceOrigins) {
    }

    /** Endpoints and deployments changed, at the revision the administrator saw. */
    public record RegistrationChange(
            @NotNull @Size(min = 1, max = 20) List<@NotBlank @Size(max = 255) @Pattern(regexp = ID_TEXT) String> deploymentIds,
            @NotBlank @Size(max = 1000) String authorizationEndpoint,
            @NotBlank @Size(max = 1000) String tokenEndpoint,
            @NotBlank @Size(max = 1000) String jwksUrl,
            @Size(max = 10) List<@NotBlank @Size(max = 300) String> serviceOrigins,
            @NotNull Long revision) {
    }

    /** A registration approved (ACTIVE) or disabled, at the revision the administrator saw. */
    public record StateChange(@NotNull @Pattern(regexp = "ACTIVE|DISABLED") String state, @NotNull Long revision) {
    }

    /** An invitation for an LMS at this address to register itself for this university. */
    public record NewInvitation(@NotNull Long universityId, @NotBlank @Size(max = 300) String lmsUrl) {
    }

    /** One of Bilim's signing keys, public facts only. */
    public record KeyView(String kid, String state, OffsetDateTime created, OffsetDateTime activated, OffsetDateTime deactivated,
                          OffsetDateTime retired) {
    }

    /** What a university's LMS administrator types into Moodle or Canvas to register Bilim by hand. */
    public record ToolEndpoints(String toolUrl, String loginUrl, String redirectUrl, String jwksUrl, String dynamicRegistrationUrl) {
    }

    /** An origin Bilim may call, why (ENDPOINT: an OIDC, token or keyset URL; ISSUER; SERVICE: named for AGS/NRPS), and for whom. */
    public record AllowedOrigin(String origin, List<AllowedFor> registrations) {
    }

    public record AllowedFor(long id, String issuer, String universityName, String why) {
    }
}
