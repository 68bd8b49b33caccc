package org.bilim.lti.deeplinking;

import com.nimbusds.jwt.JWTClaimsSet;
import org.bilim.lti.RandomTokens;
import org.bilim.lti.keys.ToolKeys;
import org.bilim.lti.launch.DeepLinkingSettings;
import org.bilim.lti.launch.LtiLaunch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;

/**
 * Builds the Deep Linking response (Deep Linking 2.0, §4.5 "Deep Linking response message"): a
 * JWT that Bilim signs as the OAuth client of the platform, so {@code iss} is Bilim's
 * {@code client_id} and {@code aud} the platform's issuer, the reverse of the launch. It carries a
 * fresh {@code nonce}, a short life, the launch's {@code deployment_id}, the request's
 * {@code data} echoed exactly, and the items, signed RS256 with Bilim's current key and its
 * {@code kid}.
 *
 * <p>Items the platform said it would not take are refused here, before anything is signed:
 * the instructor gets an answer from Bilim rather than a failure from the platform.
 */
public final class DeepLinkingResponse {

    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

    /** Long enough for the auto-submitted form to reach the platform, short enough that a copy is soon useless. */
    static final Duration LIFETIME = Duration.ofMinutes(5);

    private final ToolKeys keys;
    private final Clock clock;
    private final RandomTokens tokens;

    public DeepLinkingResponse(ToolKeys keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = new RandomTokens();
    }

    /**
     * @throws DeepLinkingRefused when the launch was not a deep linking request, or the platform
     *                            does not accept an item's type or more than one item
     */
    public DeepLinkingForm respond(LtiLaunch launch, DeepLinkingReply reply) {
        DeepLinkingSettings settings = launch.deepLinking().orElseThrow(() -> new DeepLinkingRefused(
                DeepLinkingRefused.Reason.NOT_A_DEEP_LINKING_LAUNCH, "the launch was " + launch.messageType().claimValue()));
        checkAccepted(settings, reply.items());
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(launch.registration().clientId())
                .audience(launch.registration().issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("nonce", tokens.next())
                .claim(LTI + "deployment_id", launch.deploymentId())
                .claim(LTI + "message_type", "LtiDeepLinkingResponse")
                .claim(LTI + "version", "1.3.0")
                .claim(DL + "content_items", reply.items().stream().map(ContentItem::toJson).toList());
        settings.data().ifPresent(data -> claims.claim(DL + "data", data));
        reply.message().ifPresent(m -> claims.claim(DL + "msg", m));
        reply.log().ifPresent(l -> claims.claim(DL + "log", l));
        reply.errorMessage().ifPresent(m -> claims.claim(DL + "errormsg", m));
        reply.errorLog().ifPresent(l -> claims.claim(DL + "errorlog", l));
        return new DeepLinkingForm(settings.returnUrl(), keys.sign(claims.build()));
    }

    private static void checkAccepted(DeepLinkingSettings settings, List<ContentItem> items) {
        for (ContentItem item : items) {
            if (!settings.acceptTypes().contains(item.type())) {
                throw new DeepLinkingRefused(DeepLinkingRefused.Reason.TYPE_NOT_ACCEPTED,
                        item.type() + " is not among the accepted types " + settings.acceptTypes());
            }
        }
        if (items.size() > 1 && !settings.acceptMultiple()) {
            throw new DeepLinkingRefused(DeepLinkingRefused.Reason.MULTIPLE_NOT_ACCEPTED,
                    items.size() + " items, and the platform takes one at most");
        }
    }
}
