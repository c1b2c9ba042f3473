-- Rate-limit buckets, one per practitioner, shared by every replica of the service: two replicas
-- give a caller the same budget as one. Unlogged: a bucket is worth nothing after a crash or a
-- failover (it starts full again), and writing no WAL keeps the one statement per request cheap.
create unlogged table rate_bucket (
    organization_id uuid not null,
    practitioner_id uuid not null,
    tokens double precision not null,
    refilled_at timestamptz not null,
    primary key (organization_id, practitioner_id)
);

-- Takes one request from the practitioner's bucket (capacity tokens, refilled at per_second),
-- in one round trip: the row lock orders a caller's concurrent requests across replicas.
-- remaining is what is left after this request; granted says whether it may pass.
create function rate_take(org uuid, who uuid, capacity double precision, per_second double precision,
                          out remaining double precision, out granted boolean)
language plpgsql as $$
declare
    level double precision;
begin
    insert into rate_bucket (organization_id, practitioner_id, tokens, refilled_at)
    values (org, who, capacity, now())
    on conflict (organization_id, practitioner_id) do nothing;
    -- now() is when this statement began; a request that waited on the lock may see a later refill.
    select least(capacity, b.tokens + greatest(0, extract(epoch from now() - b.refilled_at)::double precision) * per_second)
    into level
    from rate_bucket b where b.organization_id = org and b.practitioner_id = who
    for update;
    granted := level >= 1;
    remaining := case when granted then level - 1 else level end;
    update rate_bucket set tokens = remaining, refilled_at = greatest(refilled_at, now())
    where organization_id = org and practitioner_id = who;
end
$$;
