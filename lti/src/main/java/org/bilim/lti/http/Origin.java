package org.bilim.lti.http;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Scheme, host and port of a URL (RFC 6454), the unit the allowlist approves: two URLs on one host
 * but different ports are different servers, and so are {@code http} and {@code https}.
 *
 * @param scheme {@code http} or {@code https}, lower case
 * @param host   the host as written in the URL, lower case (IPv6 literals keep their brackets)
 * @param port   the explicit port, or the scheme's default
 */
public record Origin(String scheme, String host, int port) {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    public Origin {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(host, "host");
        scheme = scheme.toLowerCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("not an http(s) origin: " + scheme);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * The origin of an absolute http(s) URL.
     *
     * @throws IllegalArgumentException if the URL is relative, has no host, or another scheme
     */
    public static Origin of(URI uri) {
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getScheme() == null) {
            throw new IllegalArgumentException("not an absolute URL with a host: " + uri);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new Origin(scheme, uri.getHost(), port);
    }

    /** Whether this origin is the URL's origin. A URL that has none never matches. */
    public boolean matches(URI uri) {
        try {
            return equals(of(uri));
        } catch (IllegalArgumentException notHttp) {
            return false;
        }
    }

    /**
     * Whether the host names this machine, judged from the literal only: resolving names here would
     * let a DNS answer turn a public name into a loopback exception.
     */
    public boolean isLoopback() {
        return host.equals("localhost") || host.equals("[::1]") || host.equals("[0:0:0:0:0:0:0:1]")
                || IPV4_LOOPBACK.matcher(host).matches();
    }

    /**
     * The origin as browsers serialise it (HTML, "serialization of an origin"): the default port
     * left out, as in {@code MessageEvent.origin} and the {@code Origin} request header.
     */
    public String serialized() {
        boolean defaultPort = port == (scheme.equals("https") ? 443 : 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port;
    }
}
