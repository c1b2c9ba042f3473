package app.attune.webhook;

import app.attune.api.ApiProblem;
import app.attune.api.Page;
import app.attune.api.PageRequest;
import app.attune.audit.AuditAction;
import app.attune.audit.AuditTrail;
import app.attune.audit.AuditedType;
import app.attune.config.AttuneConfig;
import app.attune.idempotency.ReplayedResource;
import app.attune.identity.Caller;
import app.attune.identity.CurrentCaller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Registering webhooks and reading their deliveries, within the caller's organization. */
@ApplicationScoped
public class WebhookService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CurrentCaller caller;
    private final ReceiverPolicy receivers;
    private final EntityManager em;
    private final AuditTrail audit;
    private final int maxPerOrganization;
    private final Clock clock;

    WebhookService(CurrentCaller caller, ReceiverPolicy receivers, EntityManager em, AuditTrail audit, Clock clock,
            AttuneConfig config) {
        this.maxPerOrganization = config.webhooks().maxPerOrganization();
        this.audit = audit;
        this.caller = caller;
        this.receivers = receivers;
        this.em = em;
        this.clock = clock;
    }

    /** A replayed answer that shows a webhook is a read of that webhook. */
    @Produces
    static ReplayedResource replayed(WebhookService webhooks) {
        return new ReplayedResource("webhooks", webhooks::readAgain);
    }

    @Transactional
    public WebhookView register(NewWebhook request) {
        Caller me = caller.get();
        String problem = receivers.check(request.url()).problem();
        if (problem != null) {
            throw ApiProblem.invalid("url", problem);
        }
        // One organization's receivers share the sender with every other's: their number is bounded,
        // counted under a lock of the organization's registrations so that two at once cannot pass it.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 7))")
                .setParameter(1, "webhooks:" + me.organizationId()).getSingleResult();
        if (Webhook.count("organizationId = ?1 and deletedAt is null", me.organizationId()) >= maxPerOrganization) {
            throw ApiProblem.conflict("The organization already has " + maxPerOrganization
                    + " webhooks, the most this service keeps for one; delete one first");
        }
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        Webhook webhook = new Webhook();
        webhook.id = UUID.randomUUID();
        webhook.organizationId = me.organizationId();
        webhook.url = request.url();
        webhook.eventTypes = request.eventTypes().stream().distinct().sorted().toArray(String[]::new);
        webhook.secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        webhook.createdBy = me.practitionerId();
        webhook.createdAt = OffsetDateTime.now(clock);
        webhook.persistAndFlush();
        audit.done(AuditAction.CREATE, AuditedType.WEBHOOK, webhook.id, null);
        return WebhookView.of(webhook, true);
    }

    @Transactional
    public Page<WebhookView> list(PageRequest page) {
        var query = Webhook.<Webhook>find("organizationId = ?1 and deletedAt is null", Sort.by("createdAt").and("id"),
                caller.get().organizationId()).page(page.page(), page.size());
        return Page.of(query.list().stream().map(w -> WebhookView.of(w, false)).toList(), page, query.count());
    }

    /** Reads a live webhook of the organization, as a replay of its registration does. */
    @Transactional
    public void readAgain(UUID id) {
        audit.done(AuditAction.READ, AuditedType.WEBHOOK, live(id).id, null);
    }

    /** Stops the webhook; deliveries still waiting are given up, the history stays readable. */
    @Transactional
    public void delete(UUID id) {
        Webhook webhook = live(id);
        webhook.deletedAt = OffsetDateTime.now(clock);
        em.createNativeQuery("update webhook_delivery set status = 'FAILED' where webhook_id = ?1 and organization_id = ?2"
                + " and status = 'PENDING'").setParameter(1, webhook.id).setParameter(2, webhook.organizationId).executeUpdate();
        audit.done(AuditAction.UPDATE, AuditedType.WEBHOOK, webhook.id, null);
    }

    @Transactional
    public Page<DeliveryView> deliveries(UUID webhookId, PageRequest page) {
        Webhook webhook = live(webhookId);
        long total = ((Number) em.createNativeQuery("select count(*) from webhook_delivery where webhook_id = ?1 and organization_id = ?2")
                .setParameter(1, webhook.id).setParameter(2, webhook.organizationId).getSingleResult()).longValue();
        List<?> rows = em.createNativeQuery("""
                select id, event_type, position, status, created_at, next_attempt_at, delivered_at
                from webhook_delivery where webhook_id = ?1 and organization_id = ?2
                order by created_at desc, position desc limit ?3 offset ?4""")
                .setParameter(1, webhook.id).setParameter(2, webhook.organizationId).setParameter(3, page.size())
                .setParameter(4, page.page() * page.size())
                .getResultList();
        List<UUID> ids = rows.stream().map(r -> (UUID) ((Object[]) r)[0]).toList();
        Map<UUID, List<DeliveryView.Attempt>> attempts = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Object row : em.createNativeQuery("""
                    select delivery_id, attempt, attempted_at, response_status, error, duration_ms
                    from webhook_attempt where delivery_id in (?1) and organization_id = ?2 order by attempt""")
                    .setParameter(1, ids).setParameter(2, webhook.organizationId).getResultList()) {
                Object[] a = (Object[]) row;
                attempts.computeIfAbsent((UUID) a[0], k -> new ArrayList<>()).add(new DeliveryView.Attempt(
                        ((Number) a[1]).intValue(), time(a[2]), a[3] == null ? null : ((Number) a[3]).intValue(),
                        (String) a[4], ((Number) a[5]).intValue()));
            }
        }
        List<DeliveryView> items = rows.stream().map(r -> {
            Object[] d = (Object[]) r;
            return new DeliveryView((UUID) d[0], (String) d[1], d[2].toString(), (String) d[3], time(d[4]), time(d[5]),
                    time(d[6]), attempts.getOrDefault((UUID) d[0], List.of()));
        }).toList();
        return Page.of(items, page, total);
    }

    private Webhook live(UUID id) {
        return Webhook.<Webhook>find("id = ?1 and organizationId = ?2 and deletedAt is null", id, caller.get().organizationId())
                .firstResultOptional().orElseThrow(() -> ApiProblem.notFound("webhook"));
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        return ((java.time.Instant) value).atOffset(ZoneOffset.UTC);
    }
}
