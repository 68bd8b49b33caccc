package org.bilim.server.lti;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.bilim.lti.http.Origin;
import org.bilim.lti.launch.RegistrationLookup;
import org.bilim.lti.registration.PlatformRegistration;
import org.bilim.server.audit.AuditLog;
import org.bilim.server.catalogue.University;
import org.bilim.server.lti.LtiViews.NewRegistration;
import org.bilim.server.lti.LtiViews.RegistrationChange;
import org.bilim.server.lti.LtiViews.RegistrationView;
import org.bilim.server.lti.LtiViews.StateChange;
import org.bilim.server.platform.BilimConfig;
import org.bilim.server.platform.BilimException;
import org.bilim.server.platform.ProblemCode;
import org.bilim.server.sessions.Caller;

/**
 * The platform registrations: kept by administrators, read by every launch and by the LTI
 * client's allowlist (which reads the active ones at each outbound call, so a registration
 * disabled on any node stops outbound calls everywhere at once).
 */
@ApplicationScoped
public class LtiRegistrations implements RegistrationLookup {
    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    BilimConfig config;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlatformRegistration> byIssuer(String issuer) {
        if (issuer == null || issuer.length() > 500) {
            return List.of();
        }
        return em.createQuery("SELECT p FROM LtiPlatform p WHERE p.issuer = :i", LtiPlatform.class).setParameter("i", issuer)
                .getResultList().stream().map(LtiPlatform::registration).filter(r -> r.issuer().equals(issuer)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlatformRegistration> active() {
        return em.createQuery("SELECT p FROM LtiPlatform p WHERE p.state = :s", LtiPlatform.class)
                .setParameter("s", PlatformRegistration.State.ACTIVE).getResultList().stream().map(LtiPlatform::registration).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LtiPlatform platform(long id) {
        LtiPlatform p = em.find(LtiPlatform.class, id);
        if (p == null) {
            throw new BilimException(ProblemCode.LTI_REGISTRATION_NOT_FOUND);
        }
        return p;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RegistrationView> list() {
        return em.createQuery("SELECT p FROM LtiPlatform p ORDER BY p.id", LtiPlatform.class).getResultList().stream()
                .map(this::view).toList();
    }

    @Transactional
    public RegistrationView create(NewRegistration body) {
        University university = em.find(University.class, body.universityId());
        if (university == null) {
            throw BilimException.forField(ProblemCode.UNIVERSITY_NOT_FOUND, "universityId");
        }
        URI issuer = url("issuer", body.issuer());
        URI auth = url("authorizationEndpoint", body.authorizationEndpoint());
        URI token = url("tokenEndpoint", body.tokenEndpoint());
        URI jwks = url("jwksUrl", body.jwksUrl());
        long taken = em.createQuery("SELECT COUNT(p) FROM LtiPlatform p WHERE p.issuer = :i AND p.clientId = :c", Long.class)
                .setParameter("i", body.issuer()).setParameter("c", body.clientId()).getSingleResult();
        if (taken > 0) {
            throw BilimException.forField(ProblemCode.LTI_REGISTRATION_TAKEN, "clientId");
        }
        LtiPlatform p = new LtiPlatform(university.id(), issuer.toString(), body.clientId(), new LinkedHashSet<>(body.deploymentIds()),
                auth, token, jwks, PlatformRegistration.State.ACTIVE, LtiPlatform.MadeBy.ADMIN, null);
        p.serviceOrigins(origins(body.serviceOrigins()));
        em.persist(p);
        em.flush();
        audit.append(caller.audit("lti.registration-created", null, "lti-platform", p.id(),
                "issuer " + p.issuer() + ", client_id " + p.clientId() + ", " + university.name()));
        return view(p);
    }

    @Transactional
    public RegistrationView update(long id, RegistrationChange body) {
        LtiPlatform p = platform(id);
        revision(p, body.revision());
        p.update(new LinkedHashSet<>(body.deploymentIds()), url("authorizationEndpoint", body.authorizationEndpoint()),
                url("tokenEndpoint", body.tokenEndpoint()), url("jwksUrl", body.jwksUrl()));
        if (body.serviceOrigins() != null) {
            p.serviceOrigins(origins(body.serviceOrigins()));
        }
        em.flush();
        audit.append(caller.audit("lti.registration-changed", null, "lti-platform", p.id(),
                "deployments " + String.join(", ", p.deploymentIds())));
        return view(p);
    }

    @Transactional
    public RegistrationView state(long id, StateChange body) {
        LtiPlatform p = platform(id);
        revision(p, body.revision());
        PlatformRegistration.State to = PlatformRegistration.State.valueOf(body.state());
        if (p.state() != to) {
            PlatformRegistration.State from = p.state();
            p.state(to);
            em.flush();
            audit.append(caller.audit(to == PlatformRegistration.State.ACTIVE ? "lti.registration-approved" : "lti.registration-disabled",
                    null, "lti-platform", p.id(), "issuer " + p.issuer() + ", client_id " + p.clientId() + ": " + from + " → " + to));
        }
        return view(p);
    }

    private static void revision(LtiPlatform p, long seen) {
        if (p.version() != seen) {
            throw new BilimException(ProblemCode.CONCURRENT_CHANGE);
        }
    }

    /**
     * An absolute https URL without user info or fragment; plain http only to a loopback address,
     * and only where the configuration allows it (the tests' platform simulator).
     */
    private URI url(String field, String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw BilimException.forField(ProblemCode.LTI_URL_INVALID, field);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
            throw BilimException.forField(ProblemCode.LTI_URL_INVALID, field);
        }
        boolean https = scheme.equals("https");
        boolean loopbackHttp = scheme.equals("http") && config.ltiAllowLoopbackHttp() && Origin.of(uri).isLoopback();
        if (!https && !loopbackHttp) {
            throw BilimException.forField(ProblemCode.LTI_URL_INVALID, field);
        }
        return uri;
    }

    /** Service origins as an administrator typed them: each an https origin (scheme, host, port; no path). */
    private List<Origin> origins(List<String> typed) {
        if (typed == null) {
            return List.of();
        }
        List<Origin> origins = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            URI uri = url("serviceOrigins[" + i + "]", typed.get(i));
            String path = uri.getRawPath();
            if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null) {
                throw BilimException.forField(ProblemCode.LTI_URL_INVALID, "serviceOrigins[" + i + "]");
            }
            Origin origin = Origin.of(uri);
            if (!origins.contains(origin)) {
                origins.add(origin);
            }
        }
        return origins;
    }

    /** The origins calls may go to besides the endpoints': every active registration's issuer and service origins. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Origin> activeOwnOrigins() {
        return em.createQuery("SELECT p FROM LtiPlatform p WHERE p.state = :s", LtiPlatform.class)
                .setParameter("s", PlatformRegistration.State.ACTIVE).getResultList().stream()
                .flatMap(p -> p.ownOrigins().stream()).distinct().toList();
    }

    /** Every origin of the active registrations, in order, with the registrations it serves. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LtiViews.AllowedOrigin> allowlist() {
        java.util.Map<String, List<LtiViews.AllowedFor>> by = new java.util.TreeMap<>();
        for (LtiPlatform p : em.createQuery("SELECT p FROM LtiPlatform p WHERE p.state = :s ORDER BY p.id", LtiPlatform.class)
                .setParameter("s", PlatformRegistration.State.ACTIVE).getResultList()) {
            University u = em.find(University.class, p.universityId());
            PlatformRegistration r = p.registration();
            java.util.Map<Origin, String> why = new java.util.LinkedHashMap<>();
            for (URI endpoint : List.of(r.authorizationEndpoint(), r.tokenEndpoint(), r.jwksUrl())) {
                why.putIfAbsent(Origin.of(endpoint), "ENDPOINT");
            }
            p.ownOrigins().forEach(o -> why.putIfAbsent(o, "ISSUER"));
            p.serviceOrigins().forEach(o -> why.put(o, why.getOrDefault(o, "SERVICE")));
            why.forEach((origin, reason) -> by.computeIfAbsent(origin.toString(), o -> new ArrayList<>())
                    .add(new LtiViews.AllowedFor(p.id(), p.issuer(), u == null ? null : u.name(), reason)));
        }
        return by.entrySet().stream().map(e -> new LtiViews.AllowedOrigin(e.getKey(), e.getValue())).toList();
    }

    RegistrationView view(LtiPlatform p) {
        University u = em.find(University.class, p.universityId());
        List<String> deployments = new ArrayList<>(p.deploymentIds());
        deployments.sort(null);
        PlatformRegistration r = p.registration();
        return new RegistrationView(p.id(), p.universityId(), u == null ? null : u.name(), p.issuer(), p.clientId(), deployments,
                r.authorizationEndpoint().toString(), r.tokenEndpoint().toString(), r.jwksUrl().toString(),
                p.serviceOrigins().stream().map(Origin::toString).toList(), p.state().name(),
                p.madeBy().name(), p.product(), p.createdAt(), p.version());
    }
}
