package org.bilim.server.lti;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.bilim.lti.dynamic.RegistrationResult;
import org.bilim.lti.http.Origin;
import org.bilim.lti.registration.PlatformRegistration;
import org.bilim.server.audit.ActorKind;
import org.bilim.server.audit.AuditEntry;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.catalogue.University;
import org.bilim.server.platform.BilimConfig;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.platform.Times;
import org.bilim.server.platform.Tokens;
import org.bilim.server.sessions.Caller;

/**
 * Invitations for an LMS to register itself (LTI Dynamic Registration 1.0). An administrator names
 * the university and the LMS's address; Bilim gives a registration URL with a one-time token. The
 * LMS's administrator pastes it into the LMS, which opens it with its {@code openid_configuration};
 * Bilim reads that configuration only if it is on the LMS origin the invitation named, registers,
 * and keeps the registration PENDING until a Bilim administrator approves it.
 */
@ApplicationScoped
public class LtiInvitations {
    static final Duration LIFETIME = Duration.ofDays(7);

    /** An invitation as the administrator sees it; the URL only when it has just been made. */
    public record InvitationView(long id, long universityId, String lmsOrigin, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                                 OffsetDateTime usedAt, Long registrationId, String registrationUrl) {
    }

    /** An invitation taken for one registration attempt. */
    record Taken(long id, long universityId, Origin lmsOrigin) {
    }

    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    BilimConfig config;

    @Transactional
    public InvitationView create(long universityId, String lmsUrl) {
        University university = em.find(University.class, universityId);
        if (university == null) {
            throw BilimException.forField(ProblemCode.UNIVERSITY_NOT_FOUND, "universityId");
        }
        Origin origin = lmsOrigin(lmsUrl);
        String token = Tokens.newToken();
        OffsetDateTime now = Times.now();
        em.createNativeQuery("INSERT INTO lti_invitation (token_hash, university_id, lms_origin, created_by, created_at, expires_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, Tokens.sha256(token)).setParameter(2, universityId).setParameter(3, origin.toString())
                .setParameter(4, caller.requireStaff().staffId()).setParameter(5, now).setParameter(6, now.plus(LIFETIME))
                .executeUpdate();
        long id = ((Number) em.createNativeQuery("SELECT id FROM lti_invitation WHERE token_hash = ?1")
                .setParameter(1, Tokens.sha256(token)).getSingleResult()).longValue();
        audit.append(caller.audit("lti.invitation-created", null, "lti-invitation", id, university.name() + " at " + origin));
        String url = config.ltiToolUrl() + "/api/lti/dynamic-registration?invitation=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return new InvitationView(id, universityId, origin.toString(), now, now.plus(LIFETIME), null, null, url);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<InvitationView> list() {
        List<Object[]> rows = em.createNativeQuery("SELECT id, university_id, lms_origin, created_at, expires_at, used_at, platform_id "
                + "FROM lti_invitation ORDER BY id DESC").getResultList();
        List<InvitationView> out = new ArrayList<>();
        for (Object[] r : rows) {
            out.add(new InvitationView(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], Times.of(r[3]),
                    Times.of(r[4]), Times.of(r[5]), r[6] == null ? null : ((Number) r[6]).longValue(), null));
        }
        return out;
    }

    /**
     * Takes an unused, unexpired invitation for one attempt; empty when there is none. Taking it
     * is one conditional update, so two attempts with one token cannot both proceed.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Optional<Taken> take(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        String hash = Tokens.sha256(token);
        OffsetDateTime now = Times.now();
        int taken = em.createNativeQuery("UPDATE lti_invitation SET used_at = ?2 WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2")
                .setParameter(1, hash).setParameter(2, now).executeUpdate();
        if (taken == 0) {
            return Optional.empty();
        }
        Object[] r = (Object[]) em.createNativeQuery("SELECT id, university_id, lms_origin FROM lti_invitation WHERE token_hash = ?1")
                .setParameter(1, hash).getSingleResult();
        return Optional.of(new Taken(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), Origin.of(URI.create((String) r[2]))));
    }

    /** An attempt that failed gives the invitation back, so the LMS's administrator can try again. */
    @Transactional
    public void release(long invitationId) {
        em.createNativeQuery("UPDATE lti_invitation SET used_at = NULL WHERE id = ?1 AND platform_id IS NULL")
                .setParameter(1, invitationId).executeUpdate();
    }

    /** Stores the registration the LMS made, PENDING, and marks the invitation as having made it. */
    @Transactional
    public long registered(Taken invitation, RegistrationResult result, String address) {
        PlatformRegistration r = result.registration();
        long taken = em.createQuery("SELECT COUNT(p) FROM LtiPlatform p WHERE p.issuer = :i AND p.clientId = :c", Long.class)
                .setParameter("i", r.issuer()).setParameter("c", r.clientId()).getSingleResult();
        if (taken > 0) {
            throw new BilimException(ProblemCode.LTI_REGISTRATION_TAKEN);
        }
        String product = result.productFamilyCode() == null ? null
                : (result.productFamilyCode() + (result.platformVersion() == null ? "" : " " + result.platformVersion()));
        LtiPlatform p = new LtiPlatform(invitation.universityId(), r.issuer(), r.clientId(), Set.copyOf(r.deploymentIds()),
                r.authorizationEndpoint(), r.tokenEndpoint(), r.jwksUrl(), PlatformRegistration.State.PENDING, LtiPlatform.MadeBy.DYNAMIC,
                product == null ? null : product.substring(0, Math.min(100, product.length())));
        em.persist(p);
        em.flush();
        em.createNativeQuery("UPDATE lti_invitation SET platform_id = ?2 WHERE id = ?1").setParameter(1, invitation.id())
                .setParameter(2, p.id()).executeUpdate();
        audit.append(new AuditEntry(ActorKind.ANONYMOUS, null, null, "lti.registration-requested", null, "lti-platform", p.id(),
                "issuer " + r.issuer() + ", client_id " + r.clientId() + " by invitation " + invitation.id()
                        + (result.warnings().isEmpty() ? "" : "; " + String.join(" ", result.warnings())), address));
        return p.id();
    }

    /** The origin of the LMS address an administrator typed: https, or loopback http where allowed. */
    private Origin lmsOrigin(String text) {
        try {
            URI uri = new URI(text == null ? "" : text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.isAbsolute() && uri.getHost() != null && uri.getUserInfo() == null) {
                Origin origin = Origin.of(uri);
                if (scheme.equals("https") || (scheme.equals("http") && config.ltiAllowLoopbackHttp() && origin.isLoopback())) {
                    return origin;
                }
            }
        } catch (URISyntaxException | IllegalArgumentException e) {
            // refused below
        }
        throw BilimException.forField(ProblemCode.LTI_URL_INVALID, "lmsUrl");
    }
}
