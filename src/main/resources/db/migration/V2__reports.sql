-- Report thresholds, one row per organization once an admin changes them (defaults otherwise).
create table organization_settings (
    organization_id         uuid primary key references organization (id),
    srs_cutoff              numeric(3, 1) not null check (srs_cutoff between 0 and 40),
    srs_item_floor          numeric(3, 1) not null check (srs_item_floor between 0 and 10),
    ors_cutoff              numeric(3, 1) not null check (ors_cutoff between 0 and 40),
    ors_reliable_change     numeric(3, 1) not null check (ors_reliable_change > 0 and ors_reliable_change <= 40),
    repair_window_sessions  integer not null check (repair_window_sessions between 1 and 20),
    open_rupture_limit_days integer not null check (open_rupture_limit_days between 1 and 365),
    updated_at              timestamptz not null default now(),
    version                 bigint not null default 0
);

-- What reports read of a measure, computed by the service when the measure is stored, so that a
-- report never reads item rows: the lowest item, the WAI-SR subscales, and the PSQ's answer.
alter table measure
    add column lowest_item      numeric(3, 1),
    add column task             numeric(4, 1),
    add column bond             numeric(4, 1),
    add column goal             numeric(4, 1),
    add column rupture_reported boolean;

update measure m set
    lowest_item = (select min(score) from measure_item i where i.measure_id = m.id),
    task = case when m.instrument = 'WAI_SR' then (select sum(score) from measure_item i
                where i.measure_id = m.id and i.item_code in ('1', '2', '10', '12')) end,
    bond = case when m.instrument = 'WAI_SR' then (select sum(score) from measure_item i
                where i.measure_id = m.id and i.item_code in ('3', '5', '7', '9')) end,
    goal = case when m.instrument = 'WAI_SR' then (select sum(score) from measure_item i
                where i.measure_id = m.id and i.item_code in ('4', '6', '8', '11')) end,
    rupture_reported = case when m.instrument = 'PSQ_RUPTURE' then (select score = 1 from measure_item i
                where i.measure_id = m.id and i.item_code = 'OCCURRED') end;

-- Reports read an alliance's rows by alliance and session order; these keep that cost with the
-- alliance, not the database.
create index session_alliance_time_idx on session (alliance_id, occurred_at);
create index measure_session_idx on measure (session_id);
create index repair_alliance_session_idx on repair (alliance_id, session_id);
create index practitioner_supervisor_idx on practitioner (supervisor_id) where supervisor_id is not null;

-- Every organization has its thresholds from the start; new ones get the row when registered.
insert into organization_settings (organization_id, srs_cutoff, srs_item_floor, ors_cutoff, ors_reliable_change,
                                   repair_window_sessions, open_rupture_limit_days)
select id, 36, 9, 25, 5, 3, 21 from organization;
