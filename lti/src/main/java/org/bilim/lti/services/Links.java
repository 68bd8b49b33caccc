package org.bilim.lti.services;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bilim.lti.http.LtiResponse;
import org.bilim.lti.http.ServiceException;

/** Service URLs: the next page of a container, and paths and parameters added to a platform's URL. */
final class Links {

    /** One link-value of a Link header (RFC 8288 §3): a target in angle brackets, then parameters. */
    private static final Pattern LINK = Pattern.compile("<([^>]*)>([^<]*)");
    private static final Pattern REL = Pattern.compile("(?i);\\s*rel\\s*=\\s*(?:\"([^\"]*)\"|([^;,\\s]+))");

    private Links() {
    }

    /**
     * The {@code rel="next"} link of a paged container (AGS 2.0 and NRPS 2.0 page with RFC 8288
     * Link headers), resolved against the page's own URL.
     */
    static Optional<URI> next(LtiResponse page) throws ServiceException {
        for (String header : page.headerValues("Link")) {
            Matcher link = LINK.matcher(header);
            while (link.find()) {
                Matcher rel = REL.matcher(link.group(2));
                if (rel.find()) {
                    String rels = rel.group(1) != null ? rel.group(1) : rel.group(2);
                    if (Arrays.asList(rels.toLowerCase(Locale.ROOT).trim().split("\\s+")).contains("next")) {
                        try {
                            return Optional.of(page.uri().resolve(link.group(1).trim()));
                        } catch (IllegalArgumentException badTarget) {
                            throw new ServiceException(ServiceException.Reason.BAD_RESPONSE, page.uri(),
                                    page.method() + " " + page.uri() + " answered an unreadable next link");
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The URL with a path segment added, its query kept: AGS 2.0 (Score publish service) puts a line item's scores at
     * {@code <line item>/scores}, and platforms such as Moodle give line item URLs with a query
     * ({@code …/lineitem?type_id=2}), where appending to the string would put the path in the query.
     */
    static URI appendPath(URI base, String segment) {
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringBuilder uri = new StringBuilder().append(base.getScheme()).append("://").append(base.getRawAuthority())
                .append(path).append('/').append(segment);
        if (base.getRawQuery() != null) {
            uri.append('?').append(base.getRawQuery());
        }
        return URI.create(uri.toString());
    }

    /** The URL with query parameters added to those it has; null values are left out. */
    static URI withQuery(URI base, Map<String, String> parameters) {
        StringBuilder query = new StringBuilder(base.getRawQuery() == null ? "" : base.getRawQuery());
        parameters.forEach((name, value) -> {
            if (value != null) {
                if (!query.isEmpty()) {
                    query.append('&');
                }
                query.append(encode(name)).append('=').append(encode(value));
            }
        });
        StringBuilder uri = new StringBuilder().append(base.getScheme()).append("://").append(base.getRawAuthority())
                .append(base.getRawPath() == null ? "" : base.getRawPath());
        if (!query.isEmpty()) {
            uri.append('?').append(query);
        }
        return URI.create(uri.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
