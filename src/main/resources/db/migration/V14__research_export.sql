-- De-identified research exports. The request row stays as the record of what left the service
-- (who asked, when, which range, how many rows); the ZIP itself is kept in chunks until it
-- expires, then deleted. Chunks let any replica stream a download in constant memory.
alter table organization_settings
    -- Tags a research export keeps; every other tag becomes "other" (free tags can identify).
    add column research_tags text[] not null default '{}',
    -- Whether an export keeps the year of each alliance's first session (Safe Harbor allows years).
    add column research_keeps_year boolean not null default false;

create table research_export (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    requested_by    uuid not null references practitioner (id),
    from_day        date not null,
    to_day          date not null,
    ended_only      boolean not null,
    status          text not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'EXPIRED')),
    rows_total      bigint,
    rows_written    bigint not null default 0,
    row_counts      text,           -- JSON: rows per file of the ZIP
    bytes           bigint,
    -- A running export whose worker stopped renewing this is taken up again by another.
    running_until   timestamptz,
    created_at      timestamptz not null default now(),
    finished_at     timestamptz,
    expires_at      timestamptz,
    version         bigint not null default 0,
    constraint research_export_range check (from_day <= to_day)
);
create index research_export_queue_idx on research_export (created_at) where status in ('QUEUED', 'RUNNING');
create index research_export_expiry_idx on research_export (expires_at) where status = 'DONE';

create table research_export_chunk (
    export_id uuid not null references research_export (id) on delete cascade,
    seq       integer not null,
    data      bytea not null,
    primary key (export_id, seq)
);
