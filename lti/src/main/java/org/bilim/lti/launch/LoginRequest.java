package org.bilim.lti.launch;

import java.util.List;
import java.util.Map;

/**
 * The parameters of a third-party-initiated login (Security Framework 1.0, §5.1.1.1; LTI Core 1.3,
 * §4.1; the {@code lti_storage_target} of "OIDC Login with LTI Client Side postMessages"). Absent
 * parameters are null; nothing here is checked yet.
 *
 * @param issuer           {@code iss}
 * @param loginHint        {@code login_hint}, opaque, passed back exactly
 * @param targetLinkUri    {@code target_link_uri}
 * @param ltiMessageHint   {@code lti_message_hint}, opaque, passed back exactly (LTI Core 1.3, §4.1.1)
 * @param clientId         {@code client_id} (LTI Core 1.3, §4.1.3)
 * @param ltiDeploymentId  {@code lti_deployment_id} (LTI Core 1.3, §4.1.2)
 * @param ltiStorageTarget {@code lti_storage_target}: the frame that offers platform storage
 */
public record LoginRequest(String issuer, String loginHint, String targetLinkUri, String ltiMessageHint, String clientId,
                           String ltiDeploymentId, String ltiStorageTarget) {

    /**
     * Reads the login from request parameters (query or form, as the platform chose GET or POST).
     * An empty value counts as absent.
     *
     * @throws LoginRefused {@code PARAMETER_REPEATED} if one of the login's parameters came twice
     */
    public static LoginRequest fromParameters(Map<String, List<String>> parameters) {
        return new LoginRequest(single(parameters, "iss"), single(parameters, "login_hint"), single(parameters, "target_link_uri"),
                single(parameters, "lti_message_hint"), single(parameters, "client_id"), single(parameters, "lti_deployment_id"),
                single(parameters, "lti_storage_target"));
    }

    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new LoginRefused(LoginRefused.Reason.PARAMETER_REPEATED, name + " came " + values.size() + " times");
        }
        String value = values.getFirst();
        return value == null || value.isEmpty() ? null : value;
    }
}
