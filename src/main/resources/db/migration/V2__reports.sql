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

-- Reports read an alliance's rows by alliance and session order; these keep that cost with the
-- alliance, not the database.
create index session_alliance_time_idx on session (alliance_id, occurred_at);
create index measure_session_idx on measure (session_id);
create index practitioner_supervisor_idx on practitioner (supervisor_id) where supervisor_id is not null;

-- Every organization has its thresholds from the start; new ones get the row when registered.
insert into organization_settings (organization_id, srs_cutoff, srs_item_floor, ors_cutoff, ors_reliable_change,
                                   repair_window_sessions, open_rupture_limit_days)
select id, 36, 9, 25, 5, 3, 21 from organization;
