package org.bilim.lti.http;

import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.bilim.lti.registration.PlatformRegistration;

/**
 * The allowlist built from the active platform registrations and the origins an administrator
 * approved besides (a platform's service URLs may live elsewhere than its OIDC and token endpoints:
 * Canvas serves AGS and NRPS on the institution's host, its token endpoint on a shared one).
 *
 * <p>Origins are compared exactly — scheme, host and port — so another port on an approved host
 * (an admin console, a metadata service behind a proxy) stays out. The list is immutable: the
 * server builds a new one when a registration is activated or disabled.
 */
public final class RegistrationAllowlist implements Allowlist {

    private final Set<Origin> origins;

    /**
     * @param registrations   registrations; those not {@link PlatformRegistration#active() active} are ignored
     * @param approvedOrigins further origins an administrator approved
     */
    public RegistrationAllowlist(Collection<PlatformRegistration> registrations, Collection<Origin> approvedOrigins) {
        Set<Origin> all = new HashSet<>(approvedOrigins);
        for (PlatformRegistration registration : registrations) {
            if (registration.active()) {
                all.add(Origin.of(registration.authorizationEndpoint()));
                all.add(Origin.of(registration.tokenEndpoint()));
                all.add(Origin.of(registration.jwksUrl()));
            }
        }
        this.origins = Set.copyOf(all);
    }

    @Override
    public boolean allows(URI uri) {
        return origins.stream().anyMatch(origin -> origin.matches(uri));
    }

    /** The approved origins, for an administrator's view. */
    public Set<Origin> origins() {
        return origins;
    }
}
