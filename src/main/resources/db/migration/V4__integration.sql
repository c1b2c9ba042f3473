-- EHR integration: safe retries, the EHR's session ids, the change feed and webhooks.

-- An answered POST, kept per caller and Idempotency-Key; written in the transaction of the work it
-- answers, so a key is stored exactly when its work is.
create table idempotency_key (
    practitioner_id    uuid not null references practitioner (id),
    idempotency_key    varchar(255) not null,
    request_hash       varchar(64) not null,
    response_status    integer not null,
    response_body      text,
    response_location  text,
    response_etag      text,
    created_at         timestamptz not null,
    expires_at         timestamptz not null,
    primary key (practitioner_id, idempotency_key)
);
create index idempotency_key_expiry_idx on idempotency_key (expires_at);

alter table session add column external_id text;
alter table session add constraint session_external_id_unique unique (organization_id, external_id);

-- The change feed. Positions are handed out per organization while the audit chain's row is locked,
-- that is at the end of each writing transaction and until it commits: they are gapless and in
-- commit order, so a consumer that reads past position N has seen every change up to N.
alter table audit_chain add column last_change bigint not null default 0;

create table change_event (
    organization_id  uuid not null references organization (id),
    position         bigint not null check (position > 0),
    resource_type    varchar(32) not null,
    resource_id      uuid not null,
    alliance_id      uuid,
    action           varchar(16) not null,
    occurred_at      timestamptz not null,
    primary key (organization_id, position)
);

create table webhook (
    id               uuid primary key,
    organization_id  uuid not null references organization (id),
    url              text not null,
    event_types      text[] not null,
    secret           text not null,
    created_by       uuid not null references practitioner (id),
    created_at       timestamptz not null,
    deleted_at       timestamptz
);
create index webhook_organization_idx on webhook (organization_id) where deleted_at is null;

-- The outbox: one row per change and subscribed webhook, written with the change.
create table webhook_delivery (
    id               uuid primary key,
    webhook_id       uuid not null references webhook (id),
    position         bigint not null,
    event_type       varchar(64) not null,
    payload          text not null,
    status           varchar(16) not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         integer not null default 0,
    next_attempt_at  timestamptz not null,
    created_at       timestamptz not null,
    delivered_at     timestamptz
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_webhook_idx on webhook_delivery (webhook_id, created_at);

create table webhook_attempt (
    delivery_id      uuid not null references webhook_delivery (id),
    attempt          integer not null,
    attempted_at     timestamptz not null,
    response_status  integer,
    error            varchar(200),
    duration_ms      integer not null,
    primary key (delivery_id, attempt)
);

-- Receivers on private addresses are refused unless the organization allows them.
alter table organization_settings add column allow_private_webhook_receivers boolean not null default false;
