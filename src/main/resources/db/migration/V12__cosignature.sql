-- Co-signature: a session signed for a pre-licensed therapist waits for its therapist's
-- supervisor to co-sign it, or to return it to DRAFT with a comment kept like an addendum.
-- Practitioners already recorded stay licensed; an admin marks the pre-licensed ones.
alter table practitioner add column licensed boolean not null default true;

alter table session add column awaiting_cosign boolean not null default false;
alter table session add column cosigned_by uuid references practitioner (id);
alter table session add column cosigned_at timestamptz;
create index session_awaiting_cosign_idx on session (organization_id, alliance_id) where awaiting_cosign;

alter table session_addendum add column kind varchar(16) not null default 'ADDENDUM'
    check (kind in ('ADDENDUM', 'RETURN'));
