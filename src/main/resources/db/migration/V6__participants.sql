-- A couple, family or group alliance names its participants by short labels (partner-a, never a
-- name); a client's measure names whose it is, so that each participant rates each session.
create table alliance_participant (
    alliance_id  uuid not null references alliance (id),
    label        text not null check (length(label) <= 24 and label ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    primary key (alliance_id, label)
);

-- The foreign key also keeps a participant whose measures exist from being removed, even by a
-- request racing with the one that records a measure.
alter table measure
    add column participant text,
    add constraint measure_participant_known
        foreign key (alliance_id, participant) references alliance_participant (alliance_id, label),
    drop constraint measure_once_per_session,
    add constraint measure_once_per_session
        unique nulls not distinct (session_id, instrument, respondent, timing, participant);
