package app.attune.journal;

import app.attune.access.AllianceScope;
import app.attune.alliance.Alliance;
import app.attune.alliance.AllianceClosureChanged;
import app.attune.alliance.AllianceService;
import app.attune.api.ApiProblem;
import app.attune.api.InputErrors;
import app.attune.api.MergePatch.Patch;
import app.attune.api.Page;
import app.attune.api.PageRequest;
import app.attune.api.Versions;
import app.attune.audit.AuditAction;
import app.attune.audit.AuditTrail;
import app.attune.audit.AuditedType;
import app.attune.change.ChangeAction;
import app.attune.change.ChangeFeed;
import app.attune.database.ReadOrder;
import app.attune.database.TenantKey;
import app.attune.idempotency.ReplayedResource;
import app.attune.identity.CurrentCaller;
import app.attune.query.Filter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ruptures and their repairs. A rupture's status is never set by a caller: it follows from its
 * repairs and from its alliance's closing, and is recomputed whenever either changes.
 */
@ApplicationScoped
public class RuptureService {

    /** Clock skew allowed for a repair time sent by a client device. */
    private static final long FUTURE_TOLERANCE_MINUTES = 10;

    private final CurrentCaller caller;
    private final SessionAccess sessions;
    private final AllianceService alliances;
    private final EntityManager em;
    private final AuditTrail audit;
    private final ChangeFeed changeFeed;
    private final Clock clock;

    RuptureService(CurrentCaller caller, SessionAccess sessions, AllianceService alliances,
            EntityManager em, AuditTrail audit, ChangeFeed changeFeed, Clock clock) {
        this.audit = audit;
        this.changeFeed = changeFeed;
        this.caller = caller;
        this.sessions = sessions;
        this.alliances = alliances;
        this.em = em;
        this.clock = clock;
    }

    /** A replayed answer that shows a rupture is a read of that rupture. */
    @Produces
    static ReplayedResource replayed(RuptureService ruptures) {
        return new ReplayedResource("ruptures", ruptures::get);
    }

    @Transactional
    public RuptureView record(UUID sessionId, NewRupture request) {
        TherapySession session = sessions.openForWork(sessionId);
        SessionAccess.requireDraft(session);
        InputErrors errors = new InputErrors();
        checkRuptures(List.of(request), "", session.durationMinutes, errors);
        errors.throwIfAny();
        if (request.hasRepairs()) {
            session.attendance.requireTookPlace("repairs made in it");
        }
        StoredRupture stored = store(session, request);
        em.flush();
        audit.done(AuditAction.CREATE, AuditedType.RUPTURE, stored.rupture().id, stored.rupture().allianceId);
        return stored.view();
    }

    @Transactional
    public RuptureView get(UUID id) {
        Rupture rupture = visible(id);
        RuptureView view = views(List.of(rupture)).get(0);
        audit.done(AuditAction.READ, AuditedType.RUPTURE, rupture.id, rupture.allianceId);
        return view;
    }

    @Transactional
    public RuptureView change(UUID id, long expectedVersion, Patch<RuptureChanges> patch) {
        Rupture rupture = visible(id);
        AllianceScope.requireChangeable(caller.get(), alliances.visible(rupture.allianceId).therapistId);
        // The signing lock: a retagging waits for a signature in progress and then sees it.
        TherapySession session = sessions.lockForChange(rupture.sessionId);
        Rupture.getEntityManager().refresh(rupture);
        Versions.check(expectedVersion, rupture.version);
        SessionAccess.requireDraft(session);
        RuptureChanges changes = patch.over(RuptureChanges.of(rupture));
        InputErrors errors = new InputErrors();
        checkShape(changes.type(), changes.markers(), changes.minuteInSession(), session.durationMinutes, "", errors);
        errors.throwIfAny();
        changes.applyTo(rupture);
        rupture.updatedAt = OffsetDateTime.now(clock);
        changeFeed.record(AuditedType.RUPTURE, rupture.id, rupture.allianceId, ChangeAction.UPDATE);
        em.flush();
        RuptureView view = views(List.of(rupture)).get(0);
        audit.done(AuditAction.UPDATE, AuditedType.RUPTURE, rupture.id, rupture.allianceId);
        return view;
    }

    @Transactional
    public Page<RuptureView> listForAlliance(UUID allianceId, RuptureStatus status, RuptureType type, String tag,
            PageRequest page) {
        Alliance alliance = alliances.visible(allianceId);
        Filter filter = Filter.where("r.allianceId = :alliance", "alliance", alliance.id)
                .and("r.organizationId = :org", "org", alliance.organizationId)
                .andIf("r.status = :status", "status", status)
                .andIf("r.type = :type", "type", type)
                .andIf("array_contains(r.tags, :tag)", "tag", tag);
        String from = "from Rupture r, TherapySession s where s.id = r.sessionId and s.organizationId = r.organizationId and "
                + filter.clause();
        TypedQuery<Rupture> select = filter.bind(em.createQuery(
                "select r " + from + " order by s.occurredAt, s.number, r.createdAt, r.id", Rupture.class));
        TypedQuery<Long> count = filter.bind(em.createQuery("select count(r) " + from, Long.class));
        List<Rupture> ruptures = select.setFirstResult(page.page() * page.size()).setMaxResults(page.size()).getResultList();
        Page<RuptureView> found = Page.of(views(ruptures), page, count.getSingleResult());
        audit.done(AuditAction.LIST, AuditedType.RUPTURE, null, alliance.id);
        return found;
    }

    @Transactional
    public RepairView repair(UUID ruptureId, NewRepair request) {
        Rupture rupture = visible(ruptureId);
        Alliance alliance = alliances.openForWork(rupture.allianceId);
        TherapySession surfacedIn = sessionOf(rupture);
        InputErrors errors = new InputErrors();
        if (request.ruptureId() != null) {
            errors.add("ruptureId", "is given by the path");
        }
        checkRepairShape(request, "", errors);
        TherapySession repairedIn = null;
        OffsetDateTime performedAt = null;
        if ((request.sessionId() == null) == (request.performedAt() == null)) {
            errors.add("sessionId", "give either sessionId (a repair in a session) or performedAt (between sessions)");
        } else if (request.sessionId() != null) {
            repairedIn = sessions.inAlliance(alliance, request.sessionId()).orElse(null);
            if (repairedIn == null) {
                errors.add("sessionId", "no session of this alliance with that id");
            } else if (repairedIn.happenedBefore(surfacedIn)) {
                errors.add("sessionId", "must not precede the session in which the rupture surfaced");
            } else {
                repairedIn.attendance.requireTookPlace("repairs made in it");
                performedAt = repairedIn.occurredAt;
            }
        } else {
            performedAt = request.performedAt().truncatedTo(ChronoUnit.MICROS);
            if (performedAt.isBefore(surfacedIn.occurredAt)) {
                errors.add("performedAt", "must not precede the session in which the rupture surfaced");
            } else if (performedAt.isAfter(OffsetDateTime.now(clock).plusMinutes(FUTURE_TOLERANCE_MINUTES))) {
                errors.add("performedAt", "must not be in the future");
            }
        }
        errors.throwIfAny();
        Repair repair = storeRepair(rupture, repairedIn == null ? null : repairedIn.id, performedAt, request);
        em.flush();
        audit.done(AuditAction.CREATE, AuditedType.REPAIR, repair.id, repair.allianceId);
        return RepairView.of(repair);
    }

    /** Adds every rule the ruptures (and their nested repairs) break to {@code errors}. */
    public void checkRuptures(List<NewRupture> ruptures, String prefix, Integer durationMinutes, InputErrors errors) {
        for (int i = 0; i < ruptures.size(); i++) {
            NewRupture r = ruptures.get(i);
            String at = prefix.isEmpty() ? "" : prefix + "[" + i + "].";
            checkShape(r.type(), r.markers(), r.minuteInSession(), durationMinutes, at, errors);
            List<NewRepair> repairs = r.repairs() == null ? List.of() : r.repairs();
            for (int j = 0; j < repairs.size(); j++) {
                NewRepair repair = repairs.get(j);
                String rat = at + "repairs[" + j + "].";
                if (repair.ruptureId() != null) {
                    errors.add(rat + "ruptureId", "is implied: the repair is nested in its rupture");
                }
                refuseTiming(repair, rat, errors);
                checkRepairShape(repair, rat, errors);
            }
        }
    }

    /**
     * Checks the repairs a posted session makes of earlier ruptures of its alliance: each names its
     * rupture, which must have surfaced no later than this session.
     */
    public void checkSessionRepairs(List<NewRepair> repairs, String prefix, Alliance alliance, OffsetDateTime sessionTime,
            InputErrors errors) {
        for (int i = 0; i < repairs.size(); i++) {
            NewRepair repair = repairs.get(i);
            String at = prefix + "[" + i + "].";
            if (repair.ruptureId() == null) {
                errors.add(at + "ruptureId", "is required: the earlier rupture this session repaired");
            } else {
                Rupture rupture = Rupture.find("id = ?1 and allianceId = ?2 and organizationId = ?3", repair.ruptureId(),
                        alliance.id, alliance.organizationId).firstResult();
                if (rupture == null) {
                    errors.add(at + "ruptureId", "no rupture of this alliance with that id");
                } else if (sessionOf(rupture).occurredAt.isAfter(sessionTime)) {
                    errors.add(at + "ruptureId", "the rupture surfaced after this session");
                }
            }
            refuseTiming(repair, at, errors);
            checkRepairShape(repair, at, errors);
        }
    }

    /** A rupture just stored with the repairs that came with it; its view needs no query. */
    public record StoredRupture(Rupture rupture, List<Repair> repairs) {

        public RuptureView view() {
            return RuptureView.of(rupture, repairs.stream().sorted(READ_ORDER).map(RepairView::of).toList());
        }
    }

    /** Repairs as reads list them: order by performedAt, createdAt, id. */
    public static final Comparator<Repair> READ_ORDER = Comparator.<Repair, java.time.Instant>comparing(r -> r.performedAt.toInstant())
            .thenComparing(ReadOrder.byTimeThenId(r -> r.createdAt, r -> r.id));

    /**
     * Stores a checked rupture of the session with its nested repairs. Its status follows from
     * those repairs from the start, so a rupture that arrives repaired is created RESOLVED.
     */
    public StoredRupture store(TherapySession session, NewRupture request) {
        List<NewRepair> repairs = request.repairs() == null ? List.of() : request.repairs();
        Rupture rupture = new Rupture();
        rupture.id = UUID.randomUUID();
        rupture.organizationId = session.organizationId;
        rupture.allianceId = session.allianceId;
        rupture.sessionId = session.id;
        request.changes().applyTo(rupture);
        rupture.status = RuptureStatus.from(repairs.stream().map(NewRepair::outcome).toList(), false);
        rupture.createdAt = OffsetDateTime.now(clock);
        rupture.updatedAt = rupture.createdAt;
        rupture.persist();
        changeFeed.record(AuditedType.RUPTURE, rupture.id, rupture.allianceId, ChangeAction.CREATE);
        List<Repair> stored = new ArrayList<>();
        for (NewRepair repair : repairs) {
            stored.add(newRepair(rupture, session.id, session.occurredAt, repair));
        }
        return new StoredRupture(rupture, stored);
    }

    /** Stores a checked repair made in the given session of an earlier rupture (ruptureId in the body). */
    public Repair storeSessionRepair(TherapySession session, NewRepair request) {
        Rupture rupture = Rupture.findById(new TenantKey(request.ruptureId(), session.organizationId));
        return storeRepair(rupture, session.id, session.occurredAt, request);
    }

    /** Stores a repair of a rupture stored earlier, whose status then follows from all its repairs. */
    private Repair storeRepair(Rupture rupture, UUID sessionId, OffsetDateTime performedAt, NewRepair request) {
        Repair repair = newRepair(rupture, sessionId, performedAt, request);
        List<RepairOutcome> outcomes = em.createQuery("select r.outcome from Repair r where r.ruptureId = :rupture "
                + "and r.organizationId = :org", RepairOutcome.class)
                .setParameter("rupture", rupture.id).setParameter("org", rupture.organizationId).getResultList();
        updateStatus(rupture, RuptureStatus.from(outcomes, false));
        return repair;
    }

    private Repair newRepair(Rupture rupture, UUID sessionId, OffsetDateTime performedAt, NewRepair request) {
        Repair repair = new Repair();
        repair.id = UUID.randomUUID();
        repair.organizationId = rupture.organizationId;
        repair.allianceId = rupture.allianceId;
        repair.ruptureId = rupture.id;
        repair.sessionId = sessionId;
        repair.performedAt = performedAt;
        repair.strategies = request.strategies().stream().map(Enum::name).toArray(String[]::new);
        repair.initiatedBy = request.initiatedBy() == null ? Initiator.THERAPIST : request.initiatedBy();
        repair.outcome = request.outcome();
        repair.resolutionRating = request.resolutionRating() == null ? null : request.resolutionRating().shortValue();
        repair.description = request.description();
        repair.createdAt = OffsetDateTime.now(clock);
        repair.persist();
        changeFeed.record(AuditedType.REPAIR, repair.id, repair.allianceId, ChangeAction.CREATE);
        return repair;
    }

    /** Closing an alliance leaves its unrepaired ruptures UNRESOLVED_AT_CLOSE; reopening it reopens them. */
    void onClosureChanged(@Observes AllianceClosureChanged change) {
        List<Rupture> ruptures = Rupture.list("allianceId = ?1 and organizationId = ?2", change.allianceId(), change.organizationId());
        Map<UUID, List<RepairOutcome>> outcomes = new HashMap<>();
        for (Object[] row : em.createQuery("select r.ruptureId, r.outcome from Repair r where r.allianceId = :alliance"
                + " and r.organizationId = :org", Object[].class).setParameter("alliance", change.allianceId())
                .setParameter("org", change.organizationId()).getResultList()) {
            outcomes.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((RepairOutcome) row[1]);
        }
        for (Rupture rupture : ruptures) {
            updateStatus(rupture, RuptureStatus.from(outcomes.getOrDefault(rupture.id, List.of()), change.closed()));
        }
    }

    /** The ruptures surfaced in the given sessions (of one organization), by session id, with their repairs: two queries. */
    public Map<UUID, List<RuptureView>> viewsBySession(UUID organizationId, Collection<UUID> sessionIds) {
        Map<UUID, List<RuptureView>> bySession = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return bySession;
        }
        List<Rupture> ruptures = Rupture.list("sessionId in ?1 and organizationId = ?2 order by createdAt, id", sessionIds,
                organizationId);
        for (RuptureView view : views(ruptures)) {
            bySession.computeIfAbsent(view.sessionId(), k -> new ArrayList<>()).add(view);
        }
        return bySession;
    }

    /** The repairs made in the given sessions (of one organization; of ruptures from these or earlier sessions), by session id. */
    public Map<UUID, List<RepairView>> repairsBySession(UUID organizationId, Collection<UUID> sessionIds) {
        Map<UUID, List<RepairView>> bySession = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return bySession;
        }
        List<Repair> repairs = Repair.list("sessionId in ?1 and organizationId = ?2 order by performedAt, createdAt, id", sessionIds,
                organizationId);
        for (Repair repair : repairs) {
            bySession.computeIfAbsent(repair.sessionId, k -> new ArrayList<>()).add(RepairView.of(repair));
        }
        return bySession;
    }

    private static TherapySession sessionOf(Rupture rupture) {
        return TherapySession.<TherapySession>find("id = ?1 and organizationId = ?2", rupture.sessionId, rupture.organizationId)
                .singleResult();
    }

    private Rupture visible(UUID id) {
        AllianceScope scope = AllianceScope.readable(caller.get(), "a");
        return Rupture.<Rupture>find("from Rupture r where r.id = :id and exists "
                + "(select 1 from Alliance a where a.id = r.allianceId and " + scope.where() + ")",
                scope.with(Map.of("id", id))).firstResultOptional().orElseThrow(() -> ApiProblem.notFound("rupture"));
    }

    private List<RuptureView> views(List<Rupture> ruptures) {
        if (ruptures.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<RepairView>> repairs = new HashMap<>();
        // Every rupture listed together is of one organization (the caller's).
        List<Repair> all = Repair.list("ruptureId in ?1 and organizationId = ?2 order by performedAt, createdAt, id",
                ruptures.stream().map(r -> r.id).toList(), ruptures.get(0).organizationId);
        for (Repair repair : all) {
            repairs.computeIfAbsent(repair.ruptureId, k -> new ArrayList<>()).add(RepairView.of(repair));
        }
        return ruptures.stream().map(r -> RuptureView.of(r, repairs.getOrDefault(r.id, List.of()))).toList();
    }

    private static void checkShape(RuptureType type, List<RuptureMarker> markers, Integer minute, Integer duration,
            String at, InputErrors errors) {
        if (type != null && markers != null) {
            for (int k = 0; k < markers.size(); k++) {
                RuptureMarker marker = markers.get(k);
                if (marker != null && !marker.fits(type)) {
                    errors.add(at + "markers[" + k + "]", "is a " + marker.kind().name().toLowerCase()
                            + " marker and does not fit a " + type + " rupture");
                }
            }
        }
        if (minute != null && duration != null && minute > duration) {
            errors.add(at + "minuteInSession", "must not be after the end of the session (" + duration + " minutes)");
        }
    }

    private static void checkRepairShape(NewRepair repair, String at, InputErrors errors) {
        List<RepairStrategy> strategies = repair.strategies() == null ? List.of() : repair.strategies();
        if (strategies.stream().distinct().count() < strategies.size()) {
            errors.add(at + "strategies", "names a strategy twice: an episode uses each strategy once");
        }
        if (strategies.contains(RepairStrategy.OTHER) && (repair.description() == null || repair.description().isBlank())) {
            errors.add(at + "description", "is required when a strategy is OTHER");
        }
    }

    private static void refuseTiming(NewRepair repair, String at, InputErrors errors) {
        if (repair.sessionId() != null) {
            errors.add(at + "sessionId", "is implied: the repair happened in this session");
        }
        if (repair.performedAt() != null) {
            errors.add(at + "performedAt", "is implied: the repair happened in this session");
        }
    }

    private void updateStatus(Rupture rupture, RuptureStatus status) {
        if (rupture.status != status) {
            rupture.status = status;
            rupture.updatedAt = OffsetDateTime.now(clock);
            changeFeed.record(AuditedType.RUPTURE, rupture.id, rupture.allianceId, ChangeAction.UPDATE);
        }
    }
}
