package org.bilim.lti.services;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.bilim.lti.http.LtiHttp;
import org.bilim.lti.http.ServiceException;
import org.bilim.lti.registration.PlatformRegistration;

/**
 * Names and Role Provisioning Services 2.0: who is in a course context on the platform.
 *
 * <p>The roster is read to its last page ({@code Link: <…>; rel="next"}) and returned whole, or
 * the call fails: a failed page means no roster, and the caller keeps the one it had.
 */
public final class Nrps {

    public static final String MEMBERSHIP_CONTAINER = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

    private static final Set<String> SCOPES = Set.of(LtiScopes.CONTEXT_MEMBERSHIP_READONLY);

    private final AuthorizedCall call;

    public Nrps(LtiHttp http, ServiceTokens tokens) {
        this.call = new AuthorizedCall(Objects.requireNonNull(http, "http"), Objects.requireNonNull(tokens, "tokens"));
    }

    /**
     * The whole membership of a context.
     *
     * @param contextMembershipsUrl the {@code context_memberships_url} of the launch's
     *                              {@code https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice} claim
     * @throws ServiceException if any page fails or is not a membership container
     */
    public Roster members(PlatformRegistration registration, URI contextMembershipsUrl) throws ServiceException {
        List<Member> members = new ArrayList<>();
        JsonNode[] context = new JsonNode[1];
        Pages.readAll(call, registration, SCOPES, contextMembershipsUrl, MEMBERSHIP_CONTAINER, page -> {
            if (context[0] == null) {
                context[0] = page.path("context");
            }
            JsonNode list = page.path("members");
            if (!list.isArray()) {
                throw bad(contextMembershipsUrl, "a page without members");
            }
            for (JsonNode member : list) {
                members.add(member(member, contextMembershipsUrl));
            }
        });
        String contextId = Json.text(context[0], "id");
        if (contextId == null) {
            throw bad(contextMembershipsUrl, "no context id");
        }
        return new Roster(contextId, Json.text(context[0], "label"), Json.text(context[0], "title"), members);
    }

    private static Member member(JsonNode member, URI url) throws ServiceException {
        String userId = Json.text(member, "user_id");
        if (userId == null || userId.isBlank()) {
            throw bad(url, "a member without user_id");
        }
        List<String> roles = new ArrayList<>();
        for (JsonNode role : member.path("roles")) {
            roles.add(role.asText());
        }
        return new Member(userId, roles, status(member, url), Json.text(member, "name"), Json.text(member, "given_name"),
                Json.text(member, "family_name"), Json.text(member, "email"), Json.text(member, "lis_person_sourcedid"));
    }

    private static Member.Status status(JsonNode member, URI url) throws ServiceException {
        String status = Json.text(member, "status");
        if (status == null) {
            return Member.Status.ACTIVE;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "active" -> Member.Status.ACTIVE;
            case "inactive" -> Member.Status.INACTIVE;
            case "deleted" -> Member.Status.DELETED;
            // An unknown status could mean either; granting or revoking access on a guess is worse than no roster.
            default -> throw bad(url, "a member status that is not Active, Inactive or Deleted");
        };
    }

    private static ServiceException bad(URI url, String what) {
        return new ServiceException(ServiceException.Reason.BAD_RESPONSE, url, "GET " + url + " answered " + what);
    }
}
