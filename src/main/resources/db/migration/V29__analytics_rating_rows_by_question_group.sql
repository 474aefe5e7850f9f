-- Rating aggregates in one row per day, survey, touchpoint, unit and group of 16 questions instead
-- of one row per question: a response adds to one rating row for every 16 numeric questions it
-- answered, where it added to one row for each. Each survey's questions are numbered in
-- analytics_rating_slot; question k is held in the row of group k / 16, in columns n_c, sum_c and
-- sq_c, c = k mod 16.
create table analytics_rating_slot (
    survey_id          bigint      not null,
    question_code      varchar(80) not null,
    slot               int         not null,
    primary key (survey_id, question_code),
    unique (survey_id, slot)
);

insert into analytics_rating_slot (survey_id, question_code, slot)
select survey_id, question_code, cast(row_number() over (partition by survey_id order by question_code) - 1 as int)
from (select distinct survey_id, question_code from analytics_rating_daily) asked;

create table analytics_rating_group_daily (
    local_day          date   not null,
    survey_id          bigint not null,
    touchpoint_id      bigint not null,
    unit_id            bigint not null,
    slot_group         int    not null,
    n_0   bigint not null,
    n_1   bigint not null,
    n_2   bigint not null,
    n_3   bigint not null,
    n_4   bigint not null,
    n_5   bigint not null,
    n_6   bigint not null,
    n_7   bigint not null,
    n_8   bigint not null,
    n_9   bigint not null,
    n_10  bigint not null,
    n_11  bigint not null,
    n_12  bigint not null,
    n_13  bigint not null,
    n_14  bigint not null,
    n_15  bigint not null,
    sum_0   double precision not null,
    sum_1   double precision not null,
    sum_2   double precision not null,
    sum_3   double precision not null,
    sum_4   double precision not null,
    sum_5   double precision not null,
    sum_6   double precision not null,
    sum_7   double precision not null,
    sum_8   double precision not null,
    sum_9   double precision not null,
    sum_10  double precision not null,
    sum_11  double precision not null,
    sum_12  double precision not null,
    sum_13  double precision not null,
    sum_14  double precision not null,
    sum_15  double precision not null,
    sq_0   double precision not null,
    sq_1   double precision not null,
    sq_2   double precision not null,
    sq_3   double precision not null,
    sq_4   double precision not null,
    sq_5   double precision not null,
    sq_6   double precision not null,
    sq_7   double precision not null,
    sq_8   double precision not null,
    sq_9   double precision not null,
    sq_10  double precision not null,
    sq_11  double precision not null,
    sq_12  double precision not null,
    sq_13  double precision not null,
    sq_14  double precision not null,
    sq_15  double precision not null,
    primary key (local_day, survey_id, touchpoint_id, unit_id, slot_group)
);

insert into analytics_rating_group_daily
select r.local_day, r.survey_id, r.touchpoint_id, r.unit_id, s.slot / 16,
    sum(case when mod(s.slot, 16) = 0 then r.n else 0 end),
    sum(case when mod(s.slot, 16) = 1 then r.n else 0 end),
    sum(case when mod(s.slot, 16) = 2 then r.n else 0 end),
    sum(case when mod(s.slot, 16) = 3 then r.n else 0 end),
    sum(case when mod(s.slot, 16) = 4 then r.n else 0 end),
    sum(case when mod(s.slot, 16) = 5 then r.n else 0 end),
    sum(case when mod(s.slot, 16) = 6 then r.n else 0 end),
    sum(case when mod(s.slot, 16) = 7 then r.n else 0 end),
    sum(case when mod(s.slot, 16) = 8 then r.n else 0 end),
    sum(case when mod(s.slot, 16) = 9 then r.n else 0 end),
    sum(case when mod(s.slot, 16) = 10 then r.n else 0 end),
    sum(case when mod(s.slot, 16) = 11 then r.n else 0 end),
    sum(case when mod(s.slot, 16) = 12 then r.n else 0 end),
    sum(case when mod(s.slot, 16) = 13 then r.n else 0 end),
    sum(case when mod(s.slot, 16) = 14 then r.n else 0 end),
    sum(case when mod(s.slot, 16) = 15 then r.n else 0 end),
    sum(case when mod(s.slot, 16) = 0 then r.total else 0 end),
    sum(case when mod(s.slot, 16) = 1 then r.total else 0 end),
    sum(case when mod(s.slot, 16) = 2 then r.total else 0 end),
    sum(case when mod(s.slot, 16) = 3 then r.total else 0 end),
    sum(case when mod(s.slot, 16) = 4 then r.total else 0 end),
    sum(case when mod(s.slot, 16) = 5 then r.total else 0 end),
    sum(case when mod(s.slot, 16) = 6 then r.total else 0 end),
    sum(case when mod(s.slot, 16) = 7 then r.total else 0 end),
    sum(case when mod(s.slot, 16) = 8 then r.total else 0 end),
    sum(case when mod(s.slot, 16) = 9 then r.total else 0 end),
    sum(case when mod(s.slot, 16) = 10 then r.total else 0 end),
    sum(case when mod(s.slot, 16) = 11 then r.total else 0 end),
    sum(case when mod(s.slot, 16) = 12 then r.total else 0 end),
    sum(case when mod(s.slot, 16) = 13 then r.total else 0 end),
    sum(case when mod(s.slot, 16) = 14 then r.total else 0 end),
    sum(case when mod(s.slot, 16) = 15 then r.total else 0 end),
    sum(case when mod(s.slot, 16) = 0 then r.sum_sq else 0 end),
    sum(case when mod(s.slot, 16) = 1 then r.sum_sq else 0 end),
    sum(case when mod(s.slot, 16) = 2 then r.sum_sq else 0 end),
    sum(case when mod(s.slot, 16) = 3 then r.sum_sq else 0 end),
    sum(case when mod(s.slot, 16) = 4 then r.sum_sq else 0 end),
    sum(case when mod(s.slot, 16) = 5 then r.sum_sq else 0 end),
    sum(case when mod(s.slot, 16) = 6 then r.sum_sq else 0 end),
    sum(case when mod(s.slot, 16) = 7 then r.sum_sq else 0 end),
    sum(case when mod(s.slot, 16) = 8 then r.sum_sq else 0 end),
    sum(case when mod(s.slot, 16) = 9 then r.sum_sq else 0 end),
    sum(case when mod(s.slot, 16) = 10 then r.sum_sq else 0 end),
    sum(case when mod(s.slot, 16) = 11 then r.sum_sq else 0 end),
    sum(case when mod(s.slot, 16) = 12 then r.sum_sq else 0 end),
    sum(case when mod(s.slot, 16) = 13 then r.sum_sq else 0 end),
    sum(case when mod(s.slot, 16) = 14 then r.sum_sq else 0 end),
    sum(case when mod(s.slot, 16) = 15 then r.sum_sq else 0 end)
from analytics_rating_daily r
join analytics_rating_slot s on s.survey_id = r.survey_id and s.question_code = r.question_code
group by r.local_day, r.survey_id, r.touchpoint_id, r.unit_id, s.slot / 16;

drop table analytics_rating_daily;

alter table analytics_rating_group_daily rename to analytics_rating_daily;
