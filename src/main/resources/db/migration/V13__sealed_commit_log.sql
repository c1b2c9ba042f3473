-- A commit log row is sealed by the service that wrote it: an HMAC under the audit key (the key id
-- and the MAC) over its organization, id, events and changes, which the sequencer checks before it
-- chains anything, so that whoever can write the table cannot have the sequencer sign an event it
-- forged or altered. A row whose seal fails is moved aside, never sequenced.
alter table pending_commit add column seal varchar(200) not null default '';
alter table pending_commit alter column seal drop default;
-- Kept exactly as sealed: jsonb would reorder and respace it.
alter table pending_commit alter column events type text, alter column changes type text;

create table pending_commit_refused (like pending_commit);
alter table pending_commit_refused add column refused_at timestamptz not null default now();

-- A logged commit is written once and then only moved: nobody changes it in place.
create function pending_commit_unchanged() returns trigger language plpgsql as $$
begin
    raise exception 'commit logs are not changed in place' using errcode = 'insufficient_privilege';
end;
$$;
create trigger pending_commit_no_update before update on pending_commit
    for each row execute function pending_commit_unchanged();
