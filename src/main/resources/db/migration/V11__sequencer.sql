-- Writers no longer lock their organization's audit_chain row. A transaction writes what it adds
-- at commit (its audit events and its changes) as one row of pending_commit, in its last statement
-- before COMMIT, with a ticket from a sequence. A background sequencer moves the committed rows it
-- sees into audit_event (numbered and chained) and change_event (numbered), in ticket order. When
-- one transaction's commit returned before another's last statement began, the first holds the
-- smaller ticket and is visible to every snapshot that sees the second, so it is sequenced first:
-- positions follow the commit order. Positions are handed out by one sequencer at a time, in the
-- transaction that moves the rows, so readers, who read only audit_event and change_event, see a
-- gapless prefix that never changes.
create sequence commit_ticket;

create table pending_commit (
    id               uuid primary key,
    organization_id  uuid not null references organization (id),
    ticket           bigint not null,
    written_at       timestamptz not null,
    events           jsonb not null,
    changes          jsonb not null
);
create index pending_commit_order_idx on pending_commit (organization_id, ticket);
