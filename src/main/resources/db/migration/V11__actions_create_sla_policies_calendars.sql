-- SLA targets per priority, in business minutes of the case's unit.
create table sla_policy (
    priority                varchar(2) primary key,
    first_response_minutes  int not null,
    resolution_minutes      int not null,
    updated_at              timestamp with time zone not null
);
insert into sla_policy (priority, first_response_minutes, resolution_minutes, updated_at) values
    ('P1', 60, 480, current_timestamp),
    ('P2', 240, 1440, current_timestamp),
    ('P3', 480, 2880, current_timestamp),
    ('P4', 1440, 7200, current_timestamp);

-- A unit's business hours (JSON: day of week to opening windows, in the unit's time zone) and
-- holidays. A unit without a calendar uses its nearest ancestor's.
create table unit_calendar (
    unit_id      bigint primary key references org_unit (id),
    weekly_hours text   not null,
    updated_at   timestamp with time zone not null
);

create table unit_holiday (
    unit_id  bigint not null references unit_calendar (unit_id) on delete cascade,
    holiday  date   not null,
    primary key (unit_id, holiday)
);
