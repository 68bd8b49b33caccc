package org.bilim.lti.http;

import java.net.URI;

/**
 * Told of every destination {@link LtiHttp} refused. A refusal means a URL from a launch or a
 * platform document pointed somewhere no administrator approved — a misconfiguration or an
 * attempt at server-side request forgery — so the server audits it.
 */
@FunctionalInterface
public interface RefusalListener {

    void refused(URI destination, String why);

    static RefusalListener none() {
        return (destination, why) -> { };
    }
}
