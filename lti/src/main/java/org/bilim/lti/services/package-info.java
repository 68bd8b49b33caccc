/**
 * LTI Advantage services Bilim calls on a platform: OAuth 2 service tokens ({@link
 * org.bilim.lti.services.ServiceTokens}, 1EdTech Security Framework 1.0 §4.1), Assignment and Grade
 * Services 2.0 ({@link org.bilim.lti.services.Ags}) and Names and Role Provisioning Services 2.0
 * ({@link org.bilim.lti.services.Nrps}).
 *
 * <p>Every call goes through {@link org.bilim.lti.http.LtiHttp}, so service URLs taken from launch
 * claims reach only approved platform origins. A call rejected with {@code 401} gets one fresh token
 * and one retry; anything else is reported to the caller — AGS as a {@link
 * org.bilim.lti.services.Delivery} the server's outbox turns into a retry or a parked score.
 */
package org.bilim.lti.services;
