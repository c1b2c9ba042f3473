-- A drop in the SRS counts (SRS_DROP, a V-shaped dip) only when it is at least this many points;
-- a report's dates are days in the organization's own time zone (an IANA name).
alter table organization_settings
    add column srs_drop_points numeric(3, 1) not null default 1.0 check (srs_drop_points between 0.1 and 10),
    add column time_zone       text not null default 'UTC' check (length(time_zone) between 1 and 64);

-- A repair episode uses one to four 3RS strategies, the first its main one (owning a mistake and
-- exploring it together is one episode, with one outcome).
alter table repair add column strategies text[];
update repair set strategies = array[strategy];
alter table repair
    drop constraint repair_other_described,
    drop column strategy,
    alter column strategies set not null,
    add constraint repair_strategies_known check (cardinality(strategies) between 1 and 4 and strategies <@ array[
        'CLARIFY_MISUNDERSTANDING', 'CHANGE_TASKS_OR_GOALS', 'PROVIDE_RATIONALE', 'REDIRECT_OR_REFOCUS',
        'INVITE_DISCUSSION_OF_RUPTURE', 'ACKNOWLEDGE_OWN_CONTRIBUTION', 'DISCLOSE_OWN_EXPERIENCE',
        'LINK_TO_PATTERNS_WITH_THERAPIST', 'LINK_TO_PATTERNS_IN_OTHER_RELATIONSHIPS', 'VALIDATE_DEFENSIVE_POSTURE',
        'OTHER']::text[]),
    add constraint repair_other_described check (not ('OTHER' = any(strategies)) or description is not null);
