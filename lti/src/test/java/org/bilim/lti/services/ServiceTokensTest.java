package org.bilim.lti.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.text.ParseException;
import java.time.Duration;
import java.util.Set;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.bilim.lti.http.BearerToken;
import org.bilim.lti.http.ServiceException;
import org.bilim.lti.registration.PlatformRegistration;
import org.bilim.lti.sim.Endpoint;
import org.bilim.lti.sim.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceTokensTest {

    private ToolUnderTest tool;

    @BeforeEach
    void start() throws IOException {
        tool = ToolUnderTest.start();
    }

    @AfterEach
    void stop() {
        tool.close();
    }

    @Test
    void thePlatformAcceptsTheClientAssertion() throws ServiceException {
        BearerToken token = tool.tokens.token(tool.lms.registration(), Set.of(LtiScopes.SCORE));

        assertThat(token.value()).isNotBlank();
        assertThat(tool.lms.tokenRejections()).isEmpty();
        assertThat(tool.lms.tokensIssued()).isEqualTo(1);
    }

    @Test
    void theAssertionNamesTheClientTheTokenEndpointAndItsKeyAndExpiresWithinFiveMinutes() throws ParseException {
        PlatformRegistration registration = tool.lms.registration();

        SignedJWT first = SignedJWT.parse(tool.tokens.assertion(registration));
        SignedJWT second = SignedJWT.parse(tool.tokens.assertion(registration));

        JWTClaimsSet claims = first.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(registration.clientId());
        assertThat(claims.getSubject()).isEqualTo(registration.clientId());
        assertThat(claims.getAudience()).containsExactly(registration.tokenEndpoint().toString());
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant())).isLessThanOrEqualTo(Duration.ofMinutes(5));
        assertThat(first.getHeader().getKeyID()).isEqualTo("bilim-test-key");
        assertThat(first.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(claims.getJWTID()).isNotEqualTo(second.getJWTClaimsSet().getJWTID());
    }

    @Test
    void aTokenIsReusedForTheSameRegistrationAndScopes() throws ServiceException {
        BearerToken first = tool.tokens.token(tool.lms.registration(), Set.of(LtiScopes.SCORE, LtiScopes.LINE_ITEM));
        BearerToken again = tool.tokens.token(tool.lms.registration(), Set.of(LtiScopes.LINE_ITEM, LtiScopes.SCORE));
        BearerToken otherScopes = tool.tokens.token(tool.lms.registration(), Set.of(LtiScopes.CONTEXT_MEMBERSHIP_READONLY));

        assertThat(again).isEqualTo(first);
        assertThat(otherScopes).isNotEqualTo(first);
        assertThat(tool.lms.tokensIssued()).isEqualTo(2);
    }

    @Test
    void anInvalidatedTokenIsReplacedOnceAndAStaleInvalidationKeepsTheNewOne() throws ServiceException {
        PlatformRegistration registration = tool.lms.registration();
        Set<String> scopes = Set.of(LtiScopes.SCORE);
        BearerToken rejected = tool.tokens.token(registration, scopes);

        tool.tokens.invalidate(registration, scopes, rejected);
        BearerToken fresh = tool.tokens.token(registration, scopes);
        tool.tokens.invalidate(registration, scopes, rejected);

        assertThat(fresh).isNotEqualTo(rejected);
        assertThat(tool.tokens.token(registration, scopes)).isEqualTo(fresh);
        assertThat(tool.lms.tokensIssued()).isEqualTo(2);
    }

    @Test
    void aRegistrationThePlatformDoesNotKnowIsRefusedPermanently() {
        PlatformRegistration real = tool.lms.registration();
        PlatformRegistration unknown = new PlatformRegistration(2, real.issuer(), "nobody", Set.of("x"), real.authorizationEndpoint(),
                real.tokenEndpoint(), real.jwksUrl(), PlatformRegistration.State.ACTIVE);

        ServiceException failed = catchThrowableOfType(ServiceException.class, () -> tool.tokens.token(unknown, Set.of(LtiScopes.SCORE)));

        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.getMessage()).contains("invalid_client");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void aTokenEndpointOutageIsRetryable() {
        tool.lms.failNext(Endpoint.TOKEN, 1, Fault.tooManyRequests(Duration.ofSeconds(20)));

        ServiceException failed = catchThrowableOfType(ServiceException.class,
                () -> tool.tokens.token(tool.lms.registration(), Set.of(LtiScopes.SCORE)));

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.retryAfter()).contains(Duration.ofSeconds(20));
    }

    @Test
    void aFailingServiceCallDoesNotShowTheToken() throws ServiceException {
        BearerToken token = tool.tokens.token(tool.lms.registration(), Set.of(LtiScopes.CONTEXT_MEMBERSHIP_READONLY));
        tool.lms.failNext(Endpoint.MEMBERSHIPS, 1, Fault.status(500));

        ServiceException failed = catchThrowableOfType(ServiceException.class,
                () -> tool.nrps().members(tool.lms.registration(), tool.lms.membershipsUrl()));

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.getMessage()).doesNotContain(token.value());
        assertThat(failed.toString()).doesNotContain(token.value());
        assertThat(token.toString()).doesNotContain(token.value());
    }

    @Test
    void asksForTheScopesItWasGivenAndNoMore() throws ServiceException {
        tool.tokens.token(tool.lms.registration(), Set.of(LtiScopes.SCORE));

        assertThat(tool.lms.tokenScopes()).containsExactly(Set.of(LtiScopes.SCORE));
    }
}
