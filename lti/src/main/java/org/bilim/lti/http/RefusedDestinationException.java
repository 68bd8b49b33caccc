package org.bilim.lti.http;

import java.net.URI;

/**
 * A request that was not sent because its destination is not approved: not the origin of an
 * active registration or an administrator-approved origin, plain http to a remote host, or not an
 * http(s) URL at all. Nothing was connected, not even a DNS lookup.
 */
public final class RefusedDestinationException extends ServiceException {

    private final String why;

    public RefusedDestinationException(URI uri, String why) {
        super(Reason.REFUSED, uri, "refused to call " + uri + ": " + why);
        this.why = why;
    }

    /** Why the destination was refused, in words for an audit log. */
    public String why() {
        return why;
    }
}
