package org.bilim.lti.sim;

import java.net.URI;

/**
 * A request that reached the simulator.
 *
 * @param endpoint  the endpoint, or {@code null} for a path the simulator does not serve
 * @param method    the HTTP method
 * @param uri       the request URI as received (path and query)
 * @param hadBearer whether it carried {@code Authorization: Bearer}
 * @param status    the status answered
 */
public record RecordedRequest(Endpoint endpoint, String method, URI uri, boolean hadBearer, int status) {
}
