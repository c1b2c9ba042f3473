-- Every table is keyed by its organization, ready for an engine that places each organization's
-- rows together (Citus distributes by a column that every primary, unique and foreign key must
-- include). The organization id goes last in each key, so lookups by id or by alliance keep
-- using the same leading columns as before.

-- 1. The tables that reached their organization only through a parent get its id, kept filled
-- by a trigger from that parent, so that no writer has to repeat it.
create function organization_of_parent() returns trigger language plpgsql as $$
begin
    if new.organization_id is null then
        execute format('select organization_id from %I where id = $1', tg_argv[0])
            into new.organization_id using (to_jsonb(new) ->> tg_argv[1])::uuid;
    end if;
    return new;
end
$$;

do $$
declare
    child record;
begin
    -- In parent-first order: webhook_attempt reads webhook_delivery's.
    for child in select * from (values
            ('session_addendum', 'session_id', 'session', 1),
            ('measure_item', 'measure_id', 'measure', 2),
            ('alliance_participant', 'alliance_id', 'alliance', 3),
            ('idempotency_key', 'practitioner_id', 'practitioner', 4),
            ('webhook_delivery', 'webhook_id', 'webhook', 5),
            ('webhook_attempt', 'delivery_id', 'webhook_delivery', 6),
            ('research_export_chunk', 'export_id', 'research_export', 7)) as t(tbl, fk, parent, ord) order by ord loop
        execute format('alter table %I add column organization_id uuid', child.tbl);
        execute format('update %I c set organization_id = p.organization_id from %I p where p.id = c.%I',
                child.tbl, child.parent, child.fk);
        execute format('alter table %I alter column organization_id set not null', child.tbl);
        execute format('create trigger organization_of_parent before insert on %I for each row '
                || 'execute function organization_of_parent(%L, %L)', child.tbl, child.parent, child.fk);
    end loop;
end
$$;

-- 2. Primary, unique and foreign keys gain organization_id (the organization table is the tenant itself).
do $$
declare
    key record;
begin
    -- Only the product's tables, those that carry organization_id (not Flyway's history).
    create temporary table tenant_table on commit drop as
        select attrelid as oid from pg_attribute a join pg_class c on c.oid = a.attrelid
        where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and a.attname = 'organization_id'
          and c.relname <> 'organization';
    create temporary table old_foreign_key on commit drop as
        select conrelid::regclass as tbl, conname, pg_get_constraintdef(oid) as def
        from pg_constraint where contype = 'f' and conrelid in (select oid from tenant_table);
    for key in select * from old_foreign_key loop
        execute format('alter table %s drop constraint %I', key.tbl, key.conname);
    end loop;
    for key in select conrelid::regclass as tbl, conname, contype, pg_get_constraintdef(oid) as def
               from pg_constraint
               where contype in ('p', 'u') and conrelid in (select oid from tenant_table)
                 and not exists (select 1 from unnest(conkey) k(attnum) join pg_attribute a
                                 on a.attrelid = conrelid and a.attnum = k.attnum where a.attname = 'organization_id')
    loop
        execute format('alter table %s drop constraint %I', key.tbl, key.conname);
        execute format('alter table %s add constraint %I %s', key.tbl, key.conname,
                regexp_replace(key.def, '\)$', ', organization_id)'));
    end loop;
    -- FOREIGN KEY (a) REFERENCES t(id) [...] becomes FOREIGN KEY (a, organization_id) REFERENCES t(id, organization_id).
    for key in select * from old_foreign_key loop
        if key.def ~ 'REFERENCES organization\(' or key.def ~ 'organization_id' then
            execute format('alter table %s add constraint %I %s', key.tbl, key.conname, key.def);
        else
            execute format('alter table %s add constraint %I %s', key.tbl, key.conname,
                    regexp_replace(regexp_replace(key.def, '^FOREIGN KEY \(([^)]*)\)', 'FOREIGN KEY (\1, organization_id)'),
                            'REFERENCES ([a-z_]+)\(([^)]*)\)', 'REFERENCES \1(\2, organization_id)'));
        end if;
    end loop;
end
$$;
