package org.bilim.lti.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.bilim.lti.registration.PlatformRegistration;

/**
 * A university LMS playing the LTI 1.3 platform for tests, on {@code http://127.0.0.1:<ephemeral port>}.
 *
 * <p>Start one per test (or per test class), point the tool at {@link #registration()}, drive it,
 * then assert on what the simulator recorded. Everything is in memory and forgotten at {@link #close()}.
 *
 * <pre>{@code
 * RSAKey toolKey = new RSAKeyGenerator(2048).keyID("tool-1").generate();
 * try (PlatformSimulator lms = PlatformSimulator.builder().toolKeys(new JWKSet(toolKey.toPublicJWK())).start()) {
 *     PlatformRegistration registration = lms.registration();      // what the tool stores
 *     URI lineItems = lms.lineItemsUrl();                           // what a launch's AGS claim says
 *     lms.failNext(Endpoint.SCORES, 2, Fault.unavailable());        // an outage
 *     ... call the tool ...
 *     assertThat(lms.scores()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>For a browser launch: configure {@link Builder#toolRedirectUri} and {@link Builder#toolJwksUrl}
 * with the server's URLs, let the tool redirect the browser to {@link #authorizationEndpoint()} (its
 * login initiation gets {@link #issuer()}, {@link #clientId()} and a login hint), and the page the
 * simulator answers posts the id_token built by the {@link #launchWith launch template} to the tool.
 * A browser test starts where a lecturer does: on the LMS's {@link #coursePageUri course page},
 * which shows the tool in a frame or opens it in a new window.
 *
 * <p>Thread-safe: the tool may call it from any thread while the test configures it.
 */
public final class PlatformSimulator implements AutoCloseable {

    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    private static final Pattern LINE_ITEM = Pattern.compile("/ags/lineitems/(\\d+)");
    private static final Pattern SCORES = Pattern.compile("/ags/lineitems/(\\d+)/scores");

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI base;
    private final String defaultClientId;
    private final String contextId;
    private final URI toolTargetLinkUri;
    private final Map<String, ToolClient> clients = new ConcurrentHashMap<>();
    private final Faults faults = new Faults();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final TokenEndpoint tokens = new TokenEndpoint(this);
    private final AgsEndpoints ags = new AgsEndpoints(this);
    private final NrpsEndpoint nrps = new NrpsEndpoint(this);
    private final LaunchEndpoints launches = new LaunchEndpoints(this);
    private final RegistrationEndpoints registrations = new RegistrationEndpoints(this);
    private final String storageTarget;
    private volatile List<RSAKey> keys;
    private volatile boolean jwksDown;
    private volatile boolean storageSilent;

    private PlatformSimulator(Builder builder) throws IOException {
        this.keys = List.of(newKey());
        this.defaultClientId = builder.clientId;
        this.contextId = builder.contextId;
        this.toolTargetLinkUri = builder.toolTargetLinkUri;
        this.storageTarget = builder.storageTarget;
        clients.put(builder.clientId, new ToolClient(builder.clientId, builder.deploymentId, builder.toolKeys, builder.toolJwksUrl,
                builder.redirectUris, Scopes.ALL));
        tokens.lifetime(builder.tokenLifetime);
        registrations.product(builder.productFamilyCode, builder.productVersion);
        nrps.members(List.of(SimMember.learner("learner-1", "Aigerim", "Seitkali"), SimMember.instructor("teacher-1", "Daniyar", "Omarov")));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
        this.base = URI.create("http://" + builder.host + ":" + server.getAddress().getPort());
    }

    /** A simulator with the default client {@code bilim-tool}; give it the tool's keys before service calls. */
    public static PlatformSimulator start() throws IOException {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The simulator's settings before it starts. */
    public static final class Builder {
        private String clientId = "bilim-tool";
        private String deploymentId = "deployment-1";
        private String contextId = "course-101";
        private JWKSet toolKeys;
        private URI toolJwksUrl;
        private final List<URI> redirectUris = new ArrayList<>();
        private URI toolTargetLinkUri = URI.create("https://bilim.example/lti/launch");
        private Duration tokenLifetime = Duration.ofHours(1);
        private String productFamilyCode = "bilim-simulator";
        private String productVersion = "1.0";
        private String host = "127.0.0.1";
        private String storageTarget;

        private Builder() {
        }

        /**
         * The host name in every URL of the simulator; it listens on 127.0.0.1 either way. With
         * {@code localhost} while the tool is on {@code 127.0.0.1} the two are different sites, so a
         * browser treats the tool's cookies in the course page's frame as third-party.
         */
        public Builder host(String host) {
            if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
                throw new IllegalArgumentException("the simulator listens on the loopback interface only: 127.0.0.1 or localhost");
            }
            this.host = host;
            return this;
        }

        /**
         * Offer the platform's client-side storage (LTI postMessage Storage, lti-pm-s v0.1): the
         * course page's login initiation carries {@code lti_storage_target} with this frame name,
         * and the page answers {@code lti.capabilities}; a name other than {@code _parent} is a
         * hidden frame of the page, on the authorization endpoint's origin, that keeps what the
         * tool's origin puts and gives it back, and answers nothing to any other origin.
         */
        public Builder platformStorage(String frameName) {
            if (!frameName.matches("[A-Za-z0-9_]{1,40}")) {
                throw new IllegalArgumentException("a plain frame name, or _parent");
            }
            this.storageTarget = frameName;
            return this;
        }

        /** The client_id the platform issued to the tool. */
        public Builder clientId(String clientId) {
            this.clientId = Objects.requireNonNull(clientId);
            return this;
        }

        public Builder deploymentId(String deploymentId) {
            this.deploymentId = Objects.requireNonNull(deploymentId);
            return this;
        }

        /** The course context of launches and the roster. */
        public Builder contextId(String contextId) {
            this.contextId = Objects.requireNonNull(contextId);
            return this;
        }

        /** The tool's public keys, for client assertions (unit tests). */
        public Builder toolKeys(JWKSet publicKeys) {
            this.toolKeys = publicKeys;
            this.toolJwksUrl = null;
            return this;
        }

        /** Where to fetch the tool's public keys, for client assertions (a running server). */
        public Builder toolJwksUrl(URI jwksUrl) {
            this.toolJwksUrl = jwksUrl;
            this.toolKeys = null;
            return this;
        }

        /** A redirect URI the tool registered; without any, the authorization endpoint accepts any. */
        public Builder toolRedirectUri(URI redirectUri) {
            this.redirectUris.add(redirectUri);
            return this;
        }

        /** The {@code target_link_uri} of default launches. */
        public Builder toolTargetLinkUri(URI targetLinkUri) {
            this.toolTargetLinkUri = targetLinkUri;
            return this;
        }

        /** How long issued access tokens live ({@code expires_in}). */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = lifetime;
            return this;
        }

        /** The {@code product_family_code} and {@code version} of the platform configuration (e.g. {@code moodle}). */
        public Builder product(String productFamilyCode, String version) {
            this.productFamilyCode = productFamilyCode;
            this.productVersion = version;
            return this;
        }

        public PlatformSimulator start() throws IOException {
            return new PlatformSimulator(this);
        }
    }

    // --- Where things are --------------------------------------------------------------------

    public URI baseUri() {
        return base;
    }

    /** The platform's {@code iss}: its base URL. */
    public String issuer() {
        return base.toString();
    }

    public URI jwksUri() {
        return base.resolve("/jwks");
    }

    public URI authorizationEndpoint() {
        return base.resolve("/auth");
    }

    public URI tokenEndpoint() {
        return base.resolve("/token");
    }

    /** The line items container of the context, as the AGS endpoint claim names it. */
    public URI lineItemsUrl() {
        return base.resolve("/ags/lineitems");
    }

    /** The context's {@code context_memberships_url}. */
    public URI membershipsUrl() {
        return base.resolve("/nrps/memberships");
    }

    /** The {@code openid_configuration} URL a Dynamic Registration starts from. */
    public URI openIdConfigurationUrl() {
        return base.resolve("/.well-known/openid-configuration");
    }

    public URI registrationEndpoint() {
        return base.resolve("/register");
    }

    public URI deepLinkingReturnUrl() {
        return base.resolve("/deep-linking/return");
    }

    /**
     * A page of the course {@link #contextId()} as the LMS shows it to a lecturer, with the tool in
     * an {@code <iframe>} (how LMSs embed LTI tools) and a link that opens the tool in a new window
     * instead. Both start the tool's third-party-initiated login (LTI 1.3 §4.1) at
     * {@code toolLoginUrl}, with {@link #issuer()}, the default client and deployment, a login hint,
     * an LTI message hint and the default {@code target_link_uri} as its query.
     */
    public URI coursePageUri(URI toolLoginUrl) {
        return base.resolve("/course?login=" + URLEncoder.encode(toolLoginUrl.toString(), StandardCharsets.UTF_8));
    }

    /** The login initiation a course page frames and links to (see {@link #coursePageUri}). */
    public URI loginInitiationUri(URI toolLoginUrl) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("iss", issuer());
        parameters.put("login_hint", "course-page " + contextId);
        parameters.put("target_link_uri", toolTargetLinkUri.toString());
        parameters.put("client_id", defaultClientId);
        parameters.put("lti_deployment_id", deploymentId());
        parameters.put("lti_message_hint", "resource-link-1");
        if (storageTarget != null) {
            parameters.put("lti_storage_target", storageTarget);
        }
        return URI.create(toolLoginUrl + (toolLoginUrl.getRawQuery() == null ? "?" : "&") + Exchanges.encodeForm(parameters));
    }

    public String clientId() {
        return defaultClientId;
    }

    /** The frame offered as {@code lti_storage_target}, if {@link Builder#platformStorage} offered one. */
    public Optional<String> storageTarget() {
        return Optional.ofNullable(storageTarget);
    }

    /**
     * A platform whose storage frame receives {@code lti.put_data} and {@code lti.get_data} but
     * never answers them (a platform that broke, or a slow one), for course pages opened from now on.
     */
    public void storageSilent(boolean silent) {
        this.storageSilent = silent;
    }

    boolean storageSilent() {
        return storageSilent;
    }

    public String deploymentId() {
        return clients.get(defaultClientId).deploymentId();
    }

    public String contextId() {
        return contextId;
    }

    /** The default client's registration as the tool stores it, {@code ACTIVE}, id 1. */
    public PlatformRegistration registration() {
        return new PlatformRegistration(1, issuer(), defaultClientId, Set.of(deploymentId()), authorizationEndpoint(), tokenEndpoint(),
                jwksUri(), PlatformRegistration.State.ACTIVE);
    }

    // --- Keys and tokens ---------------------------------------------------------------------

    /** The platform's current public signing key. */
    public RSAKey currentKey() {
        return keys.get(0).toPublicJWK();
    }

    /** What {@link #jwksUri()} publishes. */
    public JWKSet publicKeys() {
        return new JWKSet(keys.stream().map(key -> (JWK) key.toPublicJWK()).toList());
    }

    /**
     * A new signing key from now on. With {@code keepOld} the JWKS still lists the old key (a
     * platform's usual overlap); without, tokens signed before no longer verify.
     */
    public void rotateKeys(boolean keepOld) {
        List<RSAKey> next = new ArrayList<>();
        next.add(newKey());
        if (keepOld) {
            next.addAll(keys);
        }
        keys = List.copyOf(next);
    }

    /** The claims, signed RS256 with the platform's current key and its {@code kid}, as a compact JWT. */
    public String idToken(Map<String, Object> claims) {
        RSAKey key = keys.get(0);
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                new Payload(claims));
        try {
            jws.sign(new RSASSASigner(key));
        } catch (JOSEException cannot) {
            throw new IllegalStateException(cannot);
        }
        return jws.serialize();
    }

    /** A valid {@code LtiResourceLinkRequest} (LTI 1.3 §5.3) for the default client, the learner {@code learner-1}. */
    public Map<String, Object> messageFor(String nonce) {
        return messageFor(nonce, defaultClientId, deploymentId());
    }

    /**
     * A valid {@code LtiResourceLinkRequest}'s claims: issued now, valid 5 minutes, for the learner
     * {@code learner-1} in {@link #contextId()}, with AGS and NRPS claims pointing at this simulator.
     * Mutable: change or remove claims to make invalid cases.
     */
    public Map<String, Object> messageFor(String nonce, String clientId, String deploymentId) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer());
        claims.put("aud", clientId);
        claims.put("azp", clientId);
        claims.put("sub", "learner-1");
        claims.put("nonce", nonce);
        claims.put("iat", now);
        claims.put("exp", now + 300);
        claims.put("name", "Aigerim Seitkali");
        claims.put("given_name", "Aigerim");
        claims.put("family_name", "Seitkali");
        claims.put(LTI + "message_type", "LtiResourceLinkRequest");
        claims.put(LTI + "version", "1.3.0");
        claims.put(LTI + "deployment_id", deploymentId);
        claims.put(LTI + "target_link_uri", toolTargetLinkUri.toString());
        claims.put(LTI + "resource_link", new LinkedHashMap<>(Map.of("id", "resource-link-1", "title", "Week 1: reading")));
        claims.put(LTI + "roles", new ArrayList<>(List.of(SimMember.LEARNER)));
        claims.put(LTI + "context", new LinkedHashMap<>(Map.of("id", contextId, "label", "C101", "title", "Introduction to the simulated course",
                "type", List.of("http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering"))));
        claims.put(LTI + "tool_platform", new LinkedHashMap<>(Map.of("guid", "simulator-" + base.getPort(), "name", "Platform simulator")));
        claims.put(LTI + "launch_presentation", new LinkedHashMap<>(Map.of("document_target", "iframe", "locale", "ru")));
        claims.put("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", new LinkedHashMap<>(Map.of(
                "scope", List.of(Scopes.LINE_ITEM, Scopes.LINE_ITEM_READONLY, Scopes.SCORE),
                "lineitems", lineItemsUrl().toString())));
        claims.put("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice", new LinkedHashMap<>(Map.of(
                "context_memberships_url", membershipsUrl().toString(), "service_versions", List.of("2.0"))));
        return claims;
    }

    /** A valid {@code LtiDeepLinkingRequest} (Deep Linking 2.0 §4.4) from instructor {@code teacher-1}, returning to {@link #deepLinkingReturnUrl()}. */
    public Map<String, Object> deepLinkingMessageFor(String nonce) {
        Map<String, Object> claims = messageFor(nonce);
        claims.put("sub", "teacher-1");
        claims.put("name", "Daniyar Omarov");
        claims.put("given_name", "Daniyar");
        claims.put("family_name", "Omarov");
        claims.put(LTI + "message_type", "LtiDeepLinkingRequest");
        claims.remove(LTI + "resource_link");
        claims.put(LTI + "roles", new ArrayList<>(List.of(SimMember.INSTRUCTOR)));
        claims.put("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", new LinkedHashMap<>(Map.of(
                "deep_link_return_url", deepLinkingReturnUrl().toString(),
                "accept_types", List.of("ltiResourceLink"),
                "accept_presentation_document_targets", List.of("iframe", "window"),
                "accept_multiple", true,
                "auto_create", true,
                "data", "simulator-" + UUID.randomUUID())));
        return claims;
    }

    /** What the authorization endpoint launches from now on. */
    public void launchWith(LaunchTemplate template) {
        launches.template(Objects.requireNonNull(template));
    }

    /** Launch {@link #messageFor} with these claims put over it (a {@code null} value removes the claim). */
    public void launchWith(Map<String, Object> overrides) {
        Map<String, Object> copy = new LinkedHashMap<>(overrides);
        launches.template(request -> {
            Map<String, Object> claims = messageFor(request.nonce(), request.clientId(), request.deploymentId());
            copy.forEach((name, value) -> {
                if (value == null) {
                    claims.remove(name);
                } else {
                    claims.put(name, value);
                }
            });
            return claims;
        });
    }

    // --- Tools it knows ----------------------------------------------------------------------

    /** Verify the default client's assertions with these public keys from now on. */
    public void useToolKeys(JWKSet publicKeys) {
        clients.computeIfPresent(defaultClientId, (id, client) -> client.withKeys(publicKeys));
    }

    /** Fetch the default client's keys from this URL from now on. */
    public void useToolJwksUrl(URI jwksUrl) {
        clients.computeIfPresent(defaultClientId, (id, client) -> client.withJwksUrl(jwksUrl));
    }

    /** Another registered tool (or another registration of the same tool). */
    public void addClient(ToolClient client) {
        clients.put(client.clientId(), client);
    }

    /** The client with this client_id, or {@code null}. */
    public ToolClient client(String clientId) {
        return clients.get(clientId);
    }

    // --- Data --------------------------------------------------------------------------------

    /** The roster NRPS serves (by default {@code learner-1} and {@code teacher-1}). */
    public void roster(List<SimMember> members) {
        nrps.members(members);
    }

    /** Members per NRPS page unless the tool asks a {@code limit} (default 50). */
    public void rosterPageSize(int size) {
        nrps.pageSize(size);
    }

    /** Line items per page unless the tool asks a {@code limit} (default 100). */
    public void lineItemPageSize(int size) {
        ags.pageSize(size);
    }

    /** Line item URLs with a query, as Moodle's ({@code …/lineitems/3?type_id=3}). */
    public void queryInLineItemUrls(boolean on) {
        ags.queryInItemUrls(on);
    }

    /** A line item the platform already has; returns its URL. Null fields are left out. */
    public URI addLineItem(String label, double scoreMaximum, String resourceId, String tag, String resourceLinkId) {
        ObjectNode wanted = Exchanges.JSON.createObjectNode().put("label", label).put("scoreMaximum", scoreMaximum);
        if (resourceId != null) {
            wanted.put("resourceId", resourceId);
        }
        if (tag != null) {
            wanted.put("tag", tag);
        }
        if (resourceLinkId != null) {
            wanted.put("resourceLinkId", resourceLinkId);
        }
        return ags.itemUri(ags.add(wanted));
    }

    /** Every line item the platform holds. */
    public List<JsonNode> lineItems() {
        return ags.items();
    }

    // --- Faults ------------------------------------------------------------------------------

    /** The next {@code times} calls to the endpoint get the fault instead of (or, for a delay, before) their answer. */
    public void failNext(Endpoint endpoint, int times, Fault fault) {
        faults.add(endpoint, times, fault);
    }

    /** The next {@code times} calls to the endpoint answer {@code 503}. */
    public void failNext(Endpoint endpoint, int times) {
        failNext(endpoint, times, Fault.unavailable());
    }

    /** Every access token issued so far expires now: the next service call with one gets {@code 401}. */
    public void expireAllTokens() {
        tokens.expireAll();
    }

    /** NRPS page {@code page} (1-based) answers {@code status} until told {@code failRosterPage(0, …)}. */
    public void failRosterPage(int page, int status) {
        nrps.failPage(page, status);
    }

    /** The JWKS endpoint answers {@code 503} while down. */
    public void jwksDown(boolean down) {
        this.jwksDown = down;
    }

    /** Forget the queued faults. */
    public void clearFaults() {
        faults.clear();
    }

    // --- Dynamic Registration ----------------------------------------------------------------

    /** Change the OpenID configuration served from now on (remove a field, change the issuer). */
    public void editOpenIdConfiguration(Consumer<ObjectNode> edit) {
        registrations.editConfiguration(edit);
    }

    /** Change the registration endpoint's answers from now on. */
    public void editRegistrationResponse(Consumer<ObjectNode> edit) {
        registrations.editResponse(edit);
    }

    /** The registration endpoint requires this bearer token (the LMS's {@code registration_token}). */
    public void requireRegistrationToken(String token) {
        registrations.requireToken(token);
    }

    // --- What happened -----------------------------------------------------------------------

    /** Every request received, in order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<RecordedRequest> requests(Endpoint endpoint) {
        return requests.stream().filter(request -> request.endpoint() == endpoint).toList();
    }

    /** Every score received, duplicates included, in order. */
    public List<RecordedScore> scores() {
        return ags.scores();
    }

    /** How many scores for this learner reached this line item (duplicates count). */
    public long scoreCount(URI lineItem, String userId) {
        String item = withoutQuery(lineItem);
        return ags.scores().stream().filter(score -> score.lineItem().equals(item) && userId.equals(score.userId())).count();
    }

    /** How many access tokens the token endpoint issued. */
    public int tokensIssued() {
        return tokens.issuedCount();
    }

    /** The scopes of every access token issued, in order. */
    public List<Set<String>> tokenScopes() {
        return tokens.grants();
    }

    /** Why the token endpoint refused client assertions, e.g. {@code invalid_client: jti missing or already used}. */
    public List<String> tokenRejections() {
        return tokens.rejections();
    }

    /** The parameters of every authentication request the authorization endpoint received. */
    public List<Map<String, String>> authorizationRequests() {
        return launches.requests();
    }

    /** Why the authorization endpoint refused authentication requests. */
    public List<String> authorizationRejections() {
        return launches.rejections();
    }

    /** Every client registration request received (Dynamic Registration). */
    public List<JsonNode> registrationRequests() {
        return registrations.requests();
    }

    /** Every Deep Linking response the tool posted back. */
    public List<DeepLinkingReturn> deepLinkingReturns() {
        return launches.returns();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        tokens.close();
    }

    // --- Serving -----------------------------------------------------------------------------

    TokenEndpoint tokens() {
        return tokens;
    }

    private void dispatch(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        Endpoint endpoint = route(path);
        boolean bearer = Exchanges.bearer(exchange) != null;
        exchange.setAttribute(Exchanges.BEFORE_SENDING, (IntConsumer) status -> requests.add(
                new RecordedRequest(endpoint, exchange.getRequestMethod(), exchange.getRequestURI(), bearer, status)));
        try (exchange) {
            if (endpoint == null) {
                Exchanges.text(exchange, 404, "the simulator serves nothing at " + path);
                return;
            }
            Optional<Fault> fault = faults.next(endpoint);
            if (fault.isEmpty() && endpoint == Endpoint.JWKS && jwksDown) {
                fault = Optional.of(Fault.unavailable());
            }
            if (fault.isPresent()) {
                Thread.sleep(fault.get().delay().toMillis());
                if (fault.get().status() != 0) {
                    fault.get().headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                    Exchanges.json(exchange, fault.get().status(), Map.of("error", "simulated fault"));
                    return;
                }
            }
            serve(endpoint, path, exchange);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException failed) {
            // The client may have given up (a timeout test); there is no one left to answer.
            try {
                Exchanges.text(exchange, 500, "simulator failure: " + failed);
            } catch (IOException | RuntimeException answered) {
                // headers already sent or connection gone
            }
        }
    }

    private static Endpoint route(String path) {
        return switch (path) {
            case "/jwks" -> Endpoint.JWKS;
            case "/auth" -> Endpoint.AUTHORIZATION;
            case "/token" -> Endpoint.TOKEN;
            case "/ags/lineitems" -> Endpoint.LINE_ITEMS;
            case "/nrps/memberships" -> Endpoint.MEMBERSHIPS;
            case "/.well-known/openid-configuration" -> Endpoint.OPENID_CONFIGURATION;
            case "/register" -> Endpoint.REGISTRATION;
            case "/deep-linking/return" -> Endpoint.DEEP_LINKING_RETURN;
            case "/course" -> Endpoint.COURSE_PAGE;
            case "/storage" -> Endpoint.PLATFORM_STORAGE;
            default -> LINE_ITEM.matcher(path).matches() ? Endpoint.LINE_ITEM : SCORES.matcher(path).matches() ? Endpoint.SCORES : null;
        };
    }

    private void serve(Endpoint endpoint, String path, HttpExchange exchange) throws IOException {
        switch (endpoint) {
            case JWKS -> Exchanges.json(exchange, 200, "application/jwk-set+json", publicKeys().toJSONObject());
            case AUTHORIZATION -> launches.authorize(exchange);
            case TOKEN -> tokens.handle(exchange);
            case LINE_ITEMS -> ags.lineItems(exchange);
            case LINE_ITEM -> ags.lineItem(exchange, number(LINE_ITEM, path));
            case SCORES -> ags.scores(exchange, number(SCORES, path));
            case MEMBERSHIPS -> nrps.handle(exchange);
            case OPENID_CONFIGURATION -> registrations.openIdConfiguration(exchange);
            case REGISTRATION -> registrations.register(exchange);
            case DEEP_LINKING_RETURN -> launches.deepLinkingReturn(exchange);
            case COURSE_PAGE -> launches.coursePage(exchange);
            case PLATFORM_STORAGE -> launches.storageFrame(exchange);
        }
    }

    private static int number(Pattern pattern, String path) {
        Matcher matcher = pattern.matcher(path);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(path);
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static String withoutQuery(URI uri) {
        String text = uri.toString();
        int query = text.indexOf('?');
        return query < 0 ? text : text.substring(0, query);
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("sim-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException cannot) {
            throw new IllegalStateException(cannot);
        }
    }
}
