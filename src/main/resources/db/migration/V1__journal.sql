-- Attune journal schema. Every clinical row carries its organization so that every query can be
-- scoped to the caller's tenant; enumerations are text with check constraints so that the
-- database refuses what the service would refuse.

create table organization (
    id          uuid primary key,
    org_key     text not null unique,            -- the token's `org` claim
    created_at  timestamptz not null default now()
);

create table practitioner (
    id               uuid primary key,
    organization_id  uuid not null references organization (id),
    subject          text not null,              -- the token's `sub` claim
    display_name     text,
    roles            text[] not null default '{}',
    supervisor_id    uuid references practitioner (id),
    active           boolean not null default true,
    created_at       timestamptz not null default now(),
    unique (organization_id, subject)
);

create table client (
    id               uuid primary key,
    organization_id  uuid not null references organization (id),
    external_id      text,
    display_label    text,
    birth_year       integer check (birth_year between 1900 and 2100),
    created_by       uuid not null references practitioner (id),
    created_at       timestamptz not null default now(),
    version          bigint not null default 0,
    constraint client_external_id_unique unique (organization_id, external_id)
);

create table alliance (
    id                   uuid primary key,
    organization_id      uuid not null references organization (id),
    client_id            uuid not null references client (id),
    therapist_id         uuid not null references practitioner (id),
    format               text not null check (format in ('INDIVIDUAL', 'COUPLE', 'FAMILY', 'GROUP')),
    status               text not null check (status in ('ACTIVE', 'ON_HOLD', 'CLOSED_PLANNED', 'CLOSED_UNPLANNED')),
    started_on           date not null,
    ended_on             date,
    external_id          text,
    -- Highest session number handed out; bumped with a row lock so numbers never repeat.
    last_session_number  integer not null default 0,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    version              bigint not null default 0,
    constraint alliance_external_id_unique unique (organization_id, external_id),
    constraint alliance_end_after_start check (ended_on is null or ended_on >= started_on),
    constraint alliance_closed_has_end check ((status in ('CLOSED_PLANNED', 'CLOSED_UNPLANNED')) = (ended_on is not null))
);
create index alliance_therapist_status_idx on alliance (therapist_id, status);
create index alliance_client_idx on alliance (client_id);

create table session (
    id                uuid primary key,
    organization_id   uuid not null references organization (id),
    alliance_id       uuid not null references alliance (id),
    number            integer not null check (number > 0),
    occurred_at       timestamptz not null,
    duration_minutes  integer check (duration_minutes between 0 and 600),
    mode              text check (mode in ('IN_PERSON', 'VIDEO', 'PHONE')),
    attendance        text not null check (attendance in ('ATTENDED', 'CLIENT_CANCELLED', 'CLIENT_NO_SHOW',
                                                          'THERAPIST_CANCELLED', 'THERAPIST_NO_SHOW')),
    note              text,
    status            text not null check (status in ('DRAFT', 'SIGNED')),
    signed_at         timestamptz,
    signed_by         uuid references practitioner (id),
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           bigint not null default 0,
    constraint session_number_unique unique (alliance_id, number),
    constraint session_signed_consistent check ((status = 'SIGNED') = (signed_at is not null))
);

-- A signed note is never overwritten: corrections are addenda with their own author and time.
create table session_addendum (
    id          uuid primary key,
    session_id  uuid not null references session (id),
    author_id   uuid not null references practitioner (id),
    written_at  timestamptz not null,
    text        text not null
);
create index session_addendum_session_idx on session_addendum (session_id, written_at);

create table measure (
    id               uuid primary key,
    organization_id  uuid not null references organization (id),
    alliance_id      uuid not null references alliance (id),
    session_id       uuid not null references session (id),
    instrument       text not null check (instrument in ('SRS', 'ORS', 'WAI_SR', 'PSQ_RUPTURE')),
    respondent       text not null check (respondent in ('CLIENT', 'THERAPIST', 'OBSERVER')),
    timing           text not null check (timing in ('PRE_SESSION', 'POST_SESSION')),
    total            numeric(4, 1),              -- computed by the service; null where an instrument has none
    created_at       timestamptz not null default now(),
    constraint measure_once_per_session unique (session_id, instrument, respondent, timing)
);
create index measure_alliance_idx on measure (alliance_id, instrument);

create table measure_item (
    measure_id  uuid not null references measure (id) on delete cascade,
    item_code   text not null,
    score       numeric(3, 1) not null,
    primary key (measure_id, item_code)
);

create table rupture (
    id                      uuid primary key,
    organization_id         uuid not null references organization (id),
    alliance_id             uuid not null references alliance (id),
    session_id              uuid not null references session (id),
    type                    text not null check (type in ('WITHDRAWAL', 'CONFRONTATION', 'MIXED')),
    markers                 varchar(64)[] not null default '{}',
    tags                    varchar(64)[] not null default '{}',
    dimension               text check (dimension in ('BOND', 'TASK', 'GOAL')),
    significance            smallint not null check (significance between 1 and 5),
    therapist_contribution  smallint check (therapist_contribution between 1 and 5),
    reported_by             text not null check (reported_by in ('THERAPIST', 'CLIENT', 'OBSERVER', 'SUPERVISOR')),
    minute_in_session       integer check (minute_in_session between 0 and 600),
    description             text,
    status                  text not null check (status in ('OPEN', 'PARTIALLY_RESOLVED', 'RESOLVED', 'UNRESOLVED_AT_CLOSE')),
    created_at              timestamptz not null default now(),
    updated_at              timestamptz not null default now(),
    version                 bigint not null default 0
);
create index rupture_alliance_idx on rupture (alliance_id, status);
create index rupture_session_idx on rupture (session_id);
create index rupture_tags_idx on rupture using gin (tags);

create table repair (
    id                 uuid primary key,
    organization_id    uuid not null references organization (id),
    alliance_id        uuid not null references alliance (id),
    rupture_id         uuid not null references rupture (id),
    session_id         uuid references session (id),  -- null for a repair between sessions
    performed_at       timestamptz not null,          -- the session's time when made in a session
    strategy           text not null check (strategy in (
                           'CLARIFY_MISUNDERSTANDING', 'CHANGE_TASKS_OR_GOALS', 'PROVIDE_RATIONALE',
                           'REDIRECT_OR_REFOCUS', 'INVITE_DISCUSSION_OF_RUPTURE',
                           'ACKNOWLEDGE_OWN_CONTRIBUTION', 'DISCLOSE_OWN_EXPERIENCE',
                           'LINK_TO_PATTERNS_WITH_THERAPIST', 'LINK_TO_PATTERNS_IN_OTHER_RELATIONSHIPS',
                           'VALIDATE_DEFENSIVE_POSTURE', 'OTHER')),
    initiated_by       text not null check (initiated_by in ('THERAPIST', 'CLIENT')),
    outcome            text not null check (outcome in ('RESOLVED', 'PARTIALLY_RESOLVED', 'UNRESOLVED')),
    resolution_rating  smallint check (resolution_rating between 1 and 5),
    description        text,
    created_at         timestamptz not null default now(),
    constraint repair_other_described check (strategy <> 'OTHER' or description is not null)
);
create index repair_rupture_idx on repair (rupture_id, performed_at);
create index repair_alliance_idx on repair (alliance_id);
create index repair_session_idx on repair (session_id);
