package app.attune.research;

/**
 * The export's statements. Each starts from the same parameters (organization, range, ended-only,
 * time zone) and the same scope, and runs in one repeatable-read snapshot, so every file agrees
 * with the others. Rows come in random order: an order by real id would let two exports be lined
 * up row by row. Dates leave only as whole days from the alliance's first session (day 0).
 */
final class ExportQueries {

    /**
     * Bound in this order: first instant, end instant (exclusive), ended only, time zone,
     * organization (compared with the column itself, so that the statement names one organization).
     */
    static final String SCOPE = """
            with p as (select cast(? as timestamptz) as from_at, cast(? as timestamptz) as to_at,
                              cast(? as boolean) as ended_only, cast(? as text) as zone),
            scope as (
                select a.id, a.therapist_id, a.format, a.status, a.started_on, a.ended_on,
                       extract(year from a.started_on)::int - c.birth_year as age,
                       coalesce((select (min(s.occurred_at) at time zone p.zone)::date from session s
                                 where s.alliance_id = a.id), a.started_on) as day0
                from p cross join alliance a join client c on c.id = a.client_id
                where a.organization_id = ? and (not p.ended_only or a.ended_on is not null)
                  and exists (select 1 from session s where s.alliance_id = a.id
                              and s.occurred_at >= p.from_at and s.occurred_at < p.to_at)
            ),
            banded as (
                select sc.*, case when age is null then 'unknown' when age < 18 then 'under 18'
                                  when age < 25 then '18-24' when age < 35 then '25-34' when age < 45 then '35-44'
                                  when age < 55 then '45-54' when age < 65 then '55-64' when age < 75 then '65-74'
                                  when age < 85 then '75-84' when age < 90 then '85-89' else '90 and over' end as age_band
                from scope sc
            ),
            sessions as (
                select s.id, s.alliance_id, s.number, s.occurred_at, s.duration_minutes, s.mode, s.attendance, s.status,
                       s.cosigned_at, (s.occurred_at at time zone p.zone)::date - sc.day0 as day, sc.day0
                from session s join scope sc on sc.id = s.alliance_id cross join p
                where s.occurred_at >= p.from_at and s.occurred_at < p.to_at
            )
            """;

    static final String TOTAL = SCOPE + """
            select (select count(*) from scope) + (select count(*) from sessions)
                 + (select count(*) from measure m join sessions s on s.id = m.session_id)
                 + (select count(*) from measure_item i join measure m on m.id = i.measure_id join sessions s on s.id = m.session_id)
                 + (select count(*) from rupture r join sessions s on s.id = r.session_id)
                 + (select count(*) from repair rp join rupture r on r.id = rp.rupture_id join sessions s on s.id = r.session_id
                    cross join p where rp.performed_at < p.to_at)
                 + (select count(*) from practitioner pr where pr.id in (select therapist_id from scope))
            """;

    static final String ALLIANCES = SCOPE + """
            select b.id, b.therapist_id, b.format, b.status,
                   (select count(*) from alliance_participant ap where ap.alliance_id = b.id) as participants, b.age_band,
                   b.started_on - b.day0 as started_day, b.ended_on - b.day0 as ended_day,
                   extract(year from b.day0)::int as first_session_year,
                   (select count(*) from sessions s where s.alliance_id = b.id) as sessions
            from banded b order by random()
            """;

    static final String SESSIONS = SCOPE + """
            select s.id, s.alliance_id, s.number, s.day, s.duration_minutes, s.mode, s.attendance, s.status,
                   s.cosigned_at is not null as cosigned
            from sessions s order by random()
            """;

    /** A participant is its label's place in the alliance's label order: labels are free text. */
    static final String MEASURES = SCOPE + """
            select m.id, m.session_id, m.alliance_id, m.instrument, m.respondent, m.timing,
                   case when m.participant is not null then (select count(*) from alliance_participant ap
                        where ap.alliance_id = m.alliance_id and ap.label <= m.participant) end as participant,
                   m.total
            from measure m join sessions s on s.id = m.session_id order by random()
            """;

    static final String MEASURE_ITEMS = SCOPE + """
            select i.measure_id, i.item_code, i.score
            from measure_item i join measure m on m.id = i.measure_id join sessions s on s.id = m.session_id
            order by random()
            """;

    static final String RUPTURES = SCOPE + """
            select r.id, r.session_id, r.alliance_id, r.type, array_to_string(r.markers, ';') as markers,
                   array_to_string(r.tags, ';') as tags, r.dimension, r.significance, r.therapist_contribution,
                   r.reported_by, r.minute_in_session, r.status
            from rupture r join sessions s on s.id = r.session_id order by random()
            """;

    static final String REPAIRS = SCOPE + """
            select rp.id, rp.rupture_id, rp.session_id, rp.alliance_id,
                   (rp.performed_at at time zone p.zone)::date - s.day0 as day, array_to_string(rp.strategies, ';') as strategies,
                   rp.initiated_by, rp.outcome, rp.resolution_rating
            from repair rp join rupture r on r.id = rp.rupture_id join sessions s on s.id = r.session_id cross join p
            where rp.performed_at < p.to_at order by random()
            """;

    static final String PRACTITIONERS = SCOPE + """
            select pr.id, pr.licensed from practitioner pr where pr.id in (select therapist_id from scope) order by random()
            """;

    static final String BY_MARKER = SCOPE + """
            select m.marker as category, count(*) as n
            from rupture r join sessions s on s.id = r.session_id cross join unnest(r.markers) as m(marker)
            group by m.marker order by m.marker
            """;

    static final String BY_STRATEGY = SCOPE + """
            select st.strategy as category, count(*) as n
            from repair rp join rupture r on r.id = rp.rupture_id join sessions s on s.id = r.session_id cross join p
            cross join unnest(rp.strategies) as st(strategy)
            where rp.performed_at < p.to_at
            group by st.strategy order by st.strategy
            """;

    static final String BY_AGE_BAND = SCOPE + """
            select age_band as category, count(*) as n from banded group by age_band order by age_band
            """;

    static final String BY_FORMAT = SCOPE + """
            select format as category, count(*) as n from scope group by format order by format
            """;

    private ExportQueries() {
    }
}
