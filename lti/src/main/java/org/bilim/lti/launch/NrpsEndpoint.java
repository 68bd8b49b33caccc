package org.bilim.lti.launch;

import java.util.List;
import java.util.Objects;

/**
 * The Names and Role Provisioning Services claim of a launch
 * ({@code https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice}), kept as given.
 *
 * @param contextMembershipsUrl where the context's members are listed
 * @param serviceVersions       the service versions the platform offers (e.g. "2.0")
 */
public record NrpsEndpoint(String contextMembershipsUrl, List<String> serviceVersions) {

    public NrpsEndpoint {
        Objects.requireNonNull(contextMembershipsUrl, "contextMembershipsUrl");
        serviceVersions = List.copyOf(serviceVersions);
    }
}
