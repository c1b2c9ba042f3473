package app.attune.journal;

import app.attune.alliance.Alliance;
import app.attune.alliance.AllianceFormat;
import app.attune.api.ApiProblem;
import app.attune.api.InputErrors;
import app.attune.audit.AuditAction;
import app.attune.audit.AuditTrail;
import app.attune.audit.AuditedType;
import app.attune.change.ChangeAction;
import app.attune.change.ChangeFeed;
import app.attune.database.TenantKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** Checks and scores completed questionnaires; a score is stored only when the whole measure is valid. */
@ApplicationScoped
public class MeasureService {

    private final SessionAccess sessions;
    private final AuditTrail audit;
    private final ChangeFeed changeFeed;
    private final Clock clock;

    MeasureService(SessionAccess sessions, AuditTrail audit, ChangeFeed changeFeed, Clock clock) {
        this.sessions = sessions;
        this.audit = audit;
        this.changeFeed = changeFeed;
        this.clock = clock;
    }

    @Transactional
    public MeasureView record(UUID sessionId, NewMeasure request) {
        TherapySession session = sessions.lockForChange(sessionId);
        SessionAccess.requireDraft(session);
        session.attendance.requireTookPlace("measures");
        InputErrors errors = new InputErrors();
        // lockForChange has just read and locked the alliance: this is the persistence context's copy, no query.
        check(List.of(request), "", Alliance.findById(new TenantKey(session.allianceId, session.organizationId)), errors);
        errors.throwIfAny();
        if (Measure.count("sessionId = ?1 and organizationId = ?2 and instrument = ?3 and respondent = ?4 and timing = ?5 "
                + "and coalesce(participant, '') = ?6", session.id, session.organizationId, request.instrument(),
                request.respondentOrClient(), request.timing(), Objects.requireNonNullElse(request.participant(), "")) > 0) {
            throw ApiProblem.conflict("This session already has that instrument from that respondent at that timing");
        }
        Measure measure = store(session, request);
        measure.flush();
        audit.done(AuditAction.CREATE, AuditedType.MEASURE, measure.id, session.allianceId);
        return MeasureView.of(measure);
    }

    /**
     * Adds every rule the measures break to {@code errors}, naming fields under {@code prefix}
     * ("measures" for a session's embedded list, "" for a single measure).
     */
    public void check(List<NewMeasure> measures, String prefix, Alliance alliance, InputErrors errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < measures.size(); i++) {
            NewMeasure m = measures.get(i);
            String at = prefix.isEmpty() ? "" : prefix + "[" + i + "].";
            if (m == null || m.instrument() == null || m.items() == null || m.timing() == null) {
                continue; // bean validation has named the missing fields
            }
            if (!m.instrument().respondents().contains(m.respondentOrClient())) {
                errors.add(at + "respondent", m.instrument() + " is answered by " + m.instrument().respondents().stream()
                        .map(Enum::name).sorted().toList());
            }
            String participantProblem = participantProblem(m, alliance);
            if (participantProblem != null) {
                errors.add(at + "participant", participantProblem);
            }
            // Labels are slugs, so "/" cannot occur in one and "" is none.
            if (!seen.add(m.instrument() + "/" + m.respondentOrClient() + "/" + m.timing() + "/"
                    + Objects.toString(m.participant(), ""))) {
                errors.add(at + "instrument", "the same instrument, respondent, participant and timing appear twice");
            }
            if (m.instrument() == Instrument.PSQ_RUPTURE && m.timing() != MeasureTiming.POST_SESSION) {
                errors.add(at + "timing", "a PSQ_RUPTURE is the client's account of the session: POST_SESSION only");
            }
            checkItems(m.instrument(), m.items(), at + "items", errors);
        }
    }

    /** A client's measure in a couple, family or group names whose it is; nobody else's names an unknown one. */
    private static String participantProblem(NewMeasure m, Alliance alliance) {
        if (m.participant() == null) {
            // An individual alliance has no participants: its collection is not even read.
            return m.respondentOrClient() == Respondent.CLIENT && alliance.format != AllianceFormat.INDIVIDUAL
                    && !alliance.participants.isEmpty()
                    ? "is required: whose measure it is, one of " + alliance.participantList() : null;
        }
        if (alliance.format == AllianceFormat.INDIVIDUAL) {
            return "an INDIVIDUAL alliance has no participants";
        }
        return alliance.participants.contains(m.participant()) ? null
                : "is not a participant of this alliance, which names " + alliance.participantList();
    }

    private static void checkItems(Instrument instrument, Map<String, BigDecimal> items, String at, InputErrors errors) {
        for (Map.Entry<String, BigDecimal> answer : items.entrySet()) {
            InstrumentItem item = instrument.item(answer.getKey());
            String field = at + "." + answer.getKey();
            if (item == null) {
                errors.add(field, "is not an item of " + instrument);
            } else if (answer.getValue() == null) {
                errors.add(field, "must be a number");
            } else if (item.problemWith(answer.getValue()) != null) {
                errors.add(field, item.problemWith(answer.getValue()));
            } else if (!instrument.allows(item.code(), items)) {
                errors.add(field, "is answered only when a rupture occurred (OCCURRED 1)");
            }
        }
        for (InstrumentItem item : instrument.items()) {
            if (!items.containsKey(item.code()) && instrument.requires(item.code(), items)) {
                errors.add(at + "." + item.code(), "is required");
            }
        }
    }

    /** Stores a checked measure of the session. */
    public Measure store(TherapySession session, NewMeasure request) {
        Measure measure = new Measure();
        measure.id = UUID.randomUUID();
        measure.organizationId = session.organizationId;
        measure.allianceId = session.allianceId;
        measure.sessionId = session.id;
        measure.instrument = request.instrument();
        measure.respondent = request.respondentOrClient();
        measure.timing = request.timing();
        measure.participant = request.participant();
        measure.items = new TreeMap<>();
        // Checked to at most one decimal, so the scale never rounds; it matches numeric(3,1) on reads.
        request.items().forEach((code, score) -> measure.items.put(code, score.setScale(1, RoundingMode.UNNECESSARY)));
        measure.total = request.instrument().total(measure.items);
        measure.lowestItem = measure.items.values().stream().min(BigDecimal::compareTo).orElse(null);
        Map<String, BigDecimal> subscales = request.instrument().subscaleTotals(measure.items);
        measure.task = subscales.get("TASK");
        measure.bond = subscales.get("BOND");
        measure.goal = subscales.get("GOAL");
        measure.ruptureReported = request.instrument() == Instrument.PSQ_RUPTURE
                ? measure.items.get("OCCURRED").compareTo(BigDecimal.ONE) == 0 : null;
        measure.createdAt = OffsetDateTime.now(clock);
        measure.persist();
        changeFeed.record(AuditedType.MEASURE, measure.id, session.allianceId, ChangeAction.CREATE);
        return measure;
    }

    /** The measures of the given sessions (of one organization), by session id, in one query. */
    public Map<UUID, List<MeasureView>> viewsBySession(UUID organizationId, Collection<UUID> sessionIds) {
        Map<UUID, List<MeasureView>> views = new TreeMap<>();
        if (sessionIds.isEmpty()) {
            return views;
        }
        List<Measure> measures = Measure.<Measure>find(
                "select distinct m from Measure m left join fetch m.items where m.sessionId in ?1 and m.organizationId = ?2 "
                        + "order by m.createdAt, m.id", sessionIds, organizationId).list();
        for (Measure m : measures) {
            views.computeIfAbsent(m.sessionId, k -> new ArrayList<>()).add(MeasureView.of(m));
        }
        return views;
    }
}
