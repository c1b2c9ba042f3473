package app.attune.report;

import app.attune.journal.RepairStrategy;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The report statements. Each reads only the rows of the alliances asked for, through the
 * alliance indexes, and does its arithmetic in PostgreSQL with aggregates and window functions:
 * a report costs a fixed number of statements whatever the length of the alliance.
 */
@ApplicationScoped
public class ReportQueries {

    /** One row per session in range, with its counts and the scores it was rated with. */
    static final String ROWS = """
            -- A report is as of its range's end: every session up to it is read, so that "previous" and
            -- "last five" reach back before the range; rows and counts are those in range.
            with scope as (
                select s.alliance_id, s.id, s.number, s.occurred_at, s.attendance, s.occurred_at >= :from as in_range
                from session s
                where s.organization_id = :org and s.alliance_id = any(cast(:ids as uuid[])) and s.occurred_at < :to
            ),
            -- Counts and scores are read by alliance (one index range each) and matched to sessions.
            rupture_counts as (
                select r.session_id, count(*) as total,
                       count(*) filter (where r.type = 'WITHDRAWAL') as withdrawal,
                       count(*) filter (where r.type = 'CONFRONTATION') as confrontation,
                       count(*) filter (where r.type = 'MIXED') as mixed,
                       count(*) filter (where r.reported_by = 'THERAPIST') as by_therapist,
                       count(*) filter (where r.reported_by in ('SUPERVISOR', 'OBSERVER')) as by_observer,
                       max(r.significance) as max_significance
                from rupture r
                where r.organization_id = :org and r.alliance_id = any(cast(:ids as uuid[]))
                group by r.session_id
            ),
            repair_counts as (
                select rp.session_id, count(*) as repairs
                from repair rp
                where rp.organization_id = :org and rp.alliance_id = any(cast(:ids as uuid[])) and rp.session_id is not null
                group by rp.session_id
            ),
            -- One measure per session, instrument and participant, the client's own: SRS after and ORS
            -- before the session.
            measured as (
                select distinct on (m.session_id, m.instrument, m.participant) m.session_id, m.instrument, m.participant,
                       m.total, m.lowest_item, m.task, m.bond, m.goal, m.rupture_reported
                from measure m
                where m.organization_id = :org and m.alliance_id = any(cast(:ids as uuid[])) and m.respondent = 'CLIENT'
                order by m.session_id, m.instrument, m.participant,
                         case when m.instrument = 'ORS' then m.timing <> 'PRE_SESSION' else m.timing <> 'POST_SESSION' end,
                         m.created_at
            ),
            -- A couple's, family's or group's flags follow its lowest participant (the WAI-SR's subscales
            -- are that participant's); a PSQ reports a rupture when any participant's does.
            scores as (
                select session_id, instrument, min(total) as total, min(lowest_item) as lowest_item,
                       (array_agg(task order by total, participant))[1] as task,
                       (array_agg(bond order by total, participant))[1] as bond,
                       (array_agg(goal order by total, participant))[1] as goal,
                       bool_or(rupture_reported) as rupture_reported,
                       jsonb_object_agg(participant, total) filter (where participant is not null) as by_participant
                from measured group by session_id, instrument
            ),
            -- Reliable change counts from the alliance's first ORS, whatever the date range.
            ors_baseline as (
                select distinct on (s.alliance_id) s.alliance_id, sc.total
                from scores sc join session s on s.id = sc.session_id and s.organization_id = :org
                where sc.instrument = 'ORS'
                order by s.alliance_id, s.occurred_at, s.number
            ),
            -- Sessions in the order they happened (EHRs backfill): position is the chronological rank.
            session_rows as (
                select sc.alliance_id, sc.id, sc.number, sc.occurred_at, sc.attendance, sc.in_range,
                       row_number() over (partition by sc.alliance_id order by sc.occurred_at, sc.number) as position,
                       coalesce(rc.total, 0) as ruptures, coalesce(rc.withdrawal, 0) as withdrawal,
                       coalesce(rc.confrontation, 0) as confrontation, coalesce(rc.mixed, 0) as mixed,
                       rc.max_significance, coalesce(rpc.repairs, 0) as repairs,
                       coalesce(rc.by_therapist, 0) as by_therapist, coalesce(rc.by_observer, 0) as by_observer,
                       srs.total as srs, srs.lowest_item as srs_lowest_item, srs.by_participant as srs_by_participant,
                       wai.by_participant as wai_by_participant, ors.total as ors,
                       wai.total as wai, wai.task, wai.bond, wai.goal, psq.rupture_reported
                from scope sc
                left join rupture_counts rc on rc.session_id = sc.id
                left join repair_counts rpc on rpc.session_id = sc.id
                left join scores srs on srs.session_id = sc.id and srs.instrument = 'SRS'
                left join scores ors on ors.session_id = sc.id and ors.instrument = 'ORS'
                left join scores wai on wai.session_id = sc.id and wai.instrument = 'WAI_SR'
                left join scores psq on psq.session_id = sc.id and psq.instrument = 'PSQ_RUPTURE'
            ),
            -- Sessions with an SRS, each with the one rated before it and the best of the next few.
            -- Each rated session with the one rated before it, and its level: the best score so far, which
            -- a dip must get back to.
            rated as (
                select alliance_id, id, number, occurred_at, position, in_range, srs,
                       lag(srs) over by_time as previous_srs,
                       row_number() over (partition by alliance_id order by position desc) as recency,
                       row_number() over by_time as rated_index,
                       max(srs) over (by_time rows between unbounded preceding and 1 preceding) as level
                from session_rows
                where srs is not null
                window by_time as (partition by alliance_id order by position)
            ),
            ors_rated as (
                select r.alliance_id, r.number, r.ors - b.total as ors_change
                from session_rows r join ors_baseline b on b.alliance_id = r.alliance_id
                where r.ors is not null
            )
            """;

    static final String SESSIONS = ROWS + """
            select r.number, r.occurred_at, r.attendance, r.ruptures, r.withdrawal, r.confrontation, r.mixed,
                   r.max_significance, r.repairs, r.srs, r.ors, r.wai, r.task, r.bond, r.goal,
                   cast(r.srs_by_participant as text) as srs_by_participant,
                   cast(r.wai_by_participant as text) as wai_by_participant,
                   cast(to_jsonb(array_remove(array[
                       case when r.srs < :srsCutoff then 'SRS_BELOW_CUTOFF' end,
                       case when rt.srs <= rt.previous_srs - :srsDrop then 'SRS_DROP' end,
                       case when r.srs_lowest_item < :srsItemFloor then 'SRS_ITEM_LOW' end,
                       case when r.ors < :orsCutoff then 'ORS_BELOW_CUTOFF' end,
                       case when o.ors_change >= :orsChange then 'ORS_RELIABLE_IMPROVEMENT' end,
                       case when o.ors_change <= - :orsChange then 'ORS_RELIABLE_DETERIORATION' end], null)) as text) as flags
            from session_rows r
            left join rated rt on rt.alliance_id = r.alliance_id and rt.number = r.number
            left join ors_rated o on o.alliance_id = r.alliance_id and o.number = r.number
            where r.in_range
            order by r.position
            """;

    /** Each rupture that surfaced in range: its status as of the range's end, its repair's time and gain. */
    static final String RUPTURE_FIGURES = ROWS + """
            ,
            -- Each rupture that surfaced in range, with its status as of the range's end: from the
            -- repairs made by then, as RuptureStatus.from derives it, and the alliance's closing if it
            -- had closed by then.
            surfaced as (
                select r.alliance_id, r.id, r.type, r.tags, r.reported_by, r.created_at, sc.id as session_id,
                       sc.number as session_number, sc.occurred_at as surfaced_at, sc.attendance,
                       case when bool_or(rp.outcome = 'RESOLVED') then 'RESOLVED'
                            when r.status = 'UNRESOLVED_AT_CLOSE' and a.ended_on <= :lastDay then 'UNRESOLVED_AT_CLOSE'
                            when bool_or(rp.outcome = 'PARTIALLY_RESOLVED') then 'PARTIALLY_RESOLVED'
                            else 'OPEN' end as status
                from rupture r join scope sc on sc.id = r.session_id join alliance a on a.id = r.alliance_id and a.organization_id = :org
                left join repair rp on rp.rupture_id = r.id and rp.organization_id = :org and rp.performed_at < :to
                where r.organization_id = :org and r.alliance_id = any(cast(:ids as uuid[])) and sc.in_range
                -- r's and a's columns follow their keys (id and organization_id)
                group by r.id, r.organization_id, a.id, a.organization_id, sc.id, sc.number, sc.occurred_at, sc.attendance
            ),
            -- The repair that resolved each rupture (the first with outcome RESOLVED), carrying its
            -- rupture's session so that no second join is needed.
            resolving as (
                select distinct on (rp.rupture_id) rp.rupture_id, su.alliance_id, su.session_id as surfaced_in, su.session_number,
                       su.surfaced_at, rp.session_id, rp.performed_at
                from repair rp join surfaced su on su.id = rp.rupture_id and rp.organization_id = :org
                -- Scoped through its rupture: a filter on the alliance ids here would be checked against the
                -- whole id list for every repair (4 s for 300 alliances at tenfold).
                where rp.alliance_id = su.alliance_id and rp.outcome = 'RESOLVED' and rp.performed_at < :to
                order by rp.rupture_id, rp.performed_at, rp.created_at
            ),
            -- Each session's place in time, and how many rated sessions came before it.
            timeline as (
                select alliance_id, id, position, occurred_at,
                       count(srs) over (partition by alliance_id order by position
                                        rows between unbounded preceding and 1 preceding) as rated_before
                from session_rows
            ),
            -- Materialized: the rupture list joins each rupture to these, and an inlined copy would be
            -- evaluated again for every rupture (the planner expects one rupture; 35 s for 1,000).
            repair_times as materialized (
                select res.rupture_id, res.alliance_id, res.session_id = res.surfaced_in as same_session,
                       -- Sessions that happened after the rupture's, up to the repair (the repair's own included).
                       case when res.session_id is not null then rt.position - st.position
                            else (select count(*) from timeline t where t.alliance_id = res.alliance_id
                                  and t.position > st.position and t.occurred_at <= res.performed_at) end as sessions_to_repair,
                       extract(epoch from res.performed_at - res.surfaced_at) / 86400 as days_to_repair
                from resolving res
                join timeline st on st.id = res.surfaced_in
                left join timeline rt on rt.id = res.session_id
            ),
            -- Did the alliance deepen? The SRS from the last rated session before the rupture surfaced to
            -- the first rated after the repair that resolved it (a repair's own session rates after it).
            repair_gains as materialized (
                select res.rupture_id, res.alliance_id, after_repair.srs - before_rupture.srs as gain
                from resolving res
                join timeline st on st.id = res.surfaced_in
                left join timeline rt on rt.id = res.session_id
                left join rated before_rupture on before_rupture.alliance_id = res.alliance_id
                     and before_rupture.rated_index = st.rated_before
                left join rated after_repair on after_repair.alliance_id = res.alliance_id
                     and after_repair.rated_index = 1 + coalesce(rt.rated_before, (select count(*) from rated r
                         where r.alliance_id = res.alliance_id and r.occurred_at <= res.performed_at))
            )
            """;

    static final String RUPTURES = RUPTURE_FIGURES + """
            select su.id, su.session_number, su.surfaced_at, su.type, su.reported_by, su.status, rt.sessions_to_repair,
                   rt.days_to_repair, g.gain as srs_gain
            from surfaced su
            left join repair_times rt on rt.rupture_id = su.id
            left join repair_gains g on g.rupture_id = su.id
            order by su.surfaced_at, su.session_number, su.created_at, su.id
            """;

    static final String SUMMARIES = RUPTURE_FIGURES + """
            ,
            gain_summary as (
                select alliance_id, count(gain) as gains, percentile_cont(0.5) within group (order by gain) as median_gain,
                       count(*) filter (where gain > 0) as rose
                from repair_gains group by alliance_id
            ),
            rupture_summary as (
                select alliance_id, count(*) as total,
                       count(*) filter (where type = 'WITHDRAWAL') as withdrawal,
                       count(*) filter (where type = 'CONFRONTATION') as confrontation,
                       count(*) filter (where type = 'MIXED') as mixed,
                       count(*) filter (where status = 'RESOLVED') as resolved,
                       count(*) filter (where status in ('OPEN', 'PARTIALLY_RESOLVED')) as open_ruptures,
                       min(surfaced_at) filter (where status in ('OPEN', 'PARTIALLY_RESOLVED')) as oldest_open_at,
                       count(*) filter (where status = 'UNRESOLVED_AT_CLOSE') as unresolved_at_close,
                       count(*) filter (where attendance <> 'ATTENDED') as outside_attended,
                       count(*) filter (where attendance = 'ATTENDED' and type = 'WITHDRAWAL') as attended_withdrawal,
                       count(*) filter (where attendance = 'ATTENDED' and type = 'CONFRONTATION') as attended_confrontation,
                       count(*) filter (where attendance = 'ATTENDED' and type = 'MIXED') as attended_mixed
                from surfaced group by alliance_id
            ),
            repair_summary as (
                select alliance_id, count(*) filter (where same_session) as resolved_same_session,
                       percentile_cont(0.5) within group (order by sessions_to_repair) as sessions_median,
                       percentile_cont(0.25) within group (order by sessions_to_repair) as sessions_q1,
                       percentile_cont(0.75) within group (order by sessions_to_repair) as sessions_q3,
                       percentile_cont(0.5) within group (order by days_to_repair) as days_median,
                       percentile_cont(0.25) within group (order by days_to_repair) as days_q1,
                       percentile_cont(0.75) within group (order by days_to_repair) as days_q3
                from repair_times group by alliance_id
            ),
            -- Each strategy counts once per repair episode that used it (an episode names each once).
            strategy_mix as (
                select alliance_id, jsonb_object_agg(strategy, n) as mix
                from (select su.alliance_id, s.strategy, count(*) as n
                      from repair rp join surfaced su on su.id = rp.rupture_id and rp.organization_id = :org cross join unnest(rp.strategies) as s(strategy)
                      where rp.alliance_id = su.alliance_id and rp.performed_at < :to
                      group by su.alliance_id, s.strategy) per_strategy
                group by alliance_id
            ),
            episodes as (
                select su.alliance_id, count(*) as episodes,
                       count(*) filter (where rp.strategies && cast(:exploratory as text[])) as exploratory
                from repair rp join surfaced su on su.id = rp.rupture_id and rp.organization_id = :org
                where rp.alliance_id = su.alliance_id and rp.performed_at < :to
                group by su.alliance_id
            ),
            tag_counts as (
                select alliance_id, jsonb_object_agg(tag, n) as tags
                from (select su.alliance_id, t.tag, count(*) as n
                      from surfaced su cross join unnest(su.tags) as t(tag)
                      group by su.alliance_id, t.tag) per_tag
                group by alliance_id
            ),
            session_summary as (
                select alliance_id,
                       count(*) filter (where attendance = 'ATTENDED') as attended,
                       count(*) filter (where attendance = 'ATTENDED' and ruptures > 0) as attended_with_rupture,
                       -- The client's PSQ against the therapist's own log; a supervisor's or observer's is apart.
                       count(*) filter (where rupture_reported and by_therapist = 0) as client_only,
                       count(*) filter (where not rupture_reported and by_therapist > 0) as therapist_only,
                       count(*) filter (where by_observer > 0 and by_therapist = 0) as observed_only
                from session_rows where in_range group by alliance_id
            ),
            recent as (
                select alliance_id, count(*) filter (where attendance = 'CLIENT_NO_SHOW') as client_no_shows
                from (select alliance_id, attendance,
                             row_number() over (partition by alliance_id order by position desc) as recency
                      from session_rows) latest
                where recency <= 5
                group by alliance_id
            ),
            -- A dip: the rated sessions below the level, from the first drop until a score is back at the
            -- level (however many steps down, plateaus and partial climbs it takes, it is one dip). It
            -- counts when its lowest score is at least srsDropPoints below the level; it is V-shaped when
            -- the score is back within repairWindowSessions rated sessions after its lowest point, and
            -- unrecovered otherwise (window passed, or still below).
            dip_steps as (
                select *, coalesce(srs < level, false) as in_dip,
                       sum(case when srs < level then 0 else 1 end) over (partition by alliance_id order by position) as dip
                from rated
            ),
            dip_lowest as (
                select *, min(srs) filter (where in_dip) over (partition by alliance_id, dip) as lowest from dip_steps
            ),
            dips as (
                select alliance_id, dip, max(level) filter (where in_dip) as level, min(lowest) as lowest,
                       max(rated_index) filter (where in_dip and srs = lowest) as lowest_index,
                       min(rated_index) filter (where not in_dip) as start_index,
                       (array_agg(in_range order by position) filter (where in_dip))[1] as in_range
                from dip_lowest group by alliance_id, dip
            ),
            -- A dip's recovery is the session that starts the next group.
            dip_lows as (
                select d.alliance_id, d.in_range, d.lowest_index, next_group.start_index as recovered_index
                from dips d left join dips next_group on next_group.alliance_id = d.alliance_id and next_group.dip = d.dip + 1
                where d.lowest_index is not null and d.level - d.lowest >= :srsDrop
            ),
            dip_summary as (
                select alliance_id,
                       count(*) filter (where in_range and recovered_index - lowest_index <= :window) as v_shaped,
                       count(*) filter (where in_range and (recovered_index is null or recovered_index - lowest_index > :window))
                           as unrecovered
                from dip_lows group by alliance_id
            ),
            -- Below the cutoff twice running means the latest two rated sessions.
            srs_summary as (
                select alliance_id,
                       regr_slope(srs, position) filter (where recency <= 5) as trend,
                       count(*) filter (where recency <= 5) as recent_rated,
                       coalesce(bool_or(srs < :srsCutoff and previous_srs < :srsCutoff) filter (where recency = 1), false)
                           as below_cutoff_twice
                from rated
                group by alliance_id
            )
            select a.id as alliance_id,
                   ss.attended, ss.attended_with_rupture,
                   rs.total as ruptures, rs.withdrawal, rs.confrontation, rs.mixed,
                   rs.resolved, rps.resolved_same_session,
                   rps.sessions_median, rps.sessions_q1, rps.sessions_q3, rps.days_median, rps.days_q1, rps.days_q3,
                   rs.open_ruptures, floor(extract(epoch from :now - rs.oldest_open_at) / 86400) as oldest_open_days,
                   rs.unresolved_at_close, cast(sm.mix as text) as strategy_mix, cast(tc.tags as text) as tags,
                   ss.client_only, ss.therapist_only,
                   sr.trend, sr.recent_rated, ds.v_shaped, sr.below_cutoff_twice,
                   rc.client_no_shows, ss.observed_only, rs.outside_attended,
                   rs.attended_withdrawal, rs.attended_confrontation, rs.attended_mixed,
                   ds.unrecovered, gs.gains, gs.median_gain, gs.rose,
                   ep.episodes, ep.exploratory
            from unnest(cast(:ids as uuid[])) as a(id)
            left join session_summary ss on ss.alliance_id = a.id
            left join rupture_summary rs on rs.alliance_id = a.id
            left join repair_summary rps on rps.alliance_id = a.id
            left join strategy_mix sm on sm.alliance_id = a.id
            left join tag_counts tc on tc.alliance_id = a.id
            left join srs_summary sr on sr.alliance_id = a.id
            left join dip_summary ds on ds.alliance_id = a.id
            left join gain_summary gs on gs.alliance_id = a.id
            left join episodes ep on ep.alliance_id = a.id
            left join recent rc on rc.alliance_id = a.id
            """;

    /**
     * Each rupture of the alliance in range at its session's place in time (1, 2, 3… over the sessions
     * in range, as the report lists them), with where each of its repairs falls (x.5 between sessions).
     */
    private static final String CHART_RUPTURES = """
            with positions as (
                select s.id, s.number, s.occurred_at, row_number() over (order by s.occurred_at, s.number) as position
                from session s
                where s.organization_id = :org and s.alliance_id = :alliance and s.occurred_at >= :from and s.occurred_at < :to
            )
            select r.id, p.position, r.type, r.status, rp.outcome as repair_outcome,
                   coalesce(rp_at.position, (select max(p2.position) from positions p2 where p2.occurred_at <= rp.performed_at) + 0.5)
                       as repair_position,
                   p.number as session_number
            from rupture r
            join positions p on p.id = r.session_id
            left join repair rp on rp.rupture_id = r.id and rp.organization_id = :org
            left join positions rp_at on rp_at.id = rp.session_id
            where r.organization_id = :org and r.alliance_id = :alliance
            order by p.position, r.created_at, r.id, rp.performed_at, rp.created_at
            """;

    /** The exploratory 3RS strategies, as the vocabulary groups them. */
    private static final String EXPLORATORY = Arrays.stream(RepairStrategy.values())
            .filter(s -> "exploratory".equals(s.group())).map(Enum::name).collect(Collectors.joining(",", "{", "}"));

    private final ReportDatabase database;

    ReportQueries(ReportDatabase database) {
        this.database = database;
    }

    /** Plans the rest of the transaction's statements for the alliances at hand. */
    public void planForTheseAlliances() {
        database.planForTheseAlliances();
    }

    public List<ReportRow> sessions(UUID organizationId, UUID allianceId, Range range, Thresholds thresholds) {
        Map<String, Object> parameters = rowParameters(organizationId, List.of(allianceId), range, thresholds);
        parameters.put("srsItemFloor", thresholds.srsItemFloor());
        parameters.put("orsCutoff", thresholds.orsCutoff());
        parameters.put("orsChange", thresholds.orsReliableChange());
        return database.rows(SESSIONS, parameters);
    }

    public List<ReportRow> ruptures(UUID organizationId, UUID allianceId, Range range) {
        return database.rows(RUPTURES, Map.of("org", organizationId, "ids", uuidArray(List.of(allianceId)), "from", range.from(),
                "to", range.to(), "lastDay", range.lastDay()));
    }

    public List<ReportRow> summaries(UUID organizationId, Collection<UUID> allianceIds, Range range, Thresholds thresholds,
            OffsetDateTime now) {
        Map<String, Object> parameters = rowParameters(organizationId, allianceIds, range, thresholds);
        parameters.put("now", now);
        parameters.put("lastDay", range.lastDay());
        parameters.put("window", thresholds.repairWindowSessions());
        parameters.put("exploratory", EXPLORATORY);
        return database.rows(SUMMARIES, parameters);
    }

    /**
     * Per alliance, its sessions awaiting co-signature now and the whole days since the oldest of
     * them was signed (as of {@code now}); alliances without any are absent.
     */
    public List<ReportRow> awaitingCosign(UUID organizationId, Collection<UUID> allianceIds, OffsetDateTime now) {
        return database.rows("""
                select alliance_id, count(*) as awaiting,
                       floor(extract(epoch from cast(:now as timestamptz) - min(signed_at)) / 86400) as oldest_days
                from session where organization_id = :org and alliance_id = any(cast(:ids as uuid[])) and awaiting_cosign group by alliance_id""",
                Map.of("org", organizationId, "ids", uuidArray(allianceIds), "now", now));
    }

    public List<ReportRow> chartRuptures(UUID organizationId, UUID allianceId, Range range) {
        return database.rows(CHART_RUPTURES, Map.of("org", organizationId, "alliance", allianceId, "from", range.from(),
                "to", range.to()));
    }

    /** Ids as a PostgreSQL array literal, for cast(:ids as uuid[]). */
    static String uuidArray(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    /**
     * The parameters every statement built on ROWS takes; the caller adds its own. Every table is
     * read within the organization (org), so that each statement names the key its rows are kept by.
     */
    static Map<String, Object> rowParameters(UUID organizationId, Collection<UUID> allianceIds, Range range, Thresholds thresholds) {
        return new HashMap<>(Map.of("org", organizationId, "ids", uuidArray(allianceIds), "from", range.from(), "to", range.to(),
                "srsDrop", thresholds.srsDropPoints(), "srsCutoff", thresholds.srsCutoff()));
    }

    /**
     * Sessions from {@code from} (inclusive) to {@code to} (exclusive); {@code lastDay} is the range's
     * last day in the organization's time zone, which dates such as an alliance's end compare with.
     */
    public record Range(OffsetDateTime from, OffsetDateTime to, LocalDate lastDay) {
    }

    /** The organization settings the statements read. */
    public record Thresholds(BigDecimal srsCutoff, BigDecimal srsItemFloor, BigDecimal orsCutoff,
            BigDecimal orsReliableChange, int repairWindowSessions, int openRuptureLimitDays, BigDecimal srsDropPoints,
            java.time.ZoneId timeZone) {
    }
}
