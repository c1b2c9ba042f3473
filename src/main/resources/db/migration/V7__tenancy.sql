-- Organizations are provisioned by the operator: a display name, a suspension switch and a version
-- for If-Match. Organizations registered before this (first seen in a token) stay provisioned.
alter table organization
    add column display_name text check (length(display_name) between 1 and 200),
    add column suspended    boolean not null default false,
    add column version      bigint not null default 0;
update organization set display_name = org_key where display_name is null;
alter table organization alter column display_name set not null;
