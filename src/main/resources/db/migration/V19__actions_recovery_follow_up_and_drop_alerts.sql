-- A follow-up that came from a recovery survey names its response: one follow-up per response.
alter table case_follow_up add column response_id bigint;
create unique index uq_case_follow_up_response on case_follow_up (response_id);

-- The workspace's recovery survey: which survey, through which channels, how long after the
-- resolution. One row at most (id 1); without it the defaults apply.
create table recovery_survey_setting (
    id             int          primary key,
    enabled        boolean      not null,
    survey_code    varchar(64)  not null,
    channels       varchar(100) not null,
    delay_minutes  int          not null,
    expiry_hours   int          not null,
    quiet_start    varchar(5),
    quiet_end      varchar(5),
    updated_at     timestamp with time zone not null
);

-- One recovery survey per resolution: a case resolved, reopened and resolved again has two
-- versions at resolution, hence two rows.
create table case_recovery_survey (
    case_id        bigint       not null references cx_case (id),
    case_version   bigint       not null,
    survey_code    varchar(64)  not null,
    invitation_id  bigint,
    requested_at   timestamp with time zone not null,
    primary key (case_id, case_version)
);
create index ix_case_recovery_invitation on case_recovery_survey (invitation_id);

-- Alert rules come in two kinds: on single responses (a condition tree) and on aggregates (a
-- drop of a metric against the previous period, stored as JSON).
alter table alert_rule add column kind varchar(10) default 'RESPONSE' not null;
alter table alert_rule add column drop_json text;
alter table alert_rule add column notify_cx_managers boolean default false not null;

-- One notice per rule, slice and period: the key keeps a drop from being reported twice, even
-- when two nodes evaluate at the same time.
create table alert_drop_notice (
    rule_id         bigint       not null references alert_rule (id) on delete cascade,
    slice           varchar(80)  not null,
    period_start    date         not null,
    unit_id         bigint,
    touchpoint_id   bigint,
    current_value   double precision not null,
    previous_value  double precision not null,
    difference      double precision not null,
    p_value         double precision not null,
    current_n       bigint       not null,
    previous_n      bigint       not null,
    notified        int          not null,
    detected_at     timestamp with time zone not null,
    primary key (rule_id, slice, period_start)
);
