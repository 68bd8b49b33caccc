/**
 * A university LMS in a test: {@link org.bilim.lti.sim.PlatformSimulator} plays an LTI 1.3
 * platform on 127.0.0.1 — keys and JWKS, OIDC login, service tokens, Assignment and Grade Services,
 * Names and Role Provisioning, Dynamic Registration, Deep Linking return — and records what the
 * tool sent it. Faults (outages, slowness, expired tokens, a broken roster page, a JWKS endpoint
 * that is down) are injected per endpoint.
 *
 * <p>Test scope, shipped in the {@code lti} test-jar so the server's integration tests start the
 * same platform in process. It never calls outside this machine, and generates its keys at start.
 */
package org.bilim.lti.sim;
