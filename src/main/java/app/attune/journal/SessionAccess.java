package app.attune.journal;

import app.attune.access.AllianceScope;
import app.attune.alliance.Alliance;
import app.attune.alliance.AllianceService;
import app.attune.api.ApiProblem;
import app.attune.identity.CurrentCaller;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Finds sessions the caller may see: those of the alliances {@link AllianceScope} lets it read. */
@ApplicationScoped
public class SessionAccess {

    private final CurrentCaller caller;
    private final AllianceService alliances;

    SessionAccess(CurrentCaller caller, AllianceService alliances) {
        this.caller = caller;
        this.alliances = alliances;
    }

    /** The session, or 404 exactly as for a session that does not exist. */
    public TherapySession visible(UUID sessionId) {
        return find(sessionId).orElseThrow(() -> ApiProblem.notFound("session"));
    }

    /** The session and its alliance, locked, for work that adds to it; 403 if the caller may only read it, 409 once the alliance is closed. */
    public TherapySession openForWork(UUID sessionId) {
        TherapySession session = visible(sessionId);
        alliances.openForWork(session.allianceId);
        return readAgain(session);
    }

    /**
     * The session, with its alliance locked, for signing it or adding a measure: the lock that adding
     * a rupture or repair takes, so that nothing is added to a session in the instant it is signed.
     */
    public TherapySession lockForChange(UUID sessionId) {
        TherapySession session = visible(sessionId);
        alliances.lockForChange(session.allianceId);
        return readAgain(session);
    }

    /**
     * The session, with its alliance locked as for signing, for its supervisor, who may only read the
     * journal otherwise; who it is, the caller checks.
     */
    public TherapySession lockForSupervision(UUID sessionId) {
        TherapySession session = visible(sessionId);
        alliances.lockVisible(session.allianceId);
        return readAgain(session);
    }

    /** Read before the lock was granted, the session may since have been signed by its holder. */
    private static TherapySession readAgain(TherapySession session) {
        TherapySession.getEntityManager().refresh(session);
        return session;
    }

    /** The session, for a change: 404 if the caller cannot see it, 403 if it may only read it. */
    public TherapySession forChange(UUID sessionId) {
        TherapySession session = visible(sessionId);
        AllianceScope.requireChangeable(caller.get(), alliances.visible(session.allianceId).therapistId);
        return session;
    }

    /** A signed session is locked: what it records changes only through addenda (409 otherwise). */
    public static void requireDraft(TherapySession session) {
        if (session.status == SessionStatus.SIGNED) {
            throw ApiProblem.conflict("The session is signed and locked; write an addendum instead");
        }
    }

    /** A session of the given alliance, for a reference from a body (a repair's sessionId). */
    public Optional<TherapySession> inAlliance(Alliance alliance, UUID sessionId) {
        return TherapySession.find("id = ?1 and allianceId = ?2 and organizationId = ?3", sessionId, alliance.id, alliance.organizationId)
                .firstResultOptional();
    }

    /** The session with the EHR's id, if the caller may see it. */
    public List<TherapySession> withExternalId(String externalId) {
        AllianceScope scope = AllianceScope.readable(caller.get(), "a");
        return TherapySession.<TherapySession>find("from TherapySession s where s.externalId = :externalId and exists "
                + "(select 1 from Alliance a where a.id = s.allianceId and " + scope.where() + ")",
                scope.with(Map.of("externalId", externalId))).list();
    }

    private Optional<TherapySession> find(UUID sessionId) {
        AllianceScope scope = AllianceScope.readable(caller.get(), "a");
        return TherapySession.<TherapySession>find("from TherapySession s where s.id = :id and exists "
                + "(select 1 from Alliance a where a.id = s.allianceId and " + scope.where() + ")",
                scope.with(Map.of("id", sessionId))).firstResultOptional();
    }
}
