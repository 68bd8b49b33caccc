package org.bilim.server.lti;

import com.nimbusds.jose.jwk.RSAKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.bilim.lti.keys.ToolKey;
import org.bilim.lti.keys.ToolKeyStore;
import org.bilim.server.platform.Times;

/**
 * Bilim's signing keys in the database, shared by every node. A retired key keeps its row (so its
 * kid is never handed out again) but loses its private part.
 */
@ApplicationScoped
public class LtiKeyStore implements ToolKeyStore {
    /** A nullable timestamp parameter: typed in the SQL, because PostgreSQL cannot type a bare NULL parameter. */
    private static final String TIME = "CAST(?";
    @PersistenceContext(unitName = "bilim")
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<ToolKey> loadAll() {
        List<Object[]> rows = em.createNativeQuery("SELECT kid, public_jwk, private_jwk, created_at, activated_at, deactivated_at, "
                + "retired_at FROM lti_tool_key ORDER BY created_at").getResultList();
        List<ToolKey> keys = new ArrayList<>();
        for (Object[] r : rows) {
            try {
                RSAKey jwk = RSAKey.parse((String) (r[2] != null ? r[2] : r[1]));
                keys.add(new ToolKey((String) r[0], jwk, instant(r[3]), instant(r[4]), instant(r[5]), instant(r[6])));
            } catch (ParseException e) {
                throw new IllegalStateException("the stored tool key " + r[0] + " cannot be read", e);
            }
        }
        return keys;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public void save(ToolKey key) {
        String publicJwk = key.jwk().toPublicJWK().toJSONString();
        String privateJwk = key.hasPrivatePart() ? key.jwk().toJSONString() : null;
        int updated = em.createNativeQuery("UPDATE lti_tool_key SET public_jwk = ?2, private_jwk = CAST(?3 AS VARCHAR(10000)), activated_at = ?4, "
                        + "deactivated_at = " + TIME + "5 AS TIMESTAMP WITH TIME ZONE), retired_at = " + TIME + "6 AS TIMESTAMP WITH TIME ZONE) "
                        + "WHERE kid = ?1")
                .setParameter(1, key.kid()).setParameter(2, publicJwk).setParameter(3, privateJwk)
                .setParameter(4, time(key.activated())).setParameter(5, time(key.deactivated())).setParameter(6, time(key.retired()))
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO lti_tool_key (kid, public_jwk, private_jwk, created_at, activated_at, deactivated_at, "
                            + "retired_at) VALUES (?1, ?2, CAST(?3 AS VARCHAR(10000)), ?4, ?5, " + TIME + "6 AS TIMESTAMP WITH TIME ZONE), "
                            + TIME + "7 AS TIMESTAMP WITH TIME ZONE))")
                    .setParameter(1, key.kid()).setParameter(2, publicJwk).setParameter(3, privateJwk)
                    .setParameter(4, time(key.created())).setParameter(5, time(key.activated()))
                    .setParameter(6, time(key.deactivated())).setParameter(7, time(key.retired()))
                    .executeUpdate();
        }
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean kidEverUsed(String kid) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM lti_tool_key WHERE kid = ?1").setParameter(1, kid)
                .getSingleResult()).longValue() > 0;
    }

    private static Instant instant(Object value) {
        return value == null ? null : Times.of(value).toInstant();
    }

    private static java.time.OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
