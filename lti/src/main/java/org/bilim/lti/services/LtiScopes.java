package org.bilim.lti.services;

import java.util.List;

/** The OAuth 2 scopes of the LTI Advantage services Bilim uses (AGS 2.0, NRPS 2.0). */
public final class LtiScopes {

    /** Read, create, update and delete the tool's line items (reading included). */
    public static final String LINE_ITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
    public static final String LINE_ITEM_READONLY = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly";
    public static final String SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
    public static final String CONTEXT_MEMBERSHIP_READONLY = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

    /** What Bilim asks a platform for at registration. */
    public static final List<String> ALL = List.of(LINE_ITEM, LINE_ITEM_READONLY, SCORE, CONTEXT_MEMBERSHIP_READONLY);

    private LtiScopes() {
    }
}
