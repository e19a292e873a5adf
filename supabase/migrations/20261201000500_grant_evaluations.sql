-- 绩效评价 from the data, not from self-reports (issue 9). evaluate_grant snapshots the grant's targets
-- against actuals taken from APPROVED service records of the grant's team (and project, when the grant names
-- one) in the grant period: hours, distinct people (volunteers who served), activities; plus cost per approved
-- service hour (paid ÷ hours). Achievement = the mean over the targets set (> 0) of min(actual / target, 1);
-- the grade is the highest of performance_grades (data, kept by the organisation department) whose
-- min_achievement it reaches. Finance of the scope or the organisation department evaluates (again, until
-- published); the organisation department publishes.

create table public.performance_grades (
  grade text primary key check (grade ~ '^[a-z_]{1,20}$'),
  label text not null check (length(btrim(label)) between 1 and 20),
  min_achievement numeric(4, 3) not null unique check (min_achievement between 0 and 1),
  sort_order smallint not null default 0
);
comment on table public.performance_grades is '绩效等级 rules: the lowest achievement for each grade';
insert into public.performance_grades (grade, label, min_achievement, sort_order) values
  ('excellent', '优秀', 0.95, 1), ('good', '良好', 0.8, 2), ('pass', '合格', 0.6, 3), ('fail', '不合格', 0, 4);

create table public.grant_evaluations (
  id bigint generated always as identity primary key,
  grant_id bigint not null unique references public.grants (id) on delete restrict,
  period_start date not null,
  period_end date not null,
  target_hours numeric(10, 1) not null,
  target_people integer not null,
  target_activities integer not null,
  actual_hours numeric(12, 1) not null,
  actual_people integer not null,
  actual_activities integer not null,
  paid_fen bigint not null,
  cost_per_hour_fen bigint,
  achievement numeric(5, 4) not null,
  grade text not null references public.performance_grades (grade) on update cascade on delete restrict,
  evaluated_by uuid references auth.users (id) on delete set null,
  evaluated_at timestamptz not null default now(),
  published boolean not null default false,
  published_by uuid references auth.users (id) on delete set null,
  published_at timestamptz
);
comment on table public.grant_evaluations is '绩效评价: targets vs actuals from approved service records, cost per hour, grade';
create index grant_evaluations_grade on public.grant_evaluations (grade);
create index grant_evaluations_evaluated_by on public.grant_evaluations (evaluated_by);
create index grant_evaluations_published_by on public.grant_evaluations (published_by);

alter table public.performance_grades enable row level security;
alter table public.grant_evaluations enable row level security;
create policy performance_grades_select on public.performance_grades for select to authenticated
  using ((select private.has_any_role()));
create policy performance_grades_insert on public.performance_grades for insert to authenticated
  with check ((select private.is_org_admin()));
create policy performance_grades_update on public.performance_grades for update to authenticated
  using ((select private.is_org_admin())) with check ((select private.is_org_admin()));
create policy performance_grades_delete on public.performance_grades for delete to authenticated
  using ((select private.is_org_admin()));
create policy grant_evaluations_select on public.grant_evaluations for select to authenticated
  using (grant_id in (select g.id from public.grants g));

revoke all on public.performance_grades, public.grant_evaluations from anon, authenticated, service_role;
grant select, delete on public.performance_grades to authenticated;
grant insert (grade, label, min_achievement, sort_order) on public.performance_grades to authenticated;
grant update (label, min_achievement, sort_order) on public.performance_grades to authenticated;
grant select on public.grant_evaluations to authenticated;

-- Actuals of a grant from approved service records (team, project when named, period).
create or replace function private.grant_actuals(p_grant_id bigint,
  out hours numeric, out people integer, out activities integer, out paid_fen bigint)
language sql stable security definer set search_path = '' as $$
  select coalesce(sum(r.hours), 0), count(distinct r.volunteer_id)::integer, count(distinct r.activity_id)::integer,
         (select coalesce(sum(case when l.kind = 'disbursement' then l.amount_fen when l.kind = 'return' then -l.amount_fen else 0 end), 0)
            from public.fund_ledger l where l.application_id = g.application_id)::bigint
    from public.grants g
    left join public.service_records r on r.team_id = g.team_id and r.status = 'approved'
                                      and r.service_date between g.starts_on and g.ends_on
                                      and (g.project_id is null or exists (select 1 from public.service_activities sa
                                                                           where sa.id = r.activity_id and sa.project_id = g.project_id))
   where g.id = p_grant_id
   group by g.id, g.application_id
$$;
revoke all on function private.grant_actuals(bigint) from public, anon;

create or replace function public.evaluate_grant(p_grant_id bigint)
returns public.grant_evaluations
language plpgsql security definer set search_path = '' as $$
declare
  g public.grants;
  x record;
  v_ach numeric;
  v_grade text;
  e public.grant_evaluations;
begin
  g := private.grant_lock(p_grant_id, false);                   -- F3
  if not (g.team_id = any (private.finance_unit_ids()) or private.is_org_admin()) then
    raise exception 'only finance of the scope or the organisation department evaluates' using errcode = '42501', hint = 'funds.not_finance_scope';
  end if;
  if exists (select 1 from public.grant_evaluations where grant_id = g.id and published) then
    raise exception 'the evaluation is published' using errcode = '23514', hint = 'funds.evaluation_published';
  end if;
  -- 绩效 is taken at the end of a grant: a running grant is evaluated once its period is over (a closed one at once)
  if g.status = 'active' and g.ends_on >= private.district_today() then
    raise exception 'the grant runs until %: it is evaluated after its period', g.ends_on
      using errcode = '23514', hint = 'funds.evaluation_too_early';
  end if;
  select * into x from private.grant_actuals(g.id);
  select avg(least(v.actual / v.target, 1)) into v_ach
    from (values (x.hours, g.target_hours::numeric), (x.people::numeric, g.target_people::numeric),
                 (x.activities::numeric, g.target_activities::numeric)) v(actual, target)
   where v.target > 0;
  v_ach := round(coalesce(v_ach, 0), 4);
  select grade into v_grade from public.performance_grades where min_achievement <= v_ach order by min_achievement desc limit 1;
  insert into public.grant_evaluations as ev (grant_id, period_start, period_end, target_hours, target_people, target_activities,
                                              actual_hours, actual_people, actual_activities, paid_fen, cost_per_hour_fen,
                                              achievement, grade, evaluated_by)
  values (g.id, g.starts_on, g.ends_on, g.target_hours, g.target_people, g.target_activities, x.hours, x.people, x.activities,
          x.paid_fen, case when x.hours > 0 then round(x.paid_fen / x.hours)::bigint end, v_ach, v_grade, auth.uid())
  on conflict (grant_id) do update set
    period_start = excluded.period_start, period_end = excluded.period_end, target_hours = excluded.target_hours,
    target_people = excluded.target_people, target_activities = excluded.target_activities, actual_hours = excluded.actual_hours,
    actual_people = excluded.actual_people, actual_activities = excluded.actual_activities, paid_fen = excluded.paid_fen,
    cost_per_hour_fen = excluded.cost_per_hour_fen, achievement = excluded.achievement, grade = excluded.grade,
    evaluated_by = excluded.evaluated_by, evaluated_at = now()
  returning * into e;
  return e;
end $$;

create or replace function public.publish_evaluation(p_grant_id bigint, p_published boolean default true)
returns boolean
language plpgsql security definer set search_path = '' as $$
begin
  if not private.is_org_admin() then
    raise exception 'only the organisation department publishes' using errcode = '42501', hint = 'funds.not_decider';
  end if;
  update public.grant_evaluations
     set published = p_published, published_by = case when p_published then auth.uid() end,
         published_at = case when p_published then now() end
   where grant_id = p_grant_id;
  if not found then
    raise exception 'evaluate the grant first' using errcode = 'P0002', hint = 'funds.not_found';
  end if;
  return p_published;
end $$;

revoke execute on function public.evaluate_grant(bigint), public.publish_evaluation(bigint, boolean) from public, anon;
grant execute on function public.evaluate_grant(bigint), public.publish_evaluation(bigint, boolean) to authenticated;
