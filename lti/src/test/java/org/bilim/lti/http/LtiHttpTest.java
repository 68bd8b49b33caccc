package org.bilim.lti.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.jwk.JWKSet;

import org.bilim.lti.sim.Endpoint;
import org.bilim.lti.sim.Fault;
import org.bilim.lti.sim.PlatformSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LtiHttpTest {

    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private PlatformSimulator lms;
    private LtiHttp http;

    @BeforeEach
    void start() throws IOException {
        lms = PlatformSimulator.start();
        http = client(new RegistrationAllowlist(List.of(lms.registration()), List.of()), LtiHttp.Settings.defaults().withLoopbackHttp());
    }

    private LtiHttp client(Allowlist allowlist, LtiHttp.Settings settings) {
        return new LtiHttp(allowlist, (uri, why) -> refusals.add(uri + " " + why), settings);
    }

    @AfterEach
    void stop() {
        http.close();
        lms.close();
    }

    @Test
    void fetchesThePlatformsKeys() throws IOException {
        JWKSet keys = http.fetchJwks(lms.jwksUri());

        assertThat(keys.getKeyByKeyId(lms.currentKey().getKeyID())).isEqualTo(lms.currentKey());
    }

    @Test
    void refusesAForeignHostWithoutLookingItUp() {
        URI foreign = URI.create("https://lms.attacker.invalid/jwks");

        RefusedDestinationException refused = catchThrowableOfType(RefusedDestinationException.class, () -> http.fetchJwks(foreign));

        assertThat(refused.reason()).isEqualTo(ServiceException.Reason.REFUSED);
        assertThat(refused.retryable()).isFalse();
        assertThat(refusals).singleElement().asString().startsWith(foreign.toString());
    }

    @Test
    void refusesAnotherPortOnTheSameHostBeforeConnecting() throws IOException {
        try (ServerSocket otherService = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            URI otherPort = URI.create("http://127.0.0.1:" + otherService.getLocalPort() + "/admin");

            assertThatThrownBy(() -> http.send(LtiRequest.get(otherPort, "application/json"))).isInstanceOf(RefusedDestinationException.class);

            assertNoConnection(otherService);
            assertThat(refusals).hasSize(1);
        }
    }

    @Test
    void refusesPlainHttpToAHostThatIsNotLoopbackWhateverTheAllowlistSays() {
        LtiHttp permissive = client(uri -> true, LtiHttp.Settings.defaults().withLoopbackHttp());

        RefusedDestinationException refused = catchThrowableOfType(RefusedDestinationException.class,
                () -> permissive.send(LtiRequest.get(URI.create("http://lms.university.invalid/jwks"), "application/json")));

        assertThat(refused.why()).contains("plain http");
        assertThat(refusals).hasSize(1);
    }

    @Test
    void refusesPlainHttpToLoopbackUnlessConfigured() {
        LtiHttp production = client(uri -> true, LtiHttp.Settings.defaults());

        RefusedDestinationException refused = catchThrowableOfType(RefusedDestinationException.class, () -> production.fetchJwks(lms.jwksUri()));

        assertThat(refused.why()).isEqualTo("plain http where https is required");
        assertThat(lms.requests()).isEmpty();
    }

    @Test
    void refusesUrlsWithUserInfoOrWithoutHost() {
        URI withUser = URI.create(lms.baseUri().toString().replace("//", "//admin:s3cret@") + "/jwks");

        RefusedDestinationException refused = catchThrowableOfType(RefusedDestinationException.class, () -> http.fetchJwks(withUser));

        assertThat(refused.getMessage()).doesNotContain("s3cret");
        assertThatThrownBy(() -> http.fetchJwks(URI.create("file:///etc/passwd"))).isInstanceOf(RefusedDestinationException.class);
        assertThat(refusals).hasSize(2).noneMatch(refusal -> refusal.contains("s3cret"));
        assertThat(lms.requests()).isEmpty();
    }

    @Test
    void doesNotFollowARedirectToAForeignHost() throws IOException {
        try (PlatformSimulator elsewhere = PlatformSimulator.start()) {
            lms.failNext(Endpoint.JWKS, 1, Fault.redirectTo(elsewhere.jwksUri()));

            ServiceException failed = catchThrowableOfType(ServiceException.class, () -> http.fetchJwks(lms.jwksUri()));

            assertThat(failed.reason()).isEqualTo(ServiceException.Reason.HTTP_STATUS);
            assertThat(failed.status()).isEqualTo(302);
            assertThat(failed.retryable()).isFalse();
            assertThat(elsewhere.requests()).isEmpty();
        }
    }

    @Test
    void aSlowPlatformTimesOut() {
        LtiHttp impatient = client(new RegistrationAllowlist(List.of(lms.registration()), List.of()),
                LtiHttp.Settings.defaults().withLoopbackHttp().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)));
        lms.failNext(Endpoint.JWKS, 1, Fault.delay(Duration.ofSeconds(3)));

        ServiceException failed = catchThrowableOfType(ServiceException.class, () -> impatient.fetchJwks(lms.jwksUri()));

        assertThat(failed.reason()).isEqualTo(ServiceException.Reason.TIMEOUT);
        assertThat(failed.retryable()).isTrue();
        impatient.close();
    }

    @Test
    void aJwksEndpointThatIsDownIsARetryableFailure() {
        lms.jwksDown(true);

        ServiceException failed = catchThrowableOfType(ServiceException.class, () -> http.fetchJwks(lms.jwksUri()));

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.retryable()).isTrue();
    }

    @Test
    void anAllowanceOpensOneOriginForTheClientItMadeOnly() throws IOException {
        LtiHttp none = client(Allowlist.none(), LtiHttp.Settings.defaults().withLoopbackHttp());
        try (PlatformSimulator other = PlatformSimulator.start()) {
            LtiHttp scoped = none.allowingAlso(Origin.of(lms.baseUri()));

            assertThat(scoped.fetchJwks(lms.jwksUri()).getKeys()).hasSize(1);
            assertThatThrownBy(() -> scoped.fetchJwks(other.jwksUri())).isInstanceOf(RefusedDestinationException.class);
            assertThatThrownBy(() -> none.fetchJwks(lms.jwksUri())).isInstanceOf(RefusedDestinationException.class);
        }
        none.close();
    }

    private static void assertNoConnection(ServerSocket socket) throws IOException {
        socket.setSoTimeout(200);
        assertThatThrownBy(socket::accept).as("a connection reached the refused port").isInstanceOf(SocketTimeoutException.class);
    }
}
