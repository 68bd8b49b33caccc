/**
 * The one way out: every outbound LTI call (service tokens, Assignment and Grade Services, Names
 * and Role Provisioning, platform JWKS, Dynamic Registration) goes through {@link
 * org.bilim.lti.http.LtiHttp}.
 *
 * <p>URLs reach Bilim from launches and platform documents, that is from outside. So the client
 * only talks to the origins of approved platform registrations ({@link org.bilim.lti.http.Allowlist}),
 * decides that before it opens a connection, never follows a redirect, and bounds every call by a
 * timeout. Failures are one checked type, {@link org.bilim.lti.http.ServiceException}, whose reason
 * tells a caller whether trying again later can help.
 */
package org.bilim.lti.http;
