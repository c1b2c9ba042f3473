-- A drop in the SRS counts (SRS_DROP, a V-shaped dip) only when it is at least this many points;
-- a report's dates are days in the organization's own time zone (an IANA name).
alter table organization_settings
    add column srs_drop_points numeric(3, 1) not null default 1.0 check (srs_drop_points between 0.1 and 10),
    add column time_zone       text not null default 'UTC' check (length(time_zone) between 1 and 64);
