-- Mergeable daily aggregates of evaluated responses. Absent dimensions are stored as 0 / ''
-- so that the whole key can be a primary key; every measure is a count, a sum and a sum of
-- squares, so that any slice or period is a sum of rows.
create table analytics_daily (
    local_day          date             not null,
    survey_id          bigint           not null,
    touchpoint_id      bigint           not null,
    stage_id           bigint           not null,
    unit_id            bigint           not null,
    channel            varchar(20)      not null,
    lifecycle_class    varchar(64)      not null,
    value_tier         varchar(20)      not null,
    age_band           varchar(20)      not null,
    responses          bigint           not null,
    promoters          bigint           not null,
    passives           bigint           not null,
    detractors         bigint           not null,
    csat_top_two       bigint           not null,
    csat_n bigint not null, csat_sum double precision not null, csat_sq double precision not null,
    ces_n bigint not null, ces_sum double precision not null, ces_sq double precision not null,
    sense_n bigint not null, sense_sum double precision not null, sense_sq double precision not null,
    feel_n bigint not null, feel_sum double precision not null, feel_sq double precision not null,
    think_n bigint not null, think_sum double precision not null, think_sq double precision not null,
    act_n bigint not null, act_sum double precision not null, act_sq double precision not null,
    relate_n bigint not null, relate_sum double precision not null, relate_sq double precision not null,
    gap_n bigint not null, gap_sum double precision not null, gap_sq double precision not null,
    intensity_n bigint not null, intensity_sum double precision not null, intensity_sq double precision not null,
    participation_n bigint not null, participation_sum double precision not null,
    participation_sq double precision not null,
    level_negative     bigint           not null,
    level_none         bigint           not null,
    level_low          bigint           not null,
    level_medium       bigint           not null,
    level_high         bigint           not null,
    primary key (local_day, survey_id, touchpoint_id, stage_id, unit_id, channel, lifecycle_class, value_tier,
        age_band)
);

-- The mean of any numeric question.
create table analytics_rating_daily (
    local_day          date             not null,
    survey_id          bigint           not null,
    question_code      varchar(80)      not null,
    touchpoint_id      bigint           not null,
    unit_id            bigint           not null,
    n                  bigint           not null,
    total              double precision not null,
    sum_sq             double precision not null,
    primary key (local_day, survey_id, question_code, touchpoint_id, unit_id)
);

-- Key-driver sufficient statistics: per day and survey (and driver set, in case versions
-- of a survey ask different questions), the sums and packed cross-products of the drivers
-- and the NPS outcome, as space-separated numbers.
create table analytics_driver_daily (
    local_day          date             not null,
    survey_id          bigint           not null,
    drivers            varchar(1000)    not null,
    n                  bigint           not null,
    sums               text             not null,
    products           text             not null,
    primary key (local_day, survey_id, drivers)
);

-- Responses already rolled up: a second delivery of the same evaluation changes nothing.
create table aggregated_response (
    response_id        bigint primary key
);
