package org.bilim.lti.launch;

import org.bilim.lti.registration.PlatformRegistration;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A launch that passed every check of {@link IdTokenValidator}: who came, from which platform and
 * deployment, in which role, to do what. Immutable; what the platform did not send is empty,
 * never null.
 *
 * @param registration       the platform registration the token was verified against
 * @param deploymentId       the deployment, one of the registration's (LTI Core 1.3, §5.3.3)
 * @param messageType        what the platform asks of Bilim (§5.3.1)
 * @param user               the user, named by {@code sub} (§5.3.6)
 * @param roles              the user's roles (§5.3.7)
 * @param context            the course the launch comes from, if any (§5.4.1): a launch from outside any course is valid
 * @param resourceLink       the link launched (§5.3.5), present for resource link launches
 * @param targetLinkUri      where in Bilim the launch should land (§5.3.4)
 * @param launchPresentation how the platform shows Bilim and where to send the user back (§5.4.4)
 * @param custom             custom parameters (§5.4.6): strings as sent, other values as their JSON text
 * @param ags                the Assignment and Grade Services endpoint, if offered
 * @param nrps               the Names and Role Provisioning Services endpoint, if offered
 * @param deepLinking        the deep linking settings, present for deep linking requests
 */
public record LtiLaunch(PlatformRegistration registration, String deploymentId, MessageType messageType, User user, Roles roles,
                        Optional<Context> context, Optional<ResourceLink> resourceLink, Optional<String> targetLinkUri,
                        Optional<LaunchPresentation> launchPresentation, Map<String, String> custom, Optional<AgsEndpoint> ags,
                        Optional<NrpsEndpoint> nrps, Optional<DeepLinkingSettings> deepLinking) {

    /** The message types Bilim handles. */
    public enum MessageType {
        RESOURCE_LINK("LtiResourceLinkRequest"),
        DEEP_LINKING("LtiDeepLinkingRequest");

        private final String claimValue;

        MessageType(String claimValue) {
            this.claimValue = claimValue;
        }

        /** The value of the {@code message_type} claim. */
        public String claimValue() {
            return claimValue;
        }

        static Optional<MessageType> of(String claimValue) {
            for (MessageType type : values()) {
                if (type.claimValue.equals(claimValue)) {
                    return Optional.of(type);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The user, as the OpenID Connect standard claims name them (LTI Core 1.3, §5.3.6). Only
     * {@code sub} is sure: names and email come only if the platform chose to share them.
     *
     * @param sub    stable and unique within the issuer; Bilim's key for the person, with the registration
     * @param locale the user's preferred locale, if sent (a BCP 47 tag such as {@code kk-KZ})
     */
    public record User(String sub, Optional<String> name, Optional<String> givenName, Optional<String> familyName,
                       Optional<String> email, Optional<String> locale) {
        public User {
            Objects.requireNonNull(sub, "sub");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(givenName, "givenName");
            Objects.requireNonNull(familyName, "familyName");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(locale, "locale");
        }
    }

    /** The context (usually a course) of the launch (LTI Core 1.3, §5.4.1). */
    public record Context(String id, Optional<String> label, Optional<String> title, List<String> types) {
        public Context {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(title, "title");
            types = List.copyOf(types);
        }
    }

    /** The placement of Bilim in the platform that was launched (LTI Core 1.3, §5.3.5). */
    public record ResourceLink(String id, Optional<String> title, Optional<String> description) {
        public ResourceLink {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(description, "description");
        }
    }

    /** How the platform presents Bilim (LTI Core 1.3, §5.4.4). */
    public record LaunchPresentation(Optional<String> documentTarget, Optional<String> returnUrl, Optional<String> locale) {
        public LaunchPresentation {
            Objects.requireNonNull(documentTarget, "documentTarget");
            Objects.requireNonNull(returnUrl, "returnUrl");
            Objects.requireNonNull(locale, "locale");
        }
    }

    public LtiLaunch {
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(resourceLink, "resourceLink");
        Objects.requireNonNull(targetLinkUri, "targetLinkUri");
        Objects.requireNonNull(launchPresentation, "launchPresentation");
        custom = Map.copyOf(custom);
        Objects.requireNonNull(ags, "ags");
        Objects.requireNonNull(nrps, "nrps");
        Objects.requireNonNull(deepLinking, "deepLinking");
        if (messageType == MessageType.DEEP_LINKING && deepLinking.isEmpty()) {
            throw new IllegalArgumentException("a deep linking request has deep linking settings");
        }
        if (messageType == MessageType.RESOURCE_LINK && resourceLink.isEmpty()) {
            throw new IllegalArgumentException("a resource link launch has a resource link");
        }
    }
}
