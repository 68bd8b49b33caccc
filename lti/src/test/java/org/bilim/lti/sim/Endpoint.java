package org.bilim.lti.sim;

/** The simulator's endpoints, each a target for {@link PlatformSimulator#failNext faults} and in its request log. */
public enum Endpoint {
    /** {@code GET /jwks}: the platform's public keys. */
    JWKS,
    /** {@code GET|POST /auth}: the OIDC authorization endpoint of the launch. */
    AUTHORIZATION,
    /** {@code POST /token}: OAuth 2 client credentials with a JWT client assertion. */
    TOKEN,
    /** {@code GET|POST /ags/lineitems}: list and create line items. */
    LINE_ITEMS,
    /** {@code GET /ags/lineitems/{n}}: one line item. */
    LINE_ITEM,
    /** {@code POST /ags/lineitems/{n}/scores}: publish a score. */
    SCORES,
    /** {@code GET /nrps/memberships}: the context's roster, paged. */
    MEMBERSHIPS,
    /** {@code GET /.well-known/openid-configuration}: the platform configuration for Dynamic Registration. */
    OPENID_CONFIGURATION,
    /** {@code POST /register}: Dynamic Registration's client registration. */
    REGISTRATION,
    /** {@code POST /deep-linking/return}: where a tool posts its Deep Linking response. */
    DEEP_LINKING_RETURN,
    /** {@code GET /course}: a course page of the LMS that shows the tool in a frame and links to it in a new window. */
    COURSE_PAGE,
    /** {@code GET /storage}: the platform's storage frame (LTI postMessage Storage), framed by the course page. */
    PLATFORM_STORAGE
}
