package org.bilim.lti.launch;

import org.bilim.lti.LogSafe;
import org.bilim.lti.RandomTokens;
import org.bilim.lti.registration.PlatformRegistration;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Step 1 and 2 of the LTI launch: the platform's third-party-initiated login comes in, the
 * authentication request goes out (Security Framework 1.0, §5.1.1.1 and §5.1.1.2; LTI Core 1.3,
 * §4.1).
 *
 * <p>The authentication request carries {@code scope=openid}, {@code response_type=id_token},
 * {@code response_mode=form_post}, {@code prompt=none}, the registration's {@code client_id}, the
 * registered {@code redirect_uri}, the {@code login_hint} and {@code lti_message_hint} exactly as
 * received, and a fresh {@code state} and {@code nonce} of 256 random bits each.
 */
public final class LoginInitiation {

    private final RegistrationLookup registrations;
    private final LoginSettings settings;
    private final Clock clock;
    private final RandomTokens tokens;

    public LoginInitiation(RegistrationLookup registrations, LoginSettings settings, Clock clock) {
        this(registrations, settings, clock, new RandomTokens());
    }

    LoginInitiation(RegistrationLookup registrations, LoginSettings settings, Clock clock, RandomTokens tokens) {
        this.registrations = Objects.requireNonNull(registrations, "registrations");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /**
     * @throws LoginRefused when the login cannot go on, with the reason
     */
    public LoginRedirect start(LoginRequest request) {
        require(request.issuer(), LoginRefused.Reason.ISSUER_MISSING, "iss");
        require(request.loginHint(), LoginRefused.Reason.LOGIN_HINT_MISSING, "login_hint");
        require(request.targetLinkUri(), LoginRefused.Reason.TARGET_LINK_URI_MISSING, "target_link_uri");
        PlatformRegistration registration = registrationFor(request);
        if (!registration.active()) {
            throw new LoginRefused(LoginRefused.Reason.REGISTRATION_NOT_ACTIVE,
                    "registration " + registration.id() + " is " + registration.state());
        }
        if (request.ltiDeploymentId() != null && !registration.deploymentIds().contains(request.ltiDeploymentId())) {
            throw new LoginRefused(LoginRefused.Reason.UNKNOWN_DEPLOYMENT,
                    "deployment " + LogSafe.quote(request.ltiDeploymentId()) + " of registration " + registration.id());
        }
        if (!isBilims(request.targetLinkUri())) {
            throw new LoginRefused(LoginRefused.Reason.FOREIGN_TARGET_LINK_URI, LogSafe.quote(request.targetLinkUri()));
        }
        Instant expires = clock.instant().plus(settings.loginLifetime());
        PendingLogin pending = new PendingLogin(tokens.next(), tokens.next(), registration.id(), expires);
        return new LoginRedirect(authenticationRequest(registration, request, pending), pending,
                PlatformStorage.storageTarget(request.ltiStorageTarget()));
    }

    private static void require(String value, LoginRefused.Reason reason, String name) {
        if (value == null || value.isBlank()) {
            throw new LoginRefused(reason, name + " is missing");
        }
    }

    private PlatformRegistration registrationFor(LoginRequest request) {
        List<PlatformRegistration> candidates = registrations.byIssuer(request.issuer()).stream()
                .filter(r -> r.issuer().equals(request.issuer()))
                .toList();
        if (candidates.isEmpty()) {
            throw new LoginRefused(LoginRefused.Reason.UNKNOWN_ISSUER, LogSafe.quote(request.issuer()));
        }
        if (request.clientId() != null) {
            return candidates.stream().filter(r -> r.clientId().equals(request.clientId())).findFirst()
                    .orElseThrow(() -> new LoginRefused(LoginRefused.Reason.UNKNOWN_CLIENT,
                            "client_id " + LogSafe.quote(request.clientId()) + " for " + LogSafe.quote(request.issuer())));
        }
        if (candidates.size() > 1) {
            throw new LoginRefused(LoginRefused.Reason.AMBIGUOUS_ISSUER,
                    candidates.size() + " registrations for " + LogSafe.quote(request.issuer()) + " and no client_id");
        }
        return candidates.getFirst();
    }

    /**
     * Same scheme, host and port as Bilim, and a path under its base: a platform (or whoever
     * crafted the login link) cannot make Bilim's launch end on another site. Encoded dots and
     * slashes are refused outright rather than decoded and judged.
     */
    private boolean isBilims(String targetLinkUri) {
        URI target;
        try {
            target = new URI(targetLinkUri).normalize();
        } catch (URISyntaxException e) {
            return false;
        }
        URI base = settings.toolBase();
        String rawPath = target.getRawPath() == null ? "" : target.getRawPath().toLowerCase(Locale.ROOT);
        String basePath = base.getRawPath() == null || base.getRawPath().isEmpty() ? "/" : base.getRawPath();
        return target.isAbsolute()
                && target.getRawUserInfo() == null
                && base.getScheme().equalsIgnoreCase(target.getScheme())
                && base.getHost().equalsIgnoreCase(target.getHost())
                && port(base) == port(target)
                && !rawPath.contains("%2e") && !rawPath.contains("%2f") && !rawPath.contains("%5c")
                && (target.getRawPath() + "/").startsWith(basePath.endsWith("/") ? basePath : basePath + "/");
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }

    private URI authenticationRequest(PlatformRegistration registration, LoginRequest request, PendingLogin pending) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("scope", "openid");
        parameters.put("response_type", "id_token");
        parameters.put("response_mode", "form_post");
        parameters.put("prompt", "none");
        parameters.put("client_id", registration.clientId());
        parameters.put("redirect_uri", settings.redirectUri().toString());
        parameters.put("login_hint", request.loginHint());
        if (request.ltiMessageHint() != null) {
            parameters.put("lti_message_hint", request.ltiMessageHint());
        }
        parameters.put("state", pending.state());
        parameters.put("nonce", pending.nonce());
        return withQuery(registration.authorizationEndpoint(), parameters);
    }

    /** Appends the parameters to the endpoint, keeping a query it may already have; a fragment is dropped (RFC 6749, §3.1 forbids one). */
    static URI withQuery(URI endpoint, Map<String, String> parameters) {
        String base = endpoint.toString();
        int hash = base.indexOf('#');
        if (hash >= 0) {
            base = base.substring(0, hash);
        }
        String query = parameters.entrySet().stream()
                .map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(base + (endpoint.getRawQuery() == null ? "?" : "&") + query);
    }

    /** Percent-encoding that reads the same to form decoders and to plain RFC 3986 ones: a space is %20, never '+'. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
