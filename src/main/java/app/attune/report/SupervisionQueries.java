package app.attune.report;

import static app.attune.report.ReportQueries.uuidArray;

import app.attune.report.ReportQueries.Range;
import app.attune.report.ReportQueries.Thresholds;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The supervision statements: figures per supervisee, and the sessions a supervisor should look at.
 * They build on the report's rows (same definitions, same indexes); columns are read by name.
 */
@ApplicationScoped
public class SupervisionQueries {

    /** One row per therapist asked for, its figures over the alliances asked for. */
    static final String SUPERVISEES = ReportQueries.RUPTURE_FIGURES + """
            ,
            therapist_of as (
                select a.id as alliance_id, a.therapist_id from alliance a where a.organization_id = :org and a.id = any(cast(:ids as uuid[]))
            ),
            session_figures as (
                select t.therapist_id, count(*) as sessions,
                       count(*) filter (where r.attendance = 'ATTENDED') as attended,
                       count(*) filter (where r.attendance = 'ATTENDED' and r.ruptures > 0) as attended_with_rupture,
                       avg(r.srs) as mean_srs, count(r.srs) as rated,
                       count(*) filter (where r.srs < :srsCutoff) as below_cutoff
                from session_rows r join therapist_of t on t.alliance_id = r.alliance_id
                where r.in_range
                group by t.therapist_id
            ),
            rupture_figures as (
                select t.therapist_id, count(*) as ruptures, count(*) filter (where su.status = 'RESOLVED') as resolved,
                       count(*) filter (where su.status in ('OPEN', 'PARTIALLY_RESOLVED')) as open_ruptures,
                       min(su.surfaced_at) filter (where su.status in ('OPEN', 'PARTIALLY_RESOLVED')) as oldest_open_at
                from surfaced su join therapist_of t on t.alliance_id = su.alliance_id
                group by t.therapist_id
            ),
            repair_figures as (
                select t.therapist_id,
                       percentile_cont(0.5) within group (order by rt.sessions_to_repair) as sessions_to_repair,
                       percentile_cont(0.5) within group (order by rt.days_to_repair) as days_to_repair
                from repair_times rt join therapist_of t on t.alliance_id = rt.alliance_id
                group by t.therapist_id
            ),
            -- Co-signature is a queue of now: every alliance of the therapist counts, whatever the range.
            awaiting as (
                select a.therapist_id, count(*) as awaiting, min(s.signed_at) as oldest_signed_at
                from session s join alliance a on a.id = s.alliance_id and a.organization_id = :org
                where s.organization_id = :org and s.awaiting_cosign and a.therapist_id = any(cast(:therapists as uuid[]))
                group by a.therapist_id
            )
            select p.id as therapist_id,
                   coalesce(sf.sessions, 0) as sessions, coalesce(sf.attended, 0) as attended,
                   coalesce(sf.attended_with_rupture, 0) as attended_with_rupture,
                   coalesce(rf.ruptures, 0) as ruptures, coalesce(rf.resolved, 0) as resolved,
                   coalesce(rf.open_ruptures, 0) as open_ruptures,
                   floor(extract(epoch from cast(:asOf as timestamptz) - rf.oldest_open_at) / 86400) as oldest_open_days,
                   rp.sessions_to_repair, rp.days_to_repair,
                   sf.mean_srs, coalesce(sf.rated, 0) as rated, coalesce(sf.below_cutoff, 0) as below_cutoff,
                   coalesce(aw.awaiting, 0) as awaiting,
                   floor(extract(epoch from cast(:now as timestamptz) - aw.oldest_signed_at) / 86400) as oldest_awaiting_days
            from unnest(cast(:therapists as uuid[])) as p(id)
            left join session_figures sf on sf.therapist_id = p.id
            left join rupture_figures rf on rf.therapist_id = p.id
            left join repair_figures rp on rp.therapist_id = p.id
            left join awaiting aw on aw.therapist_id = p.id
            """;

    /**
     * The sessions to look at, newest first, one page of them with the count of all: the client's
     * PSQ reported a rupture the therapist did not log; the SRS dropped and nobody logged a
     * rupture; a rupture is still open past the limit. One row with nulls when the page is empty.
     */
    static final String REVIEW_QUEUE = ReportQueries.ROWS + """
            ,
            items as (
                select 'CLIENT_REPORTED_UNLOGGED' as reason, r.alliance_id, r.id as session_id, r.number as session_number,
                       r.occurred_at, cast(null as uuid) as rupture_id
                from session_rows r
                where r.in_range and r.rupture_reported and r.by_therapist = 0
                union all
                select 'SRS_DROP_UNLOGGED', r.alliance_id, r.id, r.number, r.occurred_at, null
                from rated rt join session_rows r on r.id = rt.id
                where r.in_range and rt.srs <= rt.previous_srs - :srsDrop and r.ruptures = 0
                union all
                -- The limit is reached on its day, as the report's at-risk rule counts it.
                select 'OPEN_RUPTURE_OVER_LIMIT', r.alliance_id, sr.id, sr.number, sr.occurred_at, r.id
                from rupture r join session_rows sr on sr.id = r.session_id
                where r.organization_id = :org and r.alliance_id = any(cast(:ids as uuid[])) and sr.in_range
                  and r.status in ('OPEN', 'PARTIALLY_RESOLVED')
                  and floor(extract(epoch from cast(:now as timestamptz) - sr.occurred_at) / 86400) >= :limitDays
            ),
            wanted as (
                select * from items where :reason = '' or reason = :reason
            )
            select total.items as total, page.*
            from (select count(*) as items from wanted) total
            left join lateral (
                select w.reason, w.alliance_id, a.therapist_id, w.session_id, w.session_number, w.occurred_at, w.rupture_id,
                       case when w.rupture_id is not null
                            then floor(extract(epoch from cast(:now as timestamptz) - w.occurred_at) / 86400) end as days_open
                from wanted w join alliance a on a.id = w.alliance_id and a.organization_id = :org
                order by w.occurred_at desc, w.session_number desc, w.reason, w.rupture_id
                limit :size offset :offset
            ) page on true
            """;

    private final ReportDatabase database;

    SupervisionQueries(ReportDatabase database) {
        this.database = database;
    }

    /** Figures per therapist over the given alliances (of theirs); {@code asOf} ages open ruptures. */
    public List<ReportRow> supervisees(UUID organizationId, Collection<UUID> therapists, Collection<UUID> allianceIds,
            Range range, Thresholds thresholds, OffsetDateTime asOf, OffsetDateTime now) {
        return database.rows(SUPERVISEES, Map.of("ids", uuidArray(allianceIds), "therapists", uuidArray(therapists),
                "org", organizationId, "from", range.from(), "to", range.to(), "lastDay", range.lastDay(),
                "srsCutoff", thresholds.srsCutoff(), "asOf", asOf, "now", now));
    }

    /** One page of the review queue over the given alliances; {@code reason} null for every reason. */
    public List<ReportRow> reviewQueue(UUID organizationId, Collection<UUID> allianceIds, Range range, Thresholds thresholds, String reason,
            OffsetDateTime now, int offset, int size) {
        return database.rows(REVIEW_QUEUE, Map.ofEntries(Map.entry("org", organizationId), Map.entry("ids", uuidArray(allianceIds)),
                Map.entry("from", range.from()), Map.entry("to", range.to()), Map.entry("srsDrop", thresholds.srsDropPoints()),
                Map.entry("limitDays", thresholds.openRuptureLimitDays()), Map.entry("reason", reason == null ? "" : reason),
                Map.entry("now", now), Map.entry("size", size), Map.entry("offset", offset)));
    }
}
