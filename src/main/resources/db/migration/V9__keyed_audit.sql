-- Each audit event's hash becomes an HMAC-SHA-256 under a key the database never holds (the
-- operator mounts it); key_id names that key so that keys can rotate. Events written before
-- this migration keep their plain SHA-256 hash and no key id: verify accepts them only when the
-- operator allows it (attune.audit.unkeyed-events-allowed), since anyone who can write the
-- table could compute such a hash.
alter table audit_event add column key_id varchar(64);
