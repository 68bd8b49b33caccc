package org.bilim.lti.dynamic;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.bilim.lti.registration.PlatformRegistration;

/**
 * A completed Dynamic Registration, for an administrator to review and activate.
 *
 * @param registration      the new registration, {@code PENDING}, id 0 until stored
 * @param productFamilyCode the platform's product ({@code moodle}, {@code canvas}, …), or {@code null}
 * @param platformVersion   the platform's version, or {@code null}
 * @param grantedScopes     the scopes the platform granted (the response's {@code scope})
 * @param warnings          what the administrator should know: services not granted, no deployment id
 */
public record RegistrationResult(PlatformRegistration registration, String productFamilyCode, String platformVersion,
                                 Set<String> grantedScopes, List<String> warnings) {

    public RegistrationResult {
        Objects.requireNonNull(registration, "registration");
        grantedScopes = Set.copyOf(grantedScopes);
        warnings = List.copyOf(warnings);
    }
}
