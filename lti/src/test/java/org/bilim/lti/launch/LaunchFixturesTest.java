package org.bilim.lti.launch;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import org.bilim.lti.RandomTokens;
import org.bilim.lti.registration.PlatformRegistration;
import org.bilim.lti.testing.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Runs every launch fixture under {@code src/test/resources/lti/valid} and {@code lti/invalid}
 * (the format is described in {@code lti/README.md} there) through {@link IdTokenValidator}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LaunchFixturesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Pattern TIME = Pattern.compile("\"\\$\\{now([+-]\\d+)?}\"");
    private static final Pattern NAME = Pattern.compile("\\$\\{([a-z_]+)}");

    private TestPlatform platform;

    /** One fixture folder. */
    record Case(Path folder, boolean valid, String header, String payload, Properties properties) {

        String property(String name, String otherwise) {
            return properties.getProperty(name, otherwise);
        }
    }

    @BeforeAll
    void platform() {
        platform = new TestPlatform();
    }

    static Stream<Named<Case>> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(LaunchFixturesTest.class.getResource("/lti"), "no lti fixtures").toURI());
        return Stream.of("valid", "invalid").flatMap(kind -> folders(root.resolve(kind)).map(folder ->
                Named.of(kind + "/" + folder.getFileName(), read(folder, kind.equals("valid")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void launch(Case fixture) {
        MutableClock clock = new MutableClock(NOW);
        InMemoryNonceStore nonces = new InMemoryNonceStore();
        RandomTokens random = new RandomTokens();
        String tokenNonce = random.next();
        PendingLogin login = pendingLogin(fixture, random, tokenNonce);
        String postedState = switch (fixture.property("state", "bound")) {
            case "bound", "expired" -> login.state();
            case "missing" -> null;
            case "foreign" -> random.next();
            default -> throw new IllegalArgumentException("state=" + fixture.property("state", ""));
        };
        if (fixture.property("nonce", "issued").equals("replayed")) {
            nonces.useOnce(tokenNonce, NOW.plusSeconds(600));
        }
        PlatformRegistration.State state = PlatformRegistration.State.valueOf(fixture.property("registration", "ACTIVE"));
        IdTokenValidator validator = new IdTokenValidator(issuer -> List.of(platform.registration(state)).stream()
                .filter(r -> r.issuer().equals(issuer)).toList(),
                new PlatformKeys(platform.jwks(), clock, Duration.ofMinutes(1), Duration.ofDays(1)), nonces, clock,
                IdTokenValidator.Settings.defaults());
        String token = token(fixture, tokenNonce);

        if (fixture.valid()) {
            LtiLaunch launch = validator.validate(token, postedState, login);
            assertExpectations(fixture, launch);
            assertThatThrownBy(() -> validator.validate(token, postedState, login)).as("the same token posted again")
                    .isInstanceOfSatisfying(LaunchFailure.class, f -> assertThat(f.reason()).isEqualTo(LaunchFailure.Reason.NONCE_REPLAYED));
        } else {
            LaunchFailure failure = catchThrowableOfType(LaunchFailure.class, () -> validator.validate(token, postedState, login));
            assertThat(failure).as("refused").isNotNull();
            assertThat(failure.reason()).as(failure.getMessage()).isEqualTo(LaunchFailure.Reason.valueOf(fixture.property("expect", "")));
            assertThat(failure.getMessage()).as("log-safe").doesNotContain(token, login.state(), login.nonce(), tokenNonce);
        }
    }

    private static PendingLogin pendingLogin(Case fixture, RandomTokens random, String tokenNonce) {
        String issuedNonce = switch (fixture.property("nonce", "issued")) {
            case "issued", "replayed" -> tokenNonce;
            case "foreign" -> random.next();
            default -> throw new IllegalArgumentException("nonce=" + fixture.property("nonce", ""));
        };
        Instant expires = fixture.property("state", "bound").equals("expired") ? NOW.minusSeconds(1) : NOW.plusSeconds(300);
        return new PendingLogin(random.next(), issuedNonce, TestPlatform.REGISTRATION_ID, expires);
    }

    /** The fixture's header and payload, templated, then signed as {@code sign=} says. */
    private String token(Case fixture, String nonce) {
        String header = template(fixture.header(), nonce);
        String payload = template(fixture.payload(), nonce);
        String sign = fixture.property("sign", "platform");
        if (sign.startsWith("raw:")) {
            return sign.substring("raw:".length())
                    .replace("${header}", Base64URL.encode(header).toString())
                    .replace("${payload}", Base64URL.encode(payload).toString())
                    .replace("${signed}", platform.sign(header, payload));
        }
        return switch (sign) {
            case "platform" -> platform.sign(header, payload);
            case "other-key" -> platform.sign(TestPlatform.header(header), payload, platform.stranger);
            case "none" -> Base64URL.encode(header) + "." + Base64URL.encode(payload) + ".";
            case "hs256-with-public-key" -> hmacWithPublicKey(header, payload);
            default -> throw new IllegalArgumentException("sign=" + sign);
        };
    }

    /** The classic confusion attack: HMAC keyed with the platform's public key, which anyone can fetch. */
    private String hmacWithPublicKey(String header, String payload) {
        try {
            JWSObject jws = new JWSObject(TestPlatform.header(header), new Payload(payload));
            jws.sign(new MACSigner(platform.rsa.toRSAPublicKey().getEncoded()));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String template(String json, String nonce) {
        Matcher time = TIME.matcher(json);
        StringBuilder timed = new StringBuilder();
        while (time.find()) {
            long offset = time.group(1) == null ? 0 : Long.parseLong(time.group(1));
            time.appendReplacement(timed, Long.toString(NOW.getEpochSecond() + offset));
        }
        time.appendTail(timed);
        Map<String, String> values = Map.of(
                "iss", TestPlatform.ISSUER,
                "client_id", TestPlatform.CLIENT_ID,
                "deployment_id", TestPlatform.DEPLOYMENT_ID,
                "nonce", nonce,
                "kid", platform.rsa.getKeyID(),
                "ec_kid", platform.ec.getKeyID(),
                "target_link_uri", TestPlatform.TARGET_LINK_URI,
                "return_url", TestPlatform.RETURN_URL,
                "stranger_public_jwk", platform.stranger.toPublicJWK().toJSONString());
        String templated = timed.toString().replace("\"${stranger_public_jwk}\"", values.get("stranger_public_jwk"));
        Matcher name = NAME.matcher(templated);
        StringBuilder named = new StringBuilder();
        while (name.find()) {
            String value = values.get(name.group(1));
            if (value == null) {
                throw new IllegalArgumentException("unknown template ${" + name.group(1) + "}");
            }
            name.appendReplacement(named, Matcher.quoteReplacement(value));
        }
        name.appendTail(named);
        return named.toString();
    }

    private static void assertExpectations(Case fixture, LtiLaunch launch) {
        assertThat(launch.registration().id()).isEqualTo(TestPlatform.REGISTRATION_ID);
        Properties p = fixture.properties();
        if (p.containsKey("message_type")) {
            assertThat(launch.messageType()).isEqualTo(LtiLaunch.MessageType.valueOf(p.getProperty("message_type")));
        }
        if (p.containsKey("instructor_like")) {
            assertThat(launch.roles().isInstructorLike()).as("instructor-like").isEqualTo(Boolean.parseBoolean(p.getProperty("instructor_like")));
        }
        if (p.containsKey("learner")) {
            assertThat(launch.roles().isLearner()).as("learner").isEqualTo(Boolean.parseBoolean(p.getProperty("learner")));
        }
        if (p.containsKey("platform_admin")) {
            assertThat(launch.roles().isPlatformAdmin()).as("platform admin").isEqualTo(Boolean.parseBoolean(p.getProperty("platform_admin")));
        }
        if (p.containsKey("context")) {
            assertThat(launch.context().isPresent()).as("context").isEqualTo(p.getProperty("context").equals("present"));
        }
        if (p.containsKey("roles")) {
            assertThat(launch.roles().values()).hasSize(Integer.parseInt(p.getProperty("roles")));
        }
    }

    private static Stream<Path> folders(Path parent) {
        try (Stream<Path> list = Files.list(parent)) {
            return list.filter(Files::isDirectory).sorted().toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Case read(Path folder, boolean valid) {
        try {
            Properties properties = new Properties();
            Path file = folder.resolve("case.properties");
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
            }
            if (!valid && !properties.containsKey("expect")) {
                throw new IllegalStateException(folder + ": an invalid case says what it expects (expect=<Reason>)");
            }
            return new Case(folder, valid, Files.readString(folder.resolve("header.json")), Files.readString(folder.resolve("payload.json")),
                    properties);
        } catch (IOException e) {
            throw new IllegalStateException(folder + ": " + e.getMessage(), e);
        }
    }
}
