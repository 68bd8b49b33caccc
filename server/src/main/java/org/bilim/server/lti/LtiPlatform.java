package org.bilim.server.lti;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bilim.lti.http.Origin;
import org.bilim.lti.registration.PlatformRegistration;
import org.bilim.server.platform.Times;

/**
 * A university LMS registered to launch Bilim, as the database keeps it; {@link #registration()}
 * is the {@code lti} module's view of it.
 */
@Entity
@Table(name = "lti_platform")
public class LtiPlatform {
    /** Who made the registration: an administrator by hand, or the platform through Dynamic Registration. */
    public enum MadeBy { ADMIN, DYNAMIC }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "university_id", nullable = false)
    private long universityId;

    @Column(nullable = false, length = 500)
    private String issuer;

    @Column(name = "client_id", nullable = false, length = 255)
    private String clientId;

    @Column(name = "authorization_endpoint", nullable = false, length = 1000)
    private String authorizationEndpoint;

    @Column(name = "token_endpoint", nullable = false, length = 1000)
    private String tokenEndpoint;

    @Column(name = "jwks_url", nullable = false, length = 1000)
    private String jwksUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PlatformRegistration.State state;

    @Enumerated(EnumType.STRING)
    @Column(name = "made_by", nullable = false, length = 16)
    private MadeBy madeBy;

    @Column(length = 100)
    private String product;

    /** Further origins the platform serves AGS and NRPS from, one per line (see {@link #ownOrigins()}). */
    @Column(name = "service_origins", length = 2000)
    private String serviceOrigins;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "lti_deployment", joinColumns = @JoinColumn(name = "platform_id"))
    @Column(name = "deployment_id", length = 255)
    private Set<String> deploymentIds = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected LtiPlatform() {
    }

    public LtiPlatform(long universityId, String issuer, String clientId, Set<String> deploymentIds, URI authorizationEndpoint,
                       URI tokenEndpoint, URI jwksUrl, PlatformRegistration.State state, MadeBy madeBy, String product) {
        this.universityId = universityId;
        this.issuer = issuer;
        this.clientId = clientId;
        this.deploymentIds = new LinkedHashSet<>(deploymentIds);
        this.authorizationEndpoint = authorizationEndpoint.toString();
        this.tokenEndpoint = tokenEndpoint.toString();
        this.jwksUrl = jwksUrl.toString();
        this.state = state;
        this.madeBy = madeBy;
        this.product = product;
        this.createdAt = Times.now();
        this.updatedAt = createdAt;
    }

    public PlatformRegistration registration() {
        return new PlatformRegistration(id, issuer, clientId, deploymentIds, URI.create(authorizationEndpoint), URI.create(tokenEndpoint),
                URI.create(jwksUrl), state);
    }

    public void update(Set<String> deploymentIds, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUrl) {
        this.deploymentIds.clear();
        this.deploymentIds.addAll(deploymentIds);
        this.authorizationEndpoint = authorizationEndpoint.toString();
        this.tokenEndpoint = tokenEndpoint.toString();
        this.jwksUrl = jwksUrl.toString();
        this.updatedAt = Times.now();
    }

    /** Replaces the further service origins (already checked by the caller). */
    public void serviceOrigins(List<Origin> origins) {
        this.serviceOrigins = origins.isEmpty() ? null : origins.stream().map(Origin::toString).collect(Collectors.joining("\n"));
        this.updatedAt = Times.now();
    }

    /** The further service origins an administrator named. */
    public List<Origin> serviceOrigins() {
        if (serviceOrigins == null || serviceOrigins.isBlank()) {
            return List.of();
        }
        return serviceOrigins.lines().filter(l -> !l.isBlank()).map(l -> Origin.of(URI.create(l.strip()))).toList();
    }

    /**
     * Every origin that belongs to this platform: its OIDC, token and JWKS endpoints', its issuer's
     * and the further service origins. A service URL from a launch claim must be on one of them.
     */
    public Set<Origin> ownOrigins() {
        Set<Origin> own = new LinkedHashSet<>();
        own.add(Origin.of(URI.create(authorizationEndpoint)));
        own.add(Origin.of(URI.create(tokenEndpoint)));
        own.add(Origin.of(URI.create(jwksUrl)));
        try {
            URI iss = URI.create(issuer);
            if (iss.isAbsolute() && iss.getHost() != null) {
                own.add(Origin.of(iss));
            }
        } catch (IllegalArgumentException notAUrl) {
            // an issuer need not be a URL to an LTI platform; it then names no origin
        }
        own.addAll(serviceOrigins());
        return own;
    }

    /** Whether {@code uri} is on one of this platform's {@link #ownOrigins() own origins}. */
    public boolean owns(URI uri) {
        return ownOrigins().stream().anyMatch(o -> o.matches(uri));
    }

    public void state(PlatformRegistration.State state) {
        this.state = state;
        this.updatedAt = Times.now();
    }

    public Long id() {
        return id;
    }

    public long universityId() {
        return universityId;
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    public PlatformRegistration.State state() {
        return state;
    }

    public MadeBy madeBy() {
        return madeBy;
    }

    public String product() {
        return product;
    }

    public Set<String> deploymentIds() {
        return Set.copyOf(deploymentIds);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
