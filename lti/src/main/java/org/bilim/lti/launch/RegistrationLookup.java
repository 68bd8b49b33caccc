package org.bilim.lti.launch;

import org.bilim.lti.registration.PlatformRegistration;

import java.util.List;

/**
 * The registrations Bilim holds for a platform issuer; the server implements it over its
 * registration repository. One issuer can have several registrations, one per {@code client_id}
 * (Security Framework 1.0, §5.1.1.1; LTI Core 1.3, §4.1.3).
 *
 * <p>Callers compare issuers again with {@link String#equals}, so a database collation that
 * matches {@code HTTPS://LMS.example} to {@code https://lms.example} does no harm.
 */
@FunctionalInterface
public interface RegistrationLookup {

    /** Every registration with exactly this issuer, in any state; empty when there is none. */
    List<PlatformRegistration> byIssuer(String issuer);
}
