package app.attune.journal;

import app.attune.alliance.Alliance;
import app.attune.alliance.AllianceRepository;
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
import app.attune.idempotency.ReplayedResource;
import app.attune.identity.Caller;
import app.attune.identity.CurrentCaller;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sessions and their notes. A session arrives alone or with its measures, ruptures and repairs,
 * and is stored whole or not at all; once signed its note never changes.
 */
@ApplicationScoped
public class SessionService {

    private final CurrentCaller caller;
    private final AllianceService alliances;
    private final AllianceRepository allianceRepository;
    private final SessionAccess sessions;
    private final MeasureService measures;
    private final RuptureService ruptures;
    private final EntityManager em;
    private final AuditTrail audit;
    private final ChangeFeed changeFeed;
    private final Clock clock;

    SessionService(CurrentCaller caller, AllianceService alliances, AllianceRepository allianceRepository,
            SessionAccess sessions, MeasureService measures, RuptureService ruptures, EntityManager em,
            AuditTrail audit, ChangeFeed changeFeed, Clock clock) {
        this.audit = audit;
        this.changeFeed = changeFeed;
        this.caller = caller;
        this.alliances = alliances;
        this.allianceRepository = allianceRepository;
        this.sessions = sessions;
        this.measures = measures;
        this.ruptures = ruptures;
        this.em = em;
        this.clock = clock;
    }

    /** A session marked as not having taken place must not hold measures or repairs made in it. */
    private void requireNothingMadeIn(TherapySession session, Attendance attendance) {
        long measuresIn = em.createQuery("select count(m) from Measure m where m.sessionId = :session and m.organizationId = :org",
                Long.class).setParameter("session", session.id).setParameter("org", session.organizationId).getSingleResult();
        long repairsIn = em.createQuery("select count(r) from Repair r where r.sessionId = :session and r.organizationId = :org",
                Long.class).setParameter("session", session.id).setParameter("org", session.organizationId).getSingleResult();
        if (measuresIn > 0) {
            attendance.requireTookPlace("measures");
        }
        if (repairsIn > 0) {
            attendance.requireTookPlace("repairs made in it");
        }
    }

    /** A replayed answer that shows a session is a read of that session. */
    @Produces
    static ReplayedResource replayed(SessionService sessions) {
        return new ReplayedResource("sessions", sessions::get);
    }

    @Transactional
    public SessionView record(UUID allianceId, NewSession request) {
        Alliance alliance = alliances.openForWork(allianceId);
        OffsetDateTime occurredAt = request.occurredAt().truncatedTo(ChronoUnit.MICROS);
        InputErrors errors = new InputErrors();
        if (!alliance.startedBy(occurredAt)) {
            errors.add("occurredAt", "must not be before the alliance started (" + alliance.startedOn + ")");
        }
        measures.check(request.measuresOrNone(), "measures", alliance, errors);
        ruptures.checkRuptures(request.rupturesOrNone(), "ruptures", request.durationMinutes(), errors);
        ruptures.checkSessionRepairs(request.repairsOrNone(), "repairs", alliance, occurredAt, errors);
        errors.throwIfAny();
        if (!request.measuresOrNone().isEmpty()) {
            request.attendance().requireTookPlace("measures");
        }
        if (!request.repairsOrNone().isEmpty() || request.rupturesOrNone().stream().anyMatch(NewRupture::hasRepairs)) {
            request.attendance().requireTookPlace("repairs made in it");
        }
        if (request.externalId() != null
                && TherapySession.count("organizationId = ?1 and externalId = ?2", alliance.organizationId, request.externalId()) > 0) {
            throw ApiProblem.conflict("externalId is already used by another session of this organization");
        }
        if (request.privateNote() != null) {
            requirePrivateNoteWriter(alliance);
        }

        TherapySession session = new TherapySession();
        session.id = UUID.randomUUID();
        session.organizationId = alliance.organizationId;
        session.allianceId = alliance.id;
        session.number = allianceRepository.nextSessionNumber(alliance);
        session.externalId = request.externalId();
        request.changes().applyTo(session);
        session.privateNote = request.privateNote();
        session.privateNoteAuthorId = request.privateNote() == null ? null : caller.get().practitionerId();
        session.status = SessionStatus.DRAFT;
        session.createdAt = OffsetDateTime.now(clock);
        session.updatedAt = session.createdAt;
        session.persist();
        changeFeed.record(AuditedType.SESSION, session.id, session.allianceId, ChangeAction.CREATE);
        List<Measure> measuresMade = new ArrayList<>();
        for (var measure : request.measuresOrNone()) {
            measuresMade.add(measures.store(session, measure));
        }
        List<RuptureService.StoredRupture> rupturesMade = new ArrayList<>();
        List<Repair> repairsMade = new ArrayList<>();
        for (NewRupture rupture : request.rupturesOrNone()) {
            RuptureService.StoredRupture stored = ruptures.store(session, rupture);
            rupturesMade.add(stored);
            repairsMade.addAll(stored.repairs());
        }
        for (NewRepair repair : request.repairsOrNone()) {
            repairsMade.add(ruptures.storeSessionRepair(session, repair));
        }
        em.flush();
        // Built from what was just stored, in the order a read returns it: no queries to read it back.
        List<MeasureView> measureViews = measuresMade.stream()
                .sorted(ReadOrder.byTimeThenId((Measure m) -> m.createdAt, m -> m.id)).map(MeasureView::of).toList();
        List<RuptureView> ruptureViews = rupturesMade.stream()
                .sorted(ReadOrder.byTimeThenId((RuptureService.StoredRupture r) -> r.rupture().createdAt, r -> r.rupture().id))
                .map(RuptureService.StoredRupture::view).toList();
        List<RepairView> repairViews = repairsMade.stream().sorted(RuptureService.READ_ORDER).map(RepairView::of).toList();
        SessionView view = view(session, List.of(), measureViews, ruptureViews, repairViews);
        audit.done(AuditAction.CREATE, AuditedType.SESSION, session.id, session.allianceId);
        return view;
    }

    @Transactional
    public SessionView get(UUID id) {
        return done(AuditAction.READ, sessions.visible(id));
    }

    @Transactional
    public Page<SessionView> list(UUID allianceId, PageRequest page) {
        Alliance alliance = alliances.visible(allianceId);
        var query = TherapySession.<TherapySession>find("allianceId = ?1 and organizationId = ?2",
                        Sort.by("occurredAt").and("number"), alliance.id, alliance.organizationId)
                .page(page.page(), page.size());
        Page<SessionView> found = Page.of(views(query.list()), page, query.count());
        audit.done(AuditAction.LIST, AuditedType.SESSION, null, alliance.id);
        return found;
    }

    /** The sessions with the EHR's id that the caller may see (at most one). */
    @Transactional
    public Page<SessionView> findByExternalId(String externalId, PageRequest page) {
        List<TherapySession> found = sessions.withExternalId(externalId);
        Page<SessionView> result = Page.of(views(found), page, found.size());
        audit.done(AuditAction.LIST, AuditedType.SESSION, null, null);
        return result;
    }

    @Transactional
    public SessionView change(UUID id, long expectedVersion, Patch<SessionChanges> patch) {
        TherapySession session = sessions.forChange(id);
        Versions.check(expectedVersion, session.version);
        SessionAccess.requireDraft(session);
        boolean privateNoteChanges = patch.has("privateNote");
        if (privateNoteChanges) {
            requirePrivateNoteWriter(alliances.visible(session.allianceId));
        }
        SessionChanges changes = patch.over(SessionChanges.of(session, readsPrivateNote(session)));
        OffsetDateTime occurredAt = changes.occurredAt().truncatedTo(ChronoUnit.MICROS);
        Alliance alliance = alliances.visible(session.allianceId);
        InputErrors errors = new InputErrors();
        if (!alliance.startedBy(occurredAt)) {
            errors.add("occurredAt", "must not be before the alliance started (" + alliance.startedOn + ")");
        }
        checkAgainstRuptures(session, occurredAt, changes.durationMinutes(), errors);
        errors.throwIfAny();
        if (!occurredAt.isEqual(session.occurredAt)) {
            for (UUID repair : em.createQuery("select r.id from Repair r where r.sessionId = :session", UUID.class)
                    .setParameter("session", session.id).getResultList()) {
                changeFeed.record(AuditedType.REPAIR, repair, session.allianceId, ChangeAction.UPDATE);
            }
            // Repairs made in the session happened when it did.
            em.createQuery("update Repair r set r.performedAt = :time where r.sessionId = :session")
                    .setParameter("time", occurredAt).setParameter("session", session.id).executeUpdate();
        }
        if (session.attendance.tookPlace() && !changes.attendance().tookPlace()) {
            requireNothingMadeIn(session, changes.attendance());
        }
        changes.applyTo(session);
        if (privateNoteChanges) {
            session.privateNote = changes.privateNote();
            session.privateNoteAuthorId = changes.privateNote() == null ? null : caller.get().practitionerId();
        }
        session.updatedAt = OffsetDateTime.now(clock);
        em.flush();
        changeFeed.record(AuditedType.SESSION, session.id, session.allianceId, ChangeAction.UPDATE);
        return done(AuditAction.UPDATE, session);
    }

    @Transactional
    public SessionView sign(UUID id, long expectedVersion) {
        TherapySession session = sessions.lockForChange(id);
        Versions.check(expectedVersion, session.version);
        if (session.status == SessionStatus.SIGNED) {
            throw ApiProblem.conflict("The session is already signed");
        }
        session.status = SessionStatus.SIGNED;
        session.signedAt = OffsetDateTime.now(clock);
        session.signedBy = caller.get().practitionerId();
        session.updatedAt = session.signedAt;
        // The alliance's therapist's licence at signing decides; a later change of licence leaves signed sessions be.
        session.awaitingCosign = !therapistOf(session).licensed();
        session.cosignedBy = null;
        session.cosignedAt = null;
        em.flush();
        changeFeed.record(AuditedType.SESSION, session.id, session.allianceId, ChangeAction.SIGN);
        return done(AuditAction.SIGN, session);
    }

    /** Co-signs a session awaiting it: the therapist's supervisor's one write on a supervisee's journal. */
    @Transactional
    public SessionView cosign(UUID id, long expectedVersion) {
        TherapySession session = awaitingCosignBySupervisor(id, expectedVersion);
        session.awaitingCosign = false;
        session.cosignedBy = caller.get().practitionerId();
        session.cosignedAt = OffsetDateTime.now(clock);
        session.updatedAt = session.cosignedAt;
        em.flush();
        changeFeed.record(AuditedType.SESSION, session.id, session.allianceId, ChangeAction.COSIGN);
        return done(AuditAction.SIGN, session);
    }

    /** Returns a session awaiting co-signature to DRAFT, keeping the supervisor's comment beside it. */
    @Transactional
    public SessionView returnToTherapist(UUID id, long expectedVersion, NewAddendum comment) {
        TherapySession session = awaitingCosignBySupervisor(id, expectedVersion);
        session.status = SessionStatus.DRAFT;
        session.signedAt = null;
        session.signedBy = null;
        session.awaitingCosign = false;
        session.updatedAt = OffsetDateTime.now(clock);
        SessionAddendum returned = new SessionAddendum();
        returned.id = UUID.randomUUID();
        returned.organizationId = session.organizationId;
        returned.sessionId = session.id;
        returned.authorId = caller.get().practitionerId();
        returned.writtenAt = session.updatedAt;
        returned.kind = "RETURN";
        returned.text = comment.text();
        returned.persist();
        em.flush();
        changeFeed.record(AuditedType.SESSION, session.id, session.allianceId, ChangeAction.UPDATE);
        return done(AuditAction.UPDATE, session);
    }

    /**
     * The session, locked as signing locks it, for its therapist's supervisor: 404 when the caller
     * cannot see it, 403 when it is not the therapist's supervisor, 412 on a stale version, 409 when
     * it awaits no co-signature.
     */
    private TherapySession awaitingCosignBySupervisor(UUID id, long expectedVersion) {
        TherapySession session = sessions.lockForSupervision(id);
        TherapistRecord therapist = therapistOf(session);
        if (!caller.get().practitionerId().equals(therapist.supervisorId())) {
            throw ApiProblem.forbidden("Only the therapist's supervisor co-signs or returns its sessions");
        }
        Versions.check(expectedVersion, session.version);
        if (!session.awaitingCosign) {
            throw ApiProblem.conflict("The session awaits no co-signature");
        }
        return session;
    }

    /** What co-signature needs to know of the alliance's therapist. */
    private record TherapistRecord(boolean licensed, UUID supervisorId) {
    }

    private TherapistRecord therapistOf(TherapySession session) {
        Object[] row = em.createQuery("select p.licensed, p.supervisorId from Practitioner p, Alliance a where a.id = :alliance "
                + "and a.organizationId = :org and p.id = a.therapistId and p.organizationId = :org", Object[].class)
                .setParameter("alliance", session.allianceId).setParameter("org", session.organizationId).getSingleResult();
        return new TherapistRecord((Boolean) row[0], (UUID) row[1]);
    }

    @Transactional
    public AddendumView addAddendum(UUID id, NewAddendum request) {
        TherapySession session = sessions.forChange(id);
        if (session.status != SessionStatus.SIGNED) {
            throw ApiProblem.conflict("The session is a draft; change its note directly until it is signed");
        }
        SessionAddendum addendum = new SessionAddendum();
        addendum.id = UUID.randomUUID();
        addendum.organizationId = session.organizationId;
        addendum.sessionId = session.id;
        addendum.authorId = caller.get().practitionerId();
        addendum.writtenAt = OffsetDateTime.now(clock);
        addendum.text = request.text();
        addendum.persistAndFlush();
        // An addendum changes what the session says.
        changeFeed.record(AuditedType.SESSION, session.id, session.allianceId, ChangeAction.UPDATE);
        audit.done(AuditAction.CREATE, AuditedType.ADDENDUM, addendum.id, session.allianceId);
        return AddendumView.of(addendum);
    }

    private SessionView done(AuditAction action, TherapySession session) {
        SessionView view = views(List.of(session)).get(0);
        audit.done(action, AuditedType.SESSION, session.id, session.allianceId);
        return view;
    }

    /**
     * Psychotherapy notes are written by the alliance's own therapist only: not by an
     * integration, not by a supervisor.
     */
    private void requirePrivateNoteWriter(Alliance alliance) {
        Caller me = caller.get();
        if (!me.treats() || !me.practitionerId().equals(alliance.therapistId)) {
            throw ApiProblem.forbidden("Only the alliance's therapist writes a private note");
        }
    }

    /** Only the author of a private note ever reads it. */
    private boolean readsPrivateNote(TherapySession session) {
        return session.privateNoteAuthorId != null && session.privateNoteAuthorId.equals(caller.get().practitionerId());
    }

    /**
     * A session moved in time or shortened must stay consistent with its ruptures and repairs: no
     * repair before its rupture, no rupture after the end of its session.
     */
    private void checkAgainstRuptures(TherapySession session, OffsetDateTime occurredAt, Integer durationMinutes,
            InputErrors errors) {
        if (durationMinutes != null) {
            Integer latestMinute = em.createQuery("select max(r.minuteInSession) from Rupture r where r.sessionId = :session "
                    + "and r.organizationId = :org", Integer.class)
                    .setParameter("session", session.id).setParameter("org", session.organizationId).getSingleResult();
            if (latestMinute != null && latestMinute > durationMinutes) {
                errors.add("durationMinutes", "must not end before a rupture tagged at minute " + latestMinute);
            }
        }
        if (occurredAt.isEqual(session.occurredAt)) {
            return;
        }
        long repairedEarlier = em.createQuery("""
                select count(r) from Repair r, Rupture u, TherapySession s
                where r.sessionId = :session and u.id = r.ruptureId and s.id = u.sessionId and s.id <> :session
                and s.occurredAt > :time""", Long.class)
                .setParameter("session", session.id).setParameter("time", occurredAt).getSingleResult();
        long repairedBefore = em.createQuery("""
                select count(r) from Repair r, Rupture u
                where u.sessionId = :session and r.ruptureId = u.id
                and (r.sessionId is null or r.sessionId <> :session) and r.performedAt < :time""", Long.class)
                .setParameter("session", session.id).setParameter("time", occurredAt).getSingleResult();
        if (repairedEarlier > 0) {
            errors.add("occurredAt", "must not precede a rupture this session repaired");
        }
        if (repairedBefore > 0) {
            errors.add("occurredAt", "must not follow a repair of a rupture that surfaced in this session");
        }
    }

    /** Whole views of the given sessions, with a fixed number of queries however many there are. */
    private List<SessionView> views(List<TherapySession> list) {
        List<UUID> ids = list.stream().map(s -> s.id).toList();
        Map<UUID, List<AddendumView>> addenda = new HashMap<>();
        if (!ids.isEmpty()) {
            // Sessions viewed together are of one organization (the caller's).
            for (SessionAddendum a : SessionAddendum.<SessionAddendum>list(
                    "sessionId in ?1 and organizationId = ?2 order by writtenAt, id", ids, list.get(0).organizationId)) {
                addenda.computeIfAbsent(a.sessionId, k -> new ArrayList<>()).add(AddendumView.of(a));
            }
        }
        UUID organizationId = list.isEmpty() ? null : list.get(0).organizationId;
        Map<UUID, List<MeasureView>> measuresBySession = measures.viewsBySession(organizationId, ids);
        Map<UUID, List<RuptureView>> rupturesBySession = ruptures.viewsBySession(organizationId, ids);
        Map<UUID, List<RepairView>> repairsBySession = ruptures.repairsBySession(organizationId, ids);
        return list.stream().map(s -> view(s, addenda.getOrDefault(s.id, List.of()), measuresBySession.getOrDefault(s.id, List.of()),
                rupturesBySession.getOrDefault(s.id, List.of()), repairsBySession.getOrDefault(s.id, List.of()))).toList();
    }

    private SessionView view(TherapySession s, List<AddendumView> addenda, List<MeasureView> measures, List<RuptureView> ruptures,
            List<RepairView> repairs) {
        return new SessionView(s.id, s.allianceId, s.externalId, s.number, s.occurredAt, s.durationMinutes, s.mode, s.attendance,
                s.note, readsPrivateNote(s) ? s.privateNote : null, s.status, s.signedAt, s.awaitingCosign, s.cosignedBy, s.cosignedAt, addenda, measures, ruptures, repairs,
                s.version);
    }
}
