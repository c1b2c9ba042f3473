-- Practitioner administration, private notes and the tamper-evident audit trail.

-- Admins change practitioners with If-Match like every other resource.
alter table practitioner add column version bigint not null default 0;
alter table practitioner add column updated_at timestamptz not null default now();
alter table practitioner add constraint practitioner_not_own_supervisor check (supervisor_id is distinct from id);

-- Psychotherapy notes (HIPAA sense): kept apart from the progress note and readable only by the
-- practitioner who wrote them.
alter table session add column private_note text;
alter table session add column private_note_author_id uuid references practitioner (id);
alter table session add constraint session_private_note_has_author
    check (private_note is null or private_note_author_id is not null);

-- One hash chain per organization. Each event's hash covers its fields and the previous event's
-- hash; audit_chain holds the head so that removing the newest events is detected too.
create table audit_chain (
    organization_id  uuid primary key references organization (id),
    last_seq         bigint not null default 0,
    last_hash        varchar(64) not null default repeat('0', 64)
);

insert into audit_chain (organization_id) select id from organization on conflict do nothing;

create table audit_event (
    organization_id  uuid not null references organization (id),
    seq              bigint not null check (seq > 0),
    id               uuid not null unique,
    occurred_at      timestamptz not null,
    actor_id         uuid references practitioner (id),
    actor_roles      text not null,
    action           varchar(16) not null,
    resource_type    varchar(32) not null,
    resource_id      uuid,
    alliance_id      uuid,
    outcome          varchar(16) not null,
    request_id       varchar(64) not null,
    client_address   varchar(64),
    prev_hash        varchar(64) not null,
    hash             varchar(64) not null,
    primary key (organization_id, seq)
);

create index audit_event_time_idx on audit_event (organization_id, occurred_at);
create index audit_event_actor_idx on audit_event (organization_id, actor_id, seq);
create index audit_event_alliance_idx on audit_event (organization_id, alliance_id, seq);

-- Append only, for every role: the application's role may insert and read, never change or remove.
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit events are append-only' using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();

revoke update, delete, truncate on audit_event from public;
revoke update, delete, truncate on audit_event from current_user;
