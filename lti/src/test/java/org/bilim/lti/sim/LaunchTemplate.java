package org.bilim.lti.sim;

import java.util.Map;

/** The claims of the id_token the authorization endpoint answers a launch request with. */
@FunctionalInterface
public interface LaunchTemplate {

    Map<String, Object> claims(LaunchRequest request);
}
