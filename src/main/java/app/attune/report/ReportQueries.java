package app.attune.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
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
    private static final String ROWS = """
            with scope as (
                select s.alliance_id, s.id, s.number, s.occurred_at, s.attendance
                from session s
                where s.alliance_id = any(cast(:ids as uuid[])) and s.occurred_at >= :from and s.occurred_at < :to
            ),
            -- Counts and scores are read by alliance (one index range each) and matched to sessions.
            rupture_counts as (
                select r.session_id, count(*) as total,
                       count(*) filter (where r.type = 'WITHDRAWAL') as withdrawal,
                       count(*) filter (where r.type = 'CONFRONTATION') as confrontation,
                       count(*) filter (where r.type = 'MIXED') as mixed,
                       max(r.significance) as max_significance
                from rupture r
                where r.alliance_id = any(cast(:ids as uuid[]))
                group by r.session_id
            ),
            repair_counts as (
                select rp.session_id, count(*) as repairs
                from repair rp
                where rp.alliance_id = any(cast(:ids as uuid[])) and rp.session_id is not null
                group by rp.session_id
            ),
            -- One measure per session and instrument, the client's own: SRS after and ORS before the session.
            scores as (
                select distinct on (m.session_id, m.instrument) m.session_id, m.instrument, m.total, m.lowest_item,
                       m.task, m.bond, m.goal, m.rupture_reported
                from measure m
                where m.alliance_id = any(cast(:ids as uuid[])) and m.respondent = 'CLIENT'
                order by m.session_id, m.instrument,
                         case when m.instrument = 'ORS' then m.timing <> 'PRE_SESSION' else m.timing <> 'POST_SESSION' end,
                         m.created_at
            ),
            -- Reliable change counts from the alliance's first ORS, whatever the date range.
            ors_baseline as (
                select distinct on (s.alliance_id) s.alliance_id, sc.total
                from scores sc join session s on s.id = sc.session_id
                where sc.instrument = 'ORS'
                order by s.alliance_id, s.number
            ),
            session_rows as (
                select sc.alliance_id, sc.id, sc.number, sc.occurred_at, sc.attendance,
                       coalesce(rc.total, 0) as ruptures, coalesce(rc.withdrawal, 0) as withdrawal,
                       coalesce(rc.confrontation, 0) as confrontation, coalesce(rc.mixed, 0) as mixed,
                       rc.max_significance, coalesce(rpc.repairs, 0) as repairs,
                       srs.total as srs, srs.lowest_item as srs_lowest_item, ors.total as ors,
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
            rated as (
                select alliance_id, number, srs,
                       lag(srs) over by_number as previous_srs,
                       row_number() over (partition by alliance_id order by number desc) as recency,
                       max(srs) over (by_number rows between 1 following and :window following) as best_next
                from session_rows
                where srs is not null
                window by_number as (partition by alliance_id order by number)
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
                   array_to_string(array_remove(array[
                       case when r.srs < :srsCutoff then 'SRS_BELOW_CUTOFF' end,
                       case when rt.srs < rt.previous_srs then 'SRS_DROP' end,
                       case when r.srs_lowest_item < :srsItemFloor then 'SRS_ITEM_LOW' end,
                       case when r.ors < :orsCutoff then 'ORS_BELOW_CUTOFF' end,
                       case when o.ors_change >= :orsChange then 'ORS_RELIABLE_IMPROVEMENT' end,
                       case when o.ors_change <= - :orsChange then 'ORS_RELIABLE_DETERIORATION' end], null), ',') as flags
            from session_rows r
            left join rated rt on rt.alliance_id = r.alliance_id and rt.number = r.number
            left join ors_rated o on o.alliance_id = r.alliance_id and o.number = r.number
            order by r.number
            """;

    static final String SUMMARIES = ROWS + """
            ,
            surfaced as (
                select r.alliance_id, r.id, r.type, r.status, r.tags, sc.id as session_id, sc.number as session_number,
                       sc.occurred_at as surfaced_at
                from rupture r join scope sc on sc.id = r.session_id
                where r.alliance_id = any(cast(:ids as uuid[]))
            ),
            -- The repair that resolved each rupture (the first with outcome RESOLVED), carrying its
            -- rupture's session so that no second join is needed.
            resolving as (
                select distinct on (rp.rupture_id) su.alliance_id, su.session_id as surfaced_in, su.session_number,
                       su.surfaced_at, rp.session_id, rp.performed_at
                from repair rp join surfaced su on su.id = rp.rupture_id
                where rp.alliance_id = any(cast(:ids as uuid[])) and rp.outcome = 'RESOLVED'
                order by rp.rupture_id, rp.performed_at, rp.created_at
            ),
            repair_times as (
                select res.alliance_id, res.session_id = res.surfaced_in as same_session,
                       case when res.session_id is not null
                            then (select s.number from session s where s.id = res.session_id) - res.session_number
                            else (select count(*) from session s where s.alliance_id = res.alliance_id
                                  and s.number > res.session_number and s.occurred_at <= res.performed_at)
                       end as sessions_to_repair,
                       extract(epoch from res.performed_at - res.surfaced_at) / 86400 as days_to_repair
                from resolving res
            ),
            rupture_summary as (
                select alliance_id, count(*) as total,
                       count(*) filter (where type = 'WITHDRAWAL') as withdrawal,
                       count(*) filter (where type = 'CONFRONTATION') as confrontation,
                       count(*) filter (where type = 'MIXED') as mixed,
                       count(*) filter (where status = 'RESOLVED') as resolved,
                       count(*) filter (where status in ('OPEN', 'PARTIALLY_RESOLVED')) as open_ruptures,
                       min(surfaced_at) filter (where status in ('OPEN', 'PARTIALLY_RESOLVED')) as oldest_open_at,
                       count(*) filter (where status = 'UNRESOLVED_AT_CLOSE') as unresolved_at_close
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
            strategy_mix as (
                select alliance_id, string_agg(strategy || '=' || n, ',' order by strategy) as mix
                from (select su.alliance_id, rp.strategy, count(*) as n
                      from repair rp join surfaced su on su.id = rp.rupture_id
                      where rp.alliance_id = any(cast(:ids as uuid[]))
                      group by su.alliance_id, rp.strategy) per_strategy
                group by alliance_id
            ),
            tag_counts as (
                select alliance_id, string_agg(tag || '=' || n, ',' order by tag) as tags
                from (select su.alliance_id, t.tag, count(*) as n
                      from surfaced su cross join unnest(su.tags) as t(tag)
                      group by su.alliance_id, t.tag) per_tag
                group by alliance_id
            ),
            session_summary as (
                select alliance_id,
                       count(*) filter (where attendance = 'ATTENDED') as attended,
                       count(*) filter (where attendance = 'ATTENDED' and ruptures > 0) as attended_with_rupture,
                       count(*) filter (where rupture_reported and ruptures = 0) as client_only,
                       count(*) filter (where not rupture_reported and ruptures > 0) as therapist_only
                from session_rows group by alliance_id
            ),
            recent as (
                select alliance_id, count(*) filter (where attendance = 'CLIENT_NO_SHOW') as client_no_shows
                from (select alliance_id, attendance,
                             row_number() over (partition by alliance_id order by number desc) as recency
                      from session_rows) latest
                where recency <= 5
                group by alliance_id
            ),
            -- Below the cutoff twice running means the latest two rated sessions.
            -- A dip is a run of SRS drops; it is V-shaped when a score within the repair window after
            -- its first drop is back at the level before it.
            srs_summary as (
                select alliance_id,
                       regr_slope(srs, number) filter (where recency <= 5) as trend,
                       count(*) filter (where recency <= 5) as recent_rated,
                       count(*) filter (where dropped and not coalesce(dropped_before, false)
                                          and best_next >= previous_srs) as v_shaped,
                       coalesce(bool_or(srs < :srsCutoff and previous_srs < :srsCutoff) filter (where recency = 1), false)
                           as below_cutoff_twice
                from (select *, srs < previous_srs as dropped,
                             lag(srs < previous_srs) over (partition by alliance_id order by number) as dropped_before
                      from rated) dips
                group by alliance_id
            )
            select a.id,
                   coalesce(ss.attended, 0), coalesce(ss.attended_with_rupture, 0),
                   coalesce(rs.total, 0), coalesce(rs.withdrawal, 0), coalesce(rs.confrontation, 0), coalesce(rs.mixed, 0),
                   coalesce(rs.resolved, 0), coalesce(rps.resolved_same_session, 0),
                   rps.sessions_median, rps.sessions_q1, rps.sessions_q3, rps.days_median, rps.days_q1, rps.days_q3,
                   coalesce(rs.open_ruptures, 0), floor(extract(epoch from :now - rs.oldest_open_at) / 86400),
                   coalesce(rs.unresolved_at_close, 0), sm.mix, tc.tags,
                   coalesce(ss.client_only, 0), coalesce(ss.therapist_only, 0),
                   sr.trend, coalesce(sr.recent_rated, 0), coalesce(sr.v_shaped, 0), coalesce(sr.below_cutoff_twice, false),
                   coalesce(rc.client_no_shows, 0)
            from unnest(cast(:ids as uuid[])) as a(id)
            left join session_summary ss on ss.alliance_id = a.id
            left join rupture_summary rs on rs.alliance_id = a.id
            left join repair_summary rps on rps.alliance_id = a.id
            left join strategy_mix sm on sm.alliance_id = a.id
            left join tag_counts tc on tc.alliance_id = a.id
            left join srs_summary sr on sr.alliance_id = a.id
            left join recent rc on rc.alliance_id = a.id
            """;

    /** Each rupture of the alliance in range, with where each of its repairs falls, for the chart. */
    private static final String CHART_RUPTURES = """
            select r.id, s.number, r.type, r.status, rp.outcome,
                   coalesce(rs.number, (select max(s2.number) from session s2
                                        where s2.alliance_id = r.alliance_id and s2.occurred_at <= rp.performed_at) + 0.5)
            from rupture r
            join session s on s.id = r.session_id
            left join repair rp on rp.rupture_id = r.id
            left join session rs on rs.id = rp.session_id
            where r.alliance_id = :alliance and s.occurred_at >= :from and s.occurred_at < :to
            order by s.number, r.created_at, r.id, rp.performed_at, rp.created_at
            """;

    private final EntityManager em;

    ReportQueries(EntityManager em) {
        this.em = em;
    }

    /**
     * Plans the rest of the transaction's statements for the alliances at hand. Report statements
     * read few rows: JIT compilation costs more than running them (about 170 ms of a 320 ms
     * summary of a 500-session alliance), and the generic plan PostgreSQL switches to after a few
     * executions of a prepared statement ignores which alliances are asked for (65 ms became 150).
     */
    public void planForTheseAlliances() {
        em.createNativeQuery("select set_config('jit', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true)")
                .getSingleResult();
    }

    @SuppressWarnings("unchecked")
    public List<Object[]> sessions(UUID allianceId, Range range, Thresholds thresholds) {
        Query query = em.createNativeQuery(SESSIONS);
        bindRows(query, List.of(allianceId), range, thresholds);
        return query.setParameter("srsItemFloor", thresholds.srsItemFloor())
                .setParameter("orsCutoff", thresholds.orsCutoff())
                .setParameter("orsChange", thresholds.orsReliableChange())
                .getResultList();
    }

    @SuppressWarnings("unchecked")
    public List<Object[]> summaries(Collection<UUID> allianceIds, Range range, Thresholds thresholds, OffsetDateTime now) {
        Query query = em.createNativeQuery(SUMMARIES);
        bindRows(query, allianceIds, range, thresholds);
        return query.setParameter("now", now).getResultList();
    }

    @SuppressWarnings("unchecked")
    public List<Object[]> chartRuptures(UUID allianceId, Range range) {
        return em.createNativeQuery(CHART_RUPTURES)
                .setParameter("alliance", allianceId)
                .setParameter("from", range.from())
                .setParameter("to", range.to())
                .getResultList();
    }

    private static void bindRows(Query query, Collection<UUID> allianceIds, Range range, Thresholds thresholds) {
        query.setParameter("ids", allianceIds.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")))
                .setParameter("from", range.from())
                .setParameter("to", range.to())
                .setParameter("window", thresholds.repairWindowSessions())
                .setParameter("srsCutoff", thresholds.srsCutoff());
    }

    /** Sessions from {@code from} (inclusive) to {@code to} (exclusive). */
    public record Range(OffsetDateTime from, OffsetDateTime to) {
    }

    /** The organization settings the statements read. */
    public record Thresholds(BigDecimal srsCutoff, BigDecimal srsItemFloor, BigDecimal orsCutoff,
            BigDecimal orsReliableChange, int repairWindowSessions, int openRuptureLimitDays) {
    }
}
