package org.bilim.lti.launch;

import org.bilim.lti.LogSafe;
import org.bilim.lti.registration.PlatformRegistration;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.bilim.lti.launch.LaunchFailure.Reason.ANONYMOUS_LAUNCH_UNSUPPORTED;
import static org.bilim.lti.launch.LaunchFailure.Reason.CLAIM_MALFORMED;
import static org.bilim.lti.launch.LaunchFailure.Reason.DEEP_LINKING_SETTINGS_MISSING;
import static org.bilim.lti.launch.LaunchFailure.Reason.DEPLOYMENT_ID_MISSING;
import static org.bilim.lti.launch.LaunchFailure.Reason.DEPLOYMENT_UNKNOWN;
import static org.bilim.lti.launch.LaunchFailure.Reason.MESSAGE_TYPE_MISSING;
import static org.bilim.lti.launch.LaunchFailure.Reason.MESSAGE_TYPE_UNKNOWN;
import static org.bilim.lti.launch.LaunchFailure.Reason.MESSAGE_TYPE_UNSUPPORTED;
import static org.bilim.lti.launch.LaunchFailure.Reason.RESOURCE_LINK_MISSING;
import static org.bilim.lti.launch.LaunchFailure.Reason.ROLES_MISSING;
import static org.bilim.lti.launch.LaunchFailure.Reason.SUB_INVALID;
import static org.bilim.lti.launch.LaunchFailure.Reason.TARGET_LINK_URI_MISSING;
import static org.bilim.lti.launch.LaunchFailure.Reason.VERSION_MISSING;
import static org.bilim.lti.launch.LaunchFailure.Reason.VERSION_UNSUPPORTED;

/**
 * The LTI claims of an {@code id_token} whose signature, issuer, audience, times and nonce have
 * been checked: LTI Core 1.3, §5.3 (required) and §5.4 (optional), and the service claims of
 * Deep Linking 2.0, AGS 2.0 and NRPS 2.0. Claims Bilim does not know are ignored (§5.4.7).
 */
final class LaunchClaims {

    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String VERSION = LTI + "version";
    static final String MESSAGE_TYPE = LTI + "message_type";
    static final String DEPLOYMENT_ID = LTI + "deployment_id";
    static final String TARGET_LINK_URI = LTI + "target_link_uri";
    static final String RESOURCE_LINK = LTI + "resource_link";
    static final String ROLES = LTI + "roles";
    static final String CONTEXT = LTI + "context";
    static final String LAUNCH_PRESENTATION = LTI + "launch_presentation";
    static final String CUSTOM = LTI + "custom";
    static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    static final String NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    static final String DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";

    /** Message types of other LTI specifications: known, so refused as unsupported rather than as nonsense. */
    private static final Set<String> KNOWN_UNSUPPORTED = Set.of("LtiSubmissionReviewRequest", "LtiStartProctoring", "LtiEndAssessment");

    /** LTI Core 1.3 caps identifiers at 255 ASCII characters (§5.3.3, §5.3.5, §5.3.6, §5.4.1). */
    private static final int MAX_ID = 255;

    private LaunchClaims() {
    }

    static LtiLaunch read(ClaimReader claims, PlatformRegistration registration) {
        checkVersion(claims);
        LtiLaunch.MessageType type = messageType(claims);
        String deploymentId = deploymentId(claims, registration);
        LtiLaunch.User user = user(claims);
        Roles roles = new Roles(claims.strings(ROLES)
                .orElseThrow(() -> new LaunchFailure(ROLES_MISSING, ROLES + " is missing")));
        Optional<LtiLaunch.ResourceLink> resourceLink = resourceLink(claims, type);
        Optional<String> targetLinkUri = claims.string(TARGET_LINK_URI);
        if (type == LtiLaunch.MessageType.RESOURCE_LINK && targetLinkUri.filter(t -> !t.isBlank()).isEmpty()) {
            throw new LaunchFailure(TARGET_LINK_URI_MISSING, TARGET_LINK_URI + " is missing");
        }
        Optional<DeepLinkingSettings> deepLinking = deepLinking(claims, type);
        return new LtiLaunch(registration, deploymentId, type, user, roles, context(claims), resourceLink, targetLinkUri,
                launchPresentation(claims), claims.texts(CUSTOM), ags(claims), nrps(claims), deepLinking);
    }

    private static void checkVersion(ClaimReader claims) {
        String version = claims.string(VERSION).orElseThrow(() -> new LaunchFailure(VERSION_MISSING, VERSION + " is missing"));
        if (!"1.3.0".equals(version)) {
            throw new LaunchFailure(VERSION_UNSUPPORTED, "version " + LogSafe.quote(version));
        }
    }

    private static LtiLaunch.MessageType messageType(ClaimReader claims) {
        String value = claims.string(MESSAGE_TYPE).filter(t -> !t.isBlank())
                .orElseThrow(() -> new LaunchFailure(MESSAGE_TYPE_MISSING, MESSAGE_TYPE + " is missing"));
        return LtiLaunch.MessageType.of(value).orElseThrow(() -> KNOWN_UNSUPPORTED.contains(value)
                ? new LaunchFailure(MESSAGE_TYPE_UNSUPPORTED, value + " is not handled by Bilim")
                : new LaunchFailure(MESSAGE_TYPE_UNKNOWN, "message type " + LogSafe.quote(value)));
    }

    private static String deploymentId(ClaimReader claims, PlatformRegistration registration) {
        String id = claims.string(DEPLOYMENT_ID).filter(d -> !d.isEmpty())
                .orElseThrow(() -> new LaunchFailure(DEPLOYMENT_ID_MISSING, DEPLOYMENT_ID + " is missing"));
        if (!registration.deploymentIds().contains(id)) {
            throw new LaunchFailure(DEPLOYMENT_UNKNOWN, "deployment " + LogSafe.quote(id) + " of registration " + registration.id());
        }
        return id;
    }

    /**
     * A launch without {@code sub} is an anonymous user's (LTI Core 1.3, §5.3.6.1). Bilim keeps
     * progress per person and cannot serve someone it cannot name, so it refuses such launches
     * with their own reason rather than as a broken token.
     */
    private static LtiLaunch.User user(ClaimReader claims) {
        if (!claims.has("sub")) {
            throw new LaunchFailure(ANONYMOUS_LAUNCH_UNSUPPORTED, "no sub: an anonymous launch");
        }
        String sub = claims.string("sub").orElseThrow();
        if (sub.isEmpty() || sub.length() > MAX_ID) {
            throw new LaunchFailure(SUB_INVALID, "sub has " + sub.length() + " characters");
        }
        return new LtiLaunch.User(sub, claims.string("name"), claims.string("given_name"), claims.string("family_name"),
                claims.string("email"), claims.string("locale"));
    }

    private static Optional<LtiLaunch.ResourceLink> resourceLink(ClaimReader claims, LtiLaunch.MessageType type) {
        Optional<ClaimReader> link = claims.object(RESOURCE_LINK);
        Optional<String> id = link.flatMap(l -> l.string("id")).filter(i -> !i.isBlank());
        if (id.isEmpty()) {
            if (type == LtiLaunch.MessageType.RESOURCE_LINK) {
                throw new LaunchFailure(RESOURCE_LINK_MISSING, RESOURCE_LINK + (link.isEmpty() ? " is missing" : ".id is missing"));
            }
            return Optional.empty();
        }
        requireIdLength(RESOURCE_LINK + ".id", id.get());
        return Optional.of(new LtiLaunch.ResourceLink(id.get(), link.get().string("title"), link.get().string("description")));
    }

    private static Optional<LtiLaunch.Context> context(ClaimReader claims) {
        return claims.object(CONTEXT).map(context -> {
            String id = context.string("id").filter(i -> !i.isBlank())
                    .orElseThrow(() -> new LaunchFailure(CLAIM_MALFORMED, CONTEXT + ".id is missing (LTI Core 1.3, §5.4.1)"));
            requireIdLength(CONTEXT + ".id", id);
            return new LtiLaunch.Context(id, context.string("label"), context.string("title"), context.strings("type").orElse(List.of()));
        });
    }

    private static Optional<LtiLaunch.LaunchPresentation> launchPresentation(ClaimReader claims) {
        return claims.object(LAUNCH_PRESENTATION).map(p -> new LtiLaunch.LaunchPresentation(
                p.string("document_target"), p.string("return_url"), p.string("locale")));
    }

    private static Optional<AgsEndpoint> ags(ClaimReader claims) {
        return claims.object(AGS).map(a -> new AgsEndpoint(a.strings("scope").orElse(List.of()), a.string("lineitems"), a.string("lineitem")));
    }

    private static Optional<NrpsEndpoint> nrps(ClaimReader claims) {
        return claims.object(NRPS).map(n -> new NrpsEndpoint(
                n.string("context_memberships_url").orElseThrow(() -> n.malformed("context_memberships_url", "present")),
                n.strings("service_versions").orElse(List.of())));
    }

    /**
     * Deep Linking 2.0, §4.4.1 "Deep linking settings", makes {@code deep_link_return_url} and {@code accept_types}
     * required: without the first there is nowhere to reply, without the second nothing may be
     * sent back, so either missing refuses the launch now rather than the reply later.
     */
    private static Optional<DeepLinkingSettings> deepLinking(ClaimReader claims, LtiLaunch.MessageType type) {
        if (type != LtiLaunch.MessageType.DEEP_LINKING) {
            return Optional.empty();
        }
        ClaimReader settings = claims.object(DEEP_LINKING_SETTINGS)
                .orElseThrow(() -> new LaunchFailure(DEEP_LINKING_SETTINGS_MISSING, DEEP_LINKING_SETTINGS + " is missing"));
        String returnUrl = settings.string("deep_link_return_url").filter(u -> !u.isBlank())
                .orElseThrow(() -> new LaunchFailure(DEEP_LINKING_SETTINGS_MISSING, "deep_link_return_url is missing"));
        List<String> acceptTypes = settings.strings("accept_types")
                .orElseThrow(() -> new LaunchFailure(DEEP_LINKING_SETTINGS_MISSING, "accept_types is missing"));
        return Optional.of(new DeepLinkingSettings(absolute(returnUrl, settings), acceptTypes,
                settings.strings("accept_presentation_document_targets").orElse(List.of()),
                settings.bool("accept_multiple").orElse(false), settings.bool("accept_lineitem"),
                settings.bool("auto_create").orElse(false), settings.string("title"), settings.string("text"), settings.string("data")));
    }

    private static URI absolute(String url, ClaimReader settings) {
        try {
            URI uri = new URI(url);
            if (uri.isAbsolute() && uri.getHost() != null && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw settings.malformed("deep_link_return_url", "an absolute http(s) URL");
    }

    private static void requireIdLength(String claim, String id) {
        if (id.length() > MAX_ID) {
            throw new LaunchFailure(CLAIM_MALFORMED, claim + " has more than " + MAX_ID + " characters");
        }
    }
}
