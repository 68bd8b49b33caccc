package org.bilim.lti.services;

import java.net.URI;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.bilim.lti.http.LtiRequest;
import org.bilim.lti.http.LtiResponse;
import org.bilim.lti.http.ServiceException;
import org.bilim.lti.registration.PlatformRegistration;

/**
 * Reads a paged container to its last page. All or nothing: the reader sees every page before the
 * caller sees a result, and a page that fails fails the whole read, because half a roster would
 * look like learners who left.
 */
final class Pages {

    /** A platform whose next links never end is broken; stop rather than read forever. */
    static final int MAX_PAGES = 10_000;

    @FunctionalInterface
    interface Reader {
        void read(JsonNode page) throws ServiceException;
    }

    private Pages() {
    }

    static void readAll(AuthorizedCall call, PlatformRegistration registration, Set<String> scopes, URI first, String accept,
                        Reader reader) throws ServiceException {
        Set<URI> seen = new HashSet<>();
        Optional<URI> next = Optional.of(first);
        while (next.isPresent()) {
            URI page = next.get();
            if (!seen.add(page) || seen.size() > MAX_PAGES) {
                throw new ServiceException(ServiceException.Reason.BAD_RESPONSE, page, "GET " + page + " is a page seen before or past "
                        + MAX_PAGES + " pages");
            }
            LtiResponse response = call.send(registration, scopes, LtiRequest.get(page, accept));
            reader.read(response.json());
            next = Links.next(response);
        }
    }
}
