package org.bilim.lti.services;

import java.util.Set;

import org.bilim.lti.http.BearerToken;
import org.bilim.lti.http.LtiHttp;
import org.bilim.lti.http.LtiRequest;
import org.bilim.lti.http.LtiResponse;
import org.bilim.lti.http.ServiceException;
import org.bilim.lti.registration.PlatformRegistration;

/**
 * A service call with a service token. A {@code 401} means the platform no longer takes the token
 * (expired early, revoked, its store restarted): one fresh token and one retry, no more — a second
 * {@code 401} is the platform's to fix, and looping would hammer its token endpoint.
 */
final class AuthorizedCall {

    private final LtiHttp http;
    private final ServiceTokens tokens;

    AuthorizedCall(LtiHttp http, ServiceTokens tokens) {
        this.http = http;
        this.tokens = tokens;
    }

    /** The successful answer, or a {@link ServiceException}. */
    LtiResponse send(PlatformRegistration registration, Set<String> scopes, LtiRequest request) throws ServiceException {
        // A forged service URL is refused before a token is asked for it.
        http.requireAllowed(request.uri());
        BearerToken token = tokens.token(registration, scopes);
        LtiResponse response = http.send(request.withBearer(token));
        if (response.status() == 401) {
            tokens.invalidate(registration, scopes, token);
            response = http.send(request.withBearer(tokens.token(registration, scopes)));
        }
        return response.requireSuccess();
    }
}
