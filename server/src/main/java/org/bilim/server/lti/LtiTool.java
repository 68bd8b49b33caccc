package org.bilim.server.lti;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bilim.lti.deeplinking.DeepLinkingResponse;
import org.bilim.lti.dynamic.DynamicRegistration;
import org.bilim.lti.dynamic.ToolDescription;
import org.bilim.lti.http.LtiHttp;
import org.bilim.lti.http.RegistrationAllowlist;
import org.bilim.lti.keys.ToolKeys;
import org.bilim.lti.launch.IdTokenValidator;
import org.bilim.lti.launch.LoginInitiation;
import org.bilim.lti.launch.LoginSettings;
import org.bilim.lti.launch.PlatformKeys;
import org.bilim.lti.services.Ags;
import org.bilim.lti.services.Nrps;
import org.bilim.lti.services.ServiceTokens;
import org.bilim.server.audit.ActorKind;
import org.bilim.server.audit.AuditEntry;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.lti.LtiViews.ToolEndpoints;
import org.bilim.server.platform.BilimConfig;

/**
 * The LTI tool, wired: Bilim's keys, the platforms' keys, the one outbound HTTP client and its
 * allowlist, the login and the id_token checks. Everything it keeps lives in the database, so
 * several nodes behind one address act as one tool.
 */
@ApplicationScoped
public class LtiTool {
    /** How long a new signing key is published before it signs, and an old one after. */
    static final Duration KEY_OVERLAP = Duration.ofDays(3);
    /** A platform's JWKS is fetched again for an unknown kid at most this often. */
    static final Duration JWKS_REFETCH = Duration.ofMinutes(1);
    static final Duration JWKS_MAX_AGE = Duration.ofHours(12);
    static final Duration LOGIN_LIFETIME = Duration.ofMinutes(10);

    @Inject
    BilimConfig config;

    @Inject
    LtiKeyStore keyStore;

    @Inject
    LtiLogins logins;

    @Inject
    LtiRegistrations registrations;

    @Inject
    AuditLog audit;

    /**
     * Microseconds, as the database keeps instants: a key made "now" with nanoseconds would read
     * back rounded up, a moment in the future, and not sign yet.
     */
    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    private ToolKeys keys;
    private LtiHttp http;
    private PlatformKeys platformKeys;
    private LoginInitiation login;
    private IdTokenValidator validator;
    private DeepLinkingResponse deepLinking;
    private Ags ags;
    private Nrps nrps;

    @PostConstruct
    void start() {
        keys = new ToolKeys(keyStore, clock, KEY_OVERLAP);
        LtiHttp.Settings settings = LtiHttp.Settings.defaults().withTimeouts(LtiHttp.Settings.defaults().connectTimeout(),
                config.ltiRequestTimeout());
        // Every outbound call asks the database which platforms are active now: a registration
        // disabled on any node stops calls to it on every node.
        http = new LtiHttp(uri -> new RegistrationAllowlist(registrations.active(), registrations.activeOwnOrigins()).allows(uri), (uri, why) ->
                audit.appendIndependently(new AuditEntry(ActorKind.SYSTEM, null, null, "lti.outbound-refused", null, null, null,
                        uri + ": " + why, null)),
                config.ltiAllowLoopbackHttp() ? settings.withLoopbackHttp() : settings);
        platformKeys = new PlatformKeys(http::fetchJwks, clock, JWKS_REFETCH, JWKS_MAX_AGE);
        login = new LoginInitiation(registrations, new LoginSettings(launchUrl(), URI.create(config.ltiToolUrl() + "/"), LOGIN_LIFETIME),
                clock);
        validator = new IdTokenValidator(registrations, platformKeys, logins, clock, IdTokenValidator.Settings.defaults());
        deepLinking = new DeepLinkingResponse(keys, clock);
        ServiceTokens tokens = new ServiceTokens(http, () -> keys.signingKey().jwk(), clock);
        ags = new Ags(http, tokens);
        nrps = new Nrps(http, tokens);
    }

    @PreDestroy
    void stop() {
        http.close();
    }

    public ToolKeys keys() {
        return keys;
    }

    public LtiHttp http() {
        return http;
    }

    public LoginInitiation login() {
        return login;
    }

    public IdTokenValidator validator() {
        return validator;
    }

    public DeepLinkingResponse deepLinking() {
        return deepLinking;
    }

    /** Assignment and Grade Services, through the one outbound client. */
    public Ags ags() {
        return ags;
    }

    /** Names and Role Provisioning Services, through the one outbound client. */
    public Nrps nrps() {
        return nrps;
    }

    public Clock clock() {
        return clock;
    }

    /** Where platforms post the id_token: the redirect URI registered with every platform. */
    public URI launchUrl() {
        return URI.create(config.ltiToolUrl() + "/api/lti/launch");
    }

    /** Dynamic Registration for one approved LMS origin (the invitation's). */
    public DynamicRegistration dynamicRegistration() {
        URI base = URI.create(config.ltiToolUrl() + "/");
        ToolDescription bilim = new ToolDescription("Bilim", Map.of("ru", "Bilim", "kk", "Bilim"),
                "Bilim delivers university courses to learners inside a penitentiary facility; lecturers manage and grade them here.",
                URI.create(endpoints().loginUrl()), List.of(launchUrl()), URI.create(endpoints().jwksUrl()), base, launchUrl(),
                base.resolve("favicon.svg"), List.of("iss", "sub", "name", "given_name", "family_name", "email", "locale"));
        return new DynamicRegistration(http, bilim);
    }

    /** The addresses an LMS administrator needs to register Bilim. */
    public ToolEndpoints endpoints() {
        String base = config.ltiToolUrl();
        return new ToolEndpoints(base + "/", base + "/api/lti/login", launchUrl().toString(), base + "/api/lti/jwks",
                base + "/api/lti/dynamic-registration");
    }
}
