package org.bilim.lti.services;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import org.bilim.lti.http.LtiHttp;
import org.bilim.lti.http.RegistrationAllowlist;
import org.bilim.lti.sim.PlatformSimulator;

/**
 * Bilim's service side wired against a fresh platform simulator, as the server wires it: the
 * registration's origins allowed, loopback http allowed, short timeouts so a slow platform shows quickly.
 */
final class ToolUnderTest implements AutoCloseable {

    final RSAKey key;
    final PlatformSimulator lms;
    final LtiHttp http;
    final ServiceTokens tokens;
    final List<URI> refused = new CopyOnWriteArrayList<>();

    private ToolUnderTest(RSAKey key, PlatformSimulator lms) {
        this.key = key;
        this.lms = lms;
        this.http = new LtiHttp(new RegistrationAllowlist(List.of(lms.registration()), List.of()), (uri, why) -> refused.add(uri),
                LtiHttp.Settings.defaults().withLoopbackHttp().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500)));
        this.tokens = new ServiceTokens(http, () -> key, Clock.systemUTC());
    }

    static ToolUnderTest start() throws IOException {
        RSAKey key = newKey();
        return new ToolUnderTest(key, PlatformSimulator.builder().toolKeys(new JWKSet(key.toPublicJWK())).start());
    }

    static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("bilim-test-key").keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException cannot) {
            throw new IllegalStateException(cannot);
        }
    }

    Ags ags() {
        return new Ags(http, tokens);
    }

    Nrps nrps() {
        return new Nrps(http, tokens);
    }

    @Override
    public void close() {
        http.close();
        lms.close();
    }
}
