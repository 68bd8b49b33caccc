package org.bilim.lti.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.text.ParseException;
import java.time.Duration;
import java.util.Objects;

import com.nimbusds.jose.jwk.JWKSet;

/**
 * The one HTTP client every outbound LTI call goes through.
 *
 * <p>Before anything is sent the destination is checked: an absolute http(s) URL without user
 * info; https, or plain http to a loopback host where {@link Settings#allowLoopbackHttp()} is set
 * (tests against the platform simulator); and an origin the {@link Allowlist} approves. A refusal
 * throws {@link RefusedDestinationException} and is reported to the {@link RefusalListener}.
 * Redirects are never followed — the check above would not see the second hop — so a {@code 3xx}
 * comes back as a failed call. Headers and bodies are never logged: they carry bearer tokens.
 *
 * <p>Thread-safe; one instance serves the whole server. Close it when the server stops.
 */
public final class LtiHttp implements AutoCloseable {

    /**
     * @param connectTimeout    how long to wait for a connection
     * @param requestTimeout    how long a whole exchange may take
     * @param allowLoopbackHttp whether plain http to loopback hosts is allowed (tests only)
     */
    public record Settings(Duration connectTimeout, Duration requestTimeout, boolean allowLoopbackHttp) {

        public Settings {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
        }

        /** 5 s to connect and 10 s per exchange: an LMS slower than that is better retried later. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(5), Duration.ofSeconds(10), false);
        }

        public Settings withTimeouts(Duration connect, Duration request) {
            return new Settings(connect, request, allowLoopbackHttp);
        }

        /** For tests against servers on 127.0.0.1. */
        public Settings withLoopbackHttp() {
            return new Settings(connectTimeout, requestTimeout, true);
        }
    }

    private static final System.Logger LOG = System.getLogger(LtiHttp.class.getName());

    private final HttpClient client;
    private final boolean ownsClient;
    private final Allowlist allowlist;
    private final RefusalListener listener;
    private final Settings settings;

    public LtiHttp(Allowlist allowlist, RefusalListener listener, Settings settings) {
        this(HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                // HTTP/1.1 only: no h2c upgrade dance on plain loopback http, and what LMS proxies expect.
                .version(HttpClient.Version.HTTP_1_1)
                .build(), true, allowlist, listener, settings);
    }

    private LtiHttp(HttpClient client, boolean ownsClient, Allowlist allowlist, RefusalListener listener, Settings settings) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.allowlist = Objects.requireNonNull(allowlist, "allowlist");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * A client that also reaches one origin an administrator approved, for one task such as a
     * Dynamic Registration (the platform is not registered yet, so no allowlist knows it). It shares
     * this client's connections and rules; drop it when the task is done. Closing it closes nothing.
     */
    public LtiHttp allowingAlso(Origin approved) {
        Objects.requireNonNull(approved, "approved");
        return new LtiHttp(client, false, allowlist.or(approved::matches), listener, settings);
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Sends a request to an approved destination and returns the answer, whatever its status.
     *
     * @throws RefusedDestinationException if the destination is not approved (nothing was sent)
     * @throws ServiceException            on timeout or when no connection could be made
     */
    public LtiResponse send(LtiRequest request) throws ServiceException {
        URI uri = request.uri();
        checkDestination(uri);
        HttpRequest.Builder http = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Accept", request.accept());
        if (request.bearer() != null) {
            http.header("Authorization", "Bearer " + request.bearer().value());
        }
        if (request.body() != null) {
            http.header("Content-Type", request.contentType());
            http.method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        } else {
            http.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<byte[]> response = client.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
            LOG.log(System.Logger.Level.DEBUG, "{0} {1} -> {2}", request.method(), uri, response.statusCode());
            return new LtiResponse(request.method(), uri, response.statusCode(), response.headers(), response.body());
        } catch (HttpTimeoutException timeout) {
            throw new ServiceException(ServiceException.Reason.TIMEOUT, uri, request + " timed out", timeout);
        } catch (ConnectException unreachable) {
            throw new ServiceException(ServiceException.Reason.UNREACHABLE, uri, request + " could not connect", unreachable);
        } catch (IOException failed) {
            throw new ServiceException(ServiceException.Reason.UNREACHABLE, uri, request + " failed: " + failed.getClass().getSimpleName(), failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ServiceException(ServiceException.Reason.UNREACHABLE, uri, request + " interrupted", interrupted);
        }
    }

    /**
     * A platform's public keys (RFC 7517 §5), read with Nimbus' {@link JWKSet#parse(String)}. Has the
     * shape of {@code org.bilim.lti.launch.JwksSource#fetch}, so {@code ltiHttp::fetchJwks} is one.
     *
     * @throws ServiceException (an {@link IOException}) if refused, unreachable, not a success or not a JWK set
     */
    public JWKSet fetchJwks(URI jwksUrl) throws IOException {
        LtiResponse response = send(LtiRequest.get(jwksUrl, "application/jwk-set+json, application/json")).requireSuccess();
        try {
            return JWKSet.parse(response.text());
        } catch (ParseException notJwks) {
            throw new ServiceException(ServiceException.Reason.BAD_RESPONSE, jwksUrl, "GET " + jwksUrl + " answered no JWK set");
        }
    }

    /**
     * Checks a destination as {@link #send} would, without sending: for callers that would otherwise
     * do work (fetch a token) for a URL that is going to be refused. A refusal is reported as in {@link #send}.
     */
    public void requireAllowed(URI uri) throws RefusedDestinationException {
        checkDestination(uri);
    }

    /** Whether this client would send plain http or https to this URL (the allowlist aside). */
    public boolean schemeAllowed(URI uri) {
        return schemeProblem(uri) == null;
    }

    private void checkDestination(URI uri) throws RefusedDestinationException {
        String problem = schemeProblem(uri);
        if (problem == null && !allowlist.allows(uri)) {
            problem = "not an approved platform origin";
        }
        if (problem != null) {
            URI shown = withoutUserInfo(uri);
            LOG.log(System.Logger.Level.WARNING, "refused outbound LTI call to {0}: {1}", shown, problem);
            try {
                listener.refused(shown, problem);
            } catch (RuntimeException listenerFailed) {
                // The refusal stands whether or not it could be audited.
                LOG.log(System.Logger.Level.ERROR, "refusal listener failed", listenerFailed);
            }
            throw new RefusedDestinationException(shown, problem);
        }
    }

    private String schemeProblem(URI uri) {
        Origin origin;
        try {
            origin = Origin.of(uri);
        } catch (IllegalArgumentException notHttp) {
            return "not an absolute http(s) URL with a host";
        }
        if (uri.getRawUserInfo() != null) {
            return "user info in the URL";
        }
        if (origin.scheme().equals("http") && !origin.isLoopback()) {
            return "plain http to a host that is not loopback";
        }
        if (origin.scheme().equals("http") && !settings.allowLoopbackHttp()) {
            return "plain http where https is required";
        }
        return null;
    }

    /** The URL as logs and audits may show it: user info may hold a password. */
    private static URI withoutUserInfo(URI uri) {
        if (uri == null || uri.getRawUserInfo() == null) {
            return uri;
        }
        return URI.create(uri.toString().replace(uri.getRawUserInfo() + "@", ""));
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
