package org.bilim.lti.sim;

import java.util.Set;

/** The service scopes the simulated platform grants, spelled here rather than borrowed from the tool it tests. */
final class Scopes {

    static final String LINE_ITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    static final String LINE_ITEM_READONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
    static final String SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    static final String CONTEXT_MEMBERSHIP = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    static final Set<String> ALL = Set.of(LINE_ITEM, LINE_ITEM_READONLY, SCORE, CONTEXT_MEMBERSHIP);

    private Scopes() {
    }
}
