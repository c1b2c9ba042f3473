package app.attune.idempotency;

import app.attune.config.AttuneConfig;
import app.attune.identity.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The stored answers to keyed POSTs; every method runs in the caller's transaction. */
@ApplicationScoped
public class IdempotencyKeys {

    /** Marks an answer sent again for a retried key. */
    public static final String REPLAYED = "Idempotent-Replayed";

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Duration retention;

    IdempotencyKeys(EntityManager em, ObjectMapper mapper, AttuneConfig config) {
        this.em = em;
        this.mapper = mapper;
        this.retention = config.idempotency().retention();
    }

    /** An earlier answer, ready to send again. */
    record Answer(String requestHash, int status, String body, String location, String etag) {

        Response replay() {
            Response.ResponseBuilder response = Response.status(status).header(REPLAYED, "true");
            if (body != null) {
                response.entity(body).type(MediaType.APPLICATION_JSON_TYPE);
            }
            if (location != null) {
                response.location(URI.create(location));
            }
            if (etag != null) {
                response.header(HttpHeaders.ETAG, etag);
            }
            return response.build();
        }
    }

    /**
     * Holds the key for the rest of the transaction; false when another transaction holds it,
     * that is when the first request with this key is still running.
     */
    boolean claim(Caller me, String key) {
        return (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, me.practitionerId() + "\n" + key).getSingleResult();
    }

    Answer find(Caller me, String key) {
        List<?> rows = em.createNativeQuery("""
                select request_hash, response_status, response_body, response_location, response_etag from idempotency_key
                where practitioner_id = ?1 and organization_id = ?2 and idempotency_key = ?3 and expires_at > now()""")
                .setParameter(1, me.practitionerId()).setParameter(2, me.organizationId()).setParameter(3, key).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new Answer((String) row[0], ((Number) row[1]).intValue(), orNull(row[2]), orNull(row[3]), orNull(row[4]));
    }

    /** Absent parts of an answer are stored as empty text. */
    private static String orNull(Object text) {
        return text == null || text.toString().isEmpty() ? null : text.toString();
    }

    void store(Caller me, String key, String requestHash, Response answer) throws JsonProcessingException {
        String body = answer.getEntity() == null ? null : storable(answer.getEntity());
        // An expired key of this caller may be used afresh (it replaces the old row); the database's clock decides, as in find.
        int stored = em.createNativeQuery("""
                insert into idempotency_key (practitioner_id, organization_id, idempotency_key, request_hash, response_status,
                    response_body, response_location, response_etag, created_at, expires_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, now(), now() + make_interval(secs => ?9))
                on conflict (practitioner_id, idempotency_key, organization_id) do update set request_hash = excluded.request_hash,
                    response_status = excluded.response_status, response_body = excluded.response_body,
                    response_location = excluded.response_location, response_etag = excluded.response_etag,
                    created_at = excluded.created_at, expires_at = excluded.expires_at
                where idempotency_key.expires_at <= now()""")
                .setParameter(1, me.practitionerId()).setParameter(2, me.organizationId()).setParameter(3, key)
                .setParameter(4, requestHash).setParameter(5, answer.getStatus()).setParameter(6, body == null ? "" : body)
                .setParameter(7, answer.getLocation() == null ? "" : answer.getLocation().toString())
                .setParameter(8, answer.getHeaderString(HttpHeaders.ETAG) == null ? "" : answer.getHeaderString(HttpHeaders.ETAG))
                .setParameter(9, (double) retention.toSeconds())
                .executeUpdate();
        if (stored != 1) {
            // Unreachable while find and the advisory lock work: the work must not commit without its answer.
            throw new IllegalStateException("an idempotency key still in force was claimed twice");
        }
    }

    /** The answer as kept: a private note is never copied out of its session, so a replay shows it as null. */
    private String storable(Object entity) throws JsonProcessingException {
        var tree = mapper.valueToTree(entity);
        if (tree instanceof com.fasterxml.jackson.databind.node.ObjectNode object && object.has("privateNote")) {
            object.putNull("privateNote");
        }
        return mapper.writeValueAsString(tree);
    }

    /** Drops every expired key; run in the background so that answers never outlive their retention. */
    @jakarta.transaction.Transactional
    public int purgeExpired() {
        return em.createNativeQuery("delete from idempotency_key where expires_at <= now()").executeUpdate();
    }
}
