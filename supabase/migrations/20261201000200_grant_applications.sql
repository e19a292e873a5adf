-- Grant applications (申报) and their workflow (issue 9):
--   draft → submitted → screened (初审, street/community admin) → checked (财务预算审核: lines chosen, finance)
--   → in_notice (决定: the organisation department approves; money is committed on the lines; 公示 for
--     notice_working_days working days, objections recorded and resolved) → approved (agreement + grant)
--   and rejected / withdrawn from the open states.
-- A draft and its itemised budget are written through the table API by the applicant (column grants); every
-- state change is a security-definer RPC that checks the actor, its scope and the state, and writes the
-- transition history. Four eyes: applicant, screener, finance checker and decider(s) are different people;
-- above fund_settings.two_approval_threshold_fen two different org_admins approve (the second decides).
-- Money is committed under the lines' row locks (lock order F2 application → F4 lines ascending, see
-- 20261201000100), so concurrent decisions never over-commit a line.
-- "Working days" skip Saturdays and Sundays (no holiday calendar yet).

create type public.application_status as enum ('draft', 'submitted', 'screened', 'checked', 'in_notice', 'approved',
                                               'rejected', 'withdrawn');
create type public.objection_status as enum ('open', 'upheld', 'dismissed');

create table public.grant_applications (
  id bigint generated always as identity primary key,
  team_id bigint not null references public.org_units (id) on delete restrict,
  project_id bigint references public.projects (id) on delete restrict,
  purpose public.budget_purpose not null,
  venue_name text check (length(venue_name) <= 80),
  activity text check (length(activity) <= 120),
  title text not null check (length(btrim(title)) between 1 and 80),
  summary text check (length(summary) <= 2000),
  amount_requested_fen bigint not null check (amount_requested_fen > 0),
  period_start date not null,
  period_end date not null,
  fiscal_year integer generated always as (extract(year from period_start)::integer) stored,
  target_hours numeric(10, 1) not null default 0 check (target_hours >= 0),
  target_people integer not null default 0 check (target_people >= 0),
  target_activities integer not null default 0 check (target_activities >= 0),
  status public.application_status not null default 'draft',
  notice_start date,
  notice_end date,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  submitted_at timestamptz,
  screened_by uuid references auth.users (id) on delete set null,
  checked_by uuid references auth.users (id) on delete set null,
  decided_by uuid references auth.users (id) on delete set null,
  updated_at timestamptz not null default now(),
  constraint grant_applications_period check (period_end >= period_start),
  constraint grant_applications_notice check ((notice_start is null) = (notice_end is null) and (notice_end >= notice_start))
);
comment on table public.grant_applications is '经费申报: draft → submitted → screened → checked → in_notice (公示) → approved / rejected / withdrawn';
create index grant_applications_team on public.grant_applications (team_id, status);
create index grant_applications_status on public.grant_applications (status, fiscal_year);
create index grant_applications_project on public.grant_applications (project_id);
create index grant_applications_created_by on public.grant_applications (created_by);
create index grant_applications_screened_by on public.grant_applications (screened_by);
create index grant_applications_checked_by on public.grant_applications (checked_by);
create index grant_applications_decided_by on public.grant_applications (decided_by);

create table public.application_budget_items (
  id bigint generated always as identity primary key,
  application_id bigint not null references public.grant_applications (id) on delete cascade,
  item text not null check (length(btrim(item)) between 1 and 80),
  amount_fen bigint not null check (amount_fen > 0),
  sort_order smallint not null default 0
);
comment on table public.application_budget_items is '申报预算明细: Σ = amount requested (checked at submission)';
create index application_budget_items_application on public.application_budget_items (application_id);

create table public.application_allocations (
  id bigint generated always as identity primary key,
  application_id bigint not null references public.grant_applications (id) on delete restrict,
  line_id bigint not null references public.budget_lines (id) on delete restrict,
  amount_fen bigint not null check (amount_fen > 0),
  unique (application_id, line_id)
);
comment on table public.application_allocations is '资金安排: the lines chosen at the finance check (Σ = amount requested)';
create index application_allocations_line on public.application_allocations (line_id);

create table public.application_transitions (
  id bigint generated always as identity primary key,
  application_id bigint not null references public.grant_applications (id) on delete cascade,
  from_status public.application_status,
  to_status public.application_status not null,
  actor uuid references auth.users (id) on delete set null,
  at timestamptz not null default now(),
  reason text check (length(reason) <= 1000)
);
comment on table public.application_transitions is '流转记录: every state change with who, when and why';
create index application_transitions_application on public.application_transitions (application_id, at);
create index application_transitions_actor on public.application_transitions (actor);

create table public.application_approvals (
  id bigint generated always as identity primary key,
  application_id bigint not null references public.grant_applications (id) on delete restrict,
  approved_by uuid not null references auth.users (id) on delete restrict,
  approved_at timestamptz not null default now(),
  reason text check (length(reason) <= 1000),
  unique (application_id, approved_by)
);
comment on table public.application_approvals is '审批签字: the decision''s approvals (two different people above the threshold)';
create index application_approvals_approved_by on public.application_approvals (approved_by);

create table public.grant_objections (
  id bigint generated always as identity primary key,
  application_id bigint not null references public.grant_applications (id) on delete restrict,
  received_on date not null default private.district_today(),
  content text not null check (length(btrim(content)) between 1 and 2000),
  status public.objection_status not null default 'open',
  resolution text check (length(resolution) <= 2000),
  recorded_by uuid references auth.users (id) on delete set null,
  recorded_at timestamptz not null default now(),
  resolved_by uuid references auth.users (id) on delete set null,
  resolved_at timestamptz
);
comment on table public.grant_objections is '公示异议: recorded by staff, resolved (upheld / dismissed) before approval';
create index grant_objections_application on public.grant_objections (application_id, status);
create index grant_objections_recorded_by on public.grant_objections (recorded_by);
create index grant_objections_resolved_by on public.grant_objections (resolved_by);

alter table public.fund_ledger
  add constraint fund_ledger_application_fk foreign key (application_id) references public.grant_applications (id) on delete restrict;

-- ─── helpers ──────────────────────────────────────────────────────────────────────────────────
-- The n-th working day (Mon–Fri) after p_day.
create or replace function private.working_days_after(p_day date, p_n integer) returns date
language sql immutable set search_path = '' as $$
  select d from (
    select d::date as d, row_number() over (order by d) as n
      from generate_series(p_day + 1, p_day + p_n * 3 + 7, interval '1 day') d
     where extract(isodow from d) < 6
  ) w where n = p_n
$$;

-- Writes a state change and its history row. Callers hold the application's row lock.
create or replace function private.application_move(p_id bigint, p_from public.application_status,
                                                    p_to public.application_status, p_reason text) returns void
language plpgsql security definer set search_path = '' as $$
begin
  update public.grant_applications set status = p_to, updated_at = now() where id = p_id;
  insert into public.application_transitions (application_id, from_status, to_status, actor, reason)
  values (p_id, p_from, p_to, auth.uid(), nullif(btrim(p_reason), ''));
end $$;

-- Locks an application (F2) and checks that it is in one of the given states.
create or replace function private.application_lock(p_id bigint, p_states public.application_status[])
returns public.grant_applications
language plpgsql security definer set search_path = '' as $$
declare
  a public.grant_applications;
begin
  if auth.uid() is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  select * into a from public.grant_applications where id = p_id for update;
  if a.id is null then
    raise exception 'no such application' using errcode = 'P0002', hint = 'funds.not_found';
  end if;
  if not (a.status = any (p_states)) then
    raise exception 'the application is %, which does not allow this', a.status
      using errcode = '23514', hint = 'funds.bad_state';
  end if;
  return a;
end $$;

create or replace function private.four_eyes(p_people uuid[]) returns void
language plpgsql security definer set search_path = '' as $$
begin
  if auth.uid() = any (p_people) then
    raise exception 'someone who already acted on this application cannot also do this step'
      using errcode = '42501', hint = 'funds.four_eyes';
  end if;
end $$;

-- Whether a project may draw on a 重点倾 (tilt) line: featured, or awarded three stars or more.
create or replace function private.tilt_eligible(p_project_id bigint) returns boolean
language sql stable security definer set search_path = '' as $$
  select p_project_id is not null and (
    exists (select 1 from public.projects where id = p_project_id and is_featured)
    or exists (select 1 from public.ratings r where r.project_id = p_project_id and r.status = 'awarded' and r.star_level >= 3))
$$;

-- Remaining commitment per line of an application (committed − released − disbursed).
create or replace function private.application_commitments(p_id bigint)
returns table (line_id bigint, source_id bigint, remaining_fen bigint)
language sql stable security definer set search_path = '' as $$
  select l.line_id, min(l.source_id),
         coalesce(sum(l.amount_fen) filter (where coalesce(l.reversed_kind, l.kind) = 'commitment'), 0)
         - coalesce(sum(l.amount_fen) filter (where coalesce(l.reversed_kind, l.kind) in ('release', 'disbursement')), 0)
    from public.fund_ledger l
   where l.application_id = p_id and l.line_id is not null and l.kind <> 'reversal'
   group by l.line_id
$$;

-- Releases what is still committed for an application (F4: lines ascending). Caller holds F2.
create or replace function private.release_application(p_id bigint, p_note text) returns void
language plpgsql security definer set search_path = '' as $$
declare
  c record;
begin
  for c in select * from private.application_commitments(p_id) where remaining_fen > 0 order by line_id loop
    perform 1 from public.budget_lines where id = c.line_id for update;
    insert into public.fund_ledger (kind, source_id, line_id, application_id, amount_fen, note, created_by)
    values ('release', c.source_id, c.line_id, p_id, c.remaining_fen, p_note, auth.uid());
  end loop;
end $$;

revoke all on function private.working_days_after(date, integer), private.application_move(bigint, public.application_status, public.application_status, text),
  private.application_lock(bigint, public.application_status[]), private.four_eyes(uuid[]), private.tilt_eligible(bigint),
  private.application_commitments(bigint), private.release_application(bigint, text) from public, anon;
grant execute on function private.working_days_after(date, integer), private.tilt_eligible(bigint) to authenticated;

-- ─── the draft through the table API ──────────────────────────────────────────────────────────
create or replace function private.grant_applications_check() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if not private.in_api_request() then
    return new;   -- seed and maintenance keep what they write
  end if;
  if tg_op = 'INSERT' then
    new.created_by := auth.uid();
    new.created_at := now();
    new.status := 'draft';
    new.screened_by := null; new.checked_by := null; new.decided_by := null;
    new.notice_start := null; new.notice_end := null; new.submitted_at := null;
  else
    -- only the draft's own columns change through the API (column grants); RPCs run as the owner
    if current_user in ('authenticated', 'anon', 'service_role') then
      if new.team_id <> old.team_id then
        raise exception 'an application stays with its team' using errcode = '42501', hint = 'funds.bad_state';
      end if;
    end if;
    new.updated_at := now();
  end if;
  if new.project_id is not null and not exists (
       select 1 from public.projects p join public.org_units t on t.id = new.team_id
        where p.id = new.project_id and (p.level = 'district' or p.org_unit_id = t.street_id)) then
    raise exception 'this project is not one of the team''s street or the district' using errcode = '23514', hint = 'funds.project_scope';
  end if;
  return new;
end $$;
create trigger grant_applications_check before insert or update on public.grant_applications
  for each row execute function private.grant_applications_check();

alter table public.grant_applications enable row level security;
alter table public.application_budget_items enable row level security;
alter table public.application_allocations enable row level security;
alter table public.application_transitions enable row level security;
alter table public.application_approvals enable row level security;
alter table public.grant_objections enable row level security;

-- Read: the team's leaders, the admins and finance of a scope containing the team, the organisation department.
create policy grant_applications_select on public.grant_applications for select to authenticated
  using (team_id in (select unnest(private.readable_unit_ids())));
create policy grant_applications_insert on public.grant_applications for insert to authenticated
  with check (team_id in (select unnest(private.led_team_ids())) and status = 'draft');
create policy grant_applications_update on public.grant_applications for update to authenticated
  using (status = 'draft' and created_by = (select auth.uid()) and team_id in (select unnest(private.led_team_ids())))
  with check (status = 'draft' and created_by = (select auth.uid()) and team_id in (select unnest(private.led_team_ids())));
create policy grant_applications_delete on public.grant_applications for delete to authenticated
  using (status = 'draft' and created_by = (select auth.uid()) and team_id in (select unnest(private.led_team_ids())));

create policy application_budget_items_select on public.application_budget_items for select to authenticated
  using (application_id in (select a.id from public.grant_applications a));
create policy application_budget_items_insert on public.application_budget_items for insert to authenticated
  with check (application_id in (select a.id from public.grant_applications a
                                  where a.status = 'draft' and a.created_by = (select auth.uid())));
create policy application_budget_items_update on public.application_budget_items for update to authenticated
  using (application_id in (select a.id from public.grant_applications a
                             where a.status = 'draft' and a.created_by = (select auth.uid())))
  with check (application_id in (select a.id from public.grant_applications a
                                  where a.status = 'draft' and a.created_by = (select auth.uid())));
create policy application_budget_items_delete on public.application_budget_items for delete to authenticated
  using (application_id in (select a.id from public.grant_applications a
                             where a.status = 'draft' and a.created_by = (select auth.uid())));

create policy application_allocations_select on public.application_allocations for select to authenticated
  using (application_id in (select a.id from public.grant_applications a));
create policy application_transitions_select on public.application_transitions for select to authenticated
  using (application_id in (select a.id from public.grant_applications a));
create policy application_approvals_select on public.application_approvals for select to authenticated
  using (application_id in (select a.id from public.grant_applications a));
create policy grant_objections_select on public.grant_objections for select to authenticated
  using (application_id in (select a.id from public.grant_applications a));

revoke all on public.grant_applications, public.application_budget_items, public.application_allocations,
  public.application_transitions, public.application_approvals, public.grant_objections from anon, authenticated, service_role;
grant select, delete on public.grant_applications to authenticated;
grant insert (team_id, project_id, purpose, venue_name, activity, title, summary, amount_requested_fen, period_start, period_end,
              target_hours, target_people, target_activities) on public.grant_applications to authenticated;
grant update (project_id, purpose, venue_name, activity, title, summary, amount_requested_fen, period_start, period_end,
              target_hours, target_people, target_activities) on public.grant_applications to authenticated;
grant select, delete on public.application_budget_items to authenticated;
grant insert (application_id, item, amount_fen, sort_order) on public.application_budget_items to authenticated;
grant update (item, amount_fen, sort_order) on public.application_budget_items to authenticated;
grant select on public.application_allocations, public.application_transitions, public.application_approvals to authenticated;
-- An objection's content may identify the objector (公示 keeps the objector confidential): every reader of the
-- application (its team's leader too) sees that an objection exists, its status and resolution; only staff of
-- the scope read what it says, through grant_objection_contents() below.
grant select (id, application_id, received_on, status, resolution, recorded_by, recorded_at, resolved_by, resolved_at)
  on public.grant_objections to authenticated;

-- ─── the workflow RPCs ────────────────────────────────────────────────────────────────────────
-- 提交: the applicant (still a leader of the team) submits a complete draft.
create or replace function public.submit_application(p_id bigint, p_reason text default null)
returns public.application_status
language plpgsql security definer set search_path = '' as $$
declare
  a public.grant_applications;
  v_items bigint;
begin
  a := private.application_lock(p_id, '{draft}');
  if a.created_by is distinct from auth.uid() or not (a.team_id = any (private.led_team_ids())) then
    raise exception 'only the applicant, a leader of the team, submits' using errcode = '42501', hint = 'funds.not_applicant';
  end if;
  select coalesce(sum(amount_fen), 0) into v_items from public.application_budget_items where application_id = p_id;
  if v_items <> a.amount_requested_fen then
    raise exception 'the budget items (%) do not add up to the amount requested (%)', v_items, a.amount_requested_fen
      using errcode = '23514', hint = 'funds.items_mismatch';
  end if;
  if a.target_hours <= 0 and a.target_people <= 0 and a.target_activities <= 0 then
    raise exception 'set at least one measurable target' using errcode = '23514', hint = 'funds.targets_required';
  end if;
  update public.grant_applications set submitted_at = now() where id = p_id;
  perform private.application_move(p_id, 'draft', 'submitted', p_reason);
  return 'submitted';
end $$;

-- 初审: an admin (street, community or district) whose scope contains the team; not the applicant.
create or replace function public.screen_application(p_id bigint, p_pass boolean, p_reason text default null)
returns public.application_status
language plpgsql security definer set search_path = '' as $$
declare
  a public.grant_applications;
  v_to public.application_status := case when p_pass then 'screened' else 'rejected' end;
begin
  a := private.application_lock(p_id, '{submitted}');
  if not (a.team_id = any (private.managed_unit_ids())) then
    raise exception 'only an admin of the team''s scope screens' using errcode = '42501', hint = 'funds.not_screener';
  end if;
  perform private.four_eyes(array[a.created_by]);
  if not p_pass and coalesce(btrim(p_reason), '') = '' then
    raise exception 'give a reason' using errcode = '23514', hint = 'funds.reason_required';
  end if;
  update public.grant_applications set screened_by = auth.uid() where id = p_id;
  perform private.application_move(p_id, 'submitted', v_to, p_reason);
  return v_to;
end $$;

-- 财务预算审核: finance of the team's scope chooses the lines (p_allocations = [{line_id, amount_fen}], Σ =
-- amount requested) from sources of its own scope. Refuses a line past 100 %, warns from warn_ratio (the
-- returned rows). Commits nothing: the decision does, under the lines' locks.
create or replace function public.check_application(p_id bigint, p_allocations jsonb, p_reason text default null)
returns table (line_id bigint, amount_fen bigint, available_after_fen bigint, used_ratio_after numeric, warn boolean)
language plpgsql security definer set search_path = '' as $$
#variable_conflict use_column
declare
  a public.grant_applications;
  r record;
  v_sum bigint := 0;
  v_warn numeric;
begin
  a := private.application_lock(p_id, '{screened}');
  if not (a.team_id = any (private.finance_unit_ids())) then
    raise exception 'only finance of the team''s scope checks the budget' using errcode = '42501', hint = 'funds.not_finance_scope';
  end if;
  perform private.four_eyes(array[a.created_by, a.screened_by]);
  if jsonb_typeof(p_allocations) is distinct from 'array' or jsonb_array_length(p_allocations) = 0 then
    raise exception 'choose at least one budget line' using errcode = '23514', hint = 'funds.allocations_required';
  end if;
  select s.warn_ratio into v_warn from public.fund_settings s;
  for r in
    select (x ->> 'line_id')::bigint as lid, sum((x ->> 'amount_fen')::bigint) as amt
      from jsonb_array_elements(p_allocations) x group by 1 order by 1
  loop
    declare
      b public.budget_lines;
      s public.fund_sources;
      v_avail bigint;
    begin
      select * into b from public.budget_lines where id = r.lid;
      if b.id is null then
        raise exception 'no such budget line' using errcode = 'P0002', hint = 'funds.not_found';
      end if;
      select * into s from public.fund_sources where id = b.source_id;
      if not (s.org_unit_id = any (private.finance_unit_ids())) then
        raise exception 'this line belongs to another finance scope' using errcode = '42501', hint = 'funds.not_finance_scope';
      end if;
      if coalesce(r.amt, 0) <= 0 then
        raise exception 'the amount must be positive' using errcode = '23514', hint = 'funds.amount_positive';
      end if;
      if private.year_closed(b.fiscal_year) then
        raise exception 'fiscal year % is closed', b.fiscal_year using errcode = '23514', hint = 'funds.year_closed';
      end if;
      if b.purpose <> a.purpose or (s.restricted_purpose is not null and s.restricted_purpose <> a.purpose) then
        raise exception 'this line is for %, the application for %', b.purpose, a.purpose
          using errcode = '23514', hint = 'funds.restricted_purpose';
      end if;
      if b.is_tilt and not private.tilt_eligible(a.project_id) then
        raise exception 'the tilt pool is only for featured or three-star projects' using errcode = '23514', hint = 'funds.tilt_not_eligible';
      end if;
      v_avail := private.line_available(b.id);
      if r.amt > v_avail then
        raise exception 'line % has % fen available, % asked', b.name, v_avail, r.amt
          using errcode = '23514', hint = 'funds.line_over_budget';
      end if;
      insert into public.application_allocations (application_id, line_id, amount_fen) values (p_id, b.id, r.amt);
      v_sum := v_sum + r.amt;
    end;
  end loop;
  if v_sum <> a.amount_requested_fen then
    raise exception 'the lines (%) must add up to the amount requested (%)', v_sum, a.amount_requested_fen
      using errcode = '23514', hint = 'funds.allocations_mismatch';
  end if;
  update public.grant_applications set checked_by = auth.uid() where id = p_id;
  perform private.application_move(p_id, 'screened', 'checked', p_reason);
  return query
    select al.line_id, al.amount_fen, x.avail - al.amount_fen,
           round((b.amount_fen - x.avail + al.amount_fen)::numeric / b.amount_fen, 4),
           (b.amount_fen - x.avail + al.amount_fen)::numeric / b.amount_fen >= v_warn
      from public.application_allocations al
      join public.budget_lines b on b.id = al.line_id
      cross join lateral (select private.line_available(b.id) as avail) x
     where al.application_id = p_id order by 1;
end $$;

-- 决定: the organisation department. Approve commits the allocations on the lines (F4, ascending) and opens
-- the 公示; above the threshold the first approval is recorded and a second org_admin decides. Reject ends it.
-- Returns the status afterwards ('checked' after a first of two approvals).
create or replace function public.decide_application(p_id bigint, p_approve boolean, p_reason text default null)
returns public.application_status
language plpgsql security definer set search_path = '' as $$
declare
  a public.grant_applications;
  st public.fund_settings;
  r record;
  v_avail bigint;
  v_prior uuid[];
  v_today date := private.district_today();
begin
  a := private.application_lock(p_id, '{checked}');
  if not private.is_org_admin() then
    raise exception 'only the organisation department decides' using errcode = '42501', hint = 'funds.not_decider';
  end if;
  select coalesce(array_agg(approved_by), '{}') into v_prior from public.application_approvals where application_id = p_id;
  perform private.four_eyes(array[a.created_by, a.screened_by, a.checked_by] || v_prior);
  if not p_approve then
    if coalesce(btrim(p_reason), '') = '' then
      raise exception 'give a reason' using errcode = '23514', hint = 'funds.reason_required';
    end if;
    update public.grant_applications set decided_by = auth.uid() where id = p_id;
    perform private.application_move(p_id, 'checked', 'rejected', p_reason);
    return 'rejected';
  end if;
  select * into st from public.fund_settings;
  insert into public.application_approvals (application_id, approved_by, reason) values (p_id, auth.uid(), nullif(btrim(p_reason), ''));
  if a.amount_requested_fen > st.two_approval_threshold_fen and cardinality(v_prior) = 0 then
    return 'checked';   -- first of two approvals
  end if;
  for r in select al.line_id, al.amount_fen, b.source_id, b.fiscal_year, b.name
             from public.application_allocations al join public.budget_lines b on b.id = al.line_id
            where al.application_id = p_id order by al.line_id loop
    perform 1 from public.budget_lines where id = r.line_id for update;   -- F4
    if private.year_closed(r.fiscal_year) then
      raise exception 'fiscal year % is closed', r.fiscal_year using errcode = '23514', hint = 'funds.year_closed';
    end if;
    v_avail := private.line_available(r.line_id);
    if r.amount_fen > v_avail then
      raise exception 'line % has % fen available, % needed', r.name, v_avail, r.amount_fen
        using errcode = '23514', hint = 'funds.line_over_budget';
    end if;
    insert into public.fund_ledger (kind, source_id, line_id, application_id, amount_fen, note, created_by)
    values ('commitment', r.source_id, r.line_id, p_id, r.amount_fen, '决定: ' || a.title, auth.uid());
  end loop;
  update public.grant_applications
     set decided_by = auth.uid(), notice_start = v_today,
         notice_end = private.working_days_after(v_today, st.notice_working_days)
   where id = p_id;
  perform private.application_move(p_id, 'checked', 'in_notice', p_reason);
  return 'in_notice';
end $$;

-- 异议: recorded by staff of the team's scope (admins, finance) or the organisation department during the notice.
create or replace function public.record_objection(p_application_id bigint, p_content text, p_received_on date default null)
returns bigint
language plpgsql security definer set search_path = '' as $$
declare
  a public.grant_applications;
  v_id bigint;
begin
  a := private.application_lock(p_application_id, '{in_notice}');
  if not (a.team_id = any (private.managed_unit_ids()) or a.team_id = any (private.finance_unit_ids())) then
    raise exception 'only staff of the team''s scope record objections' using errcode = '42501', hint = 'funds.not_staff';
  end if;
  insert into public.grant_objections (application_id, received_on, content, recorded_by)
  values (p_application_id, coalesce(p_received_on, private.district_today()), btrim(p_content), auth.uid())
  returning id into v_id;
  return v_id;
end $$;

-- What the objections to an application say: for the staff who record or resolve them (admins and finance of
-- the team's scope, the organisation department); nothing for anyone else (the leader sees only that they exist).
create or replace function public.grant_objection_contents(p_application_id bigint)
returns table (id bigint, content text)
language sql stable security definer set search_path = '' as $$
  select o.id, o.content
    from public.grant_objections o join public.grant_applications a on a.id = o.application_id
   where o.application_id = p_application_id
     and (private.is_org_admin() or a.team_id = any (private.managed_unit_ids()) or a.team_id = any (private.finance_unit_ids()))
   order by o.id
$$;
comment on function public.grant_objection_contents(bigint) is '异议内容: for staff of the scope only (the objector stays confidential)';
revoke execute on function public.grant_objection_contents(bigint) from public, anon;
grant execute on function public.grant_objection_contents(bigint) to authenticated;

-- Who acted on each step of an application, as the unit they acted for (八大湖街道 / 区财政 / 区委组织部): the
-- timeline names people only to staff (staff_profiles); the team's leader, who may not read role grants, sees the
-- unit instead of "经办人". One row per transition of an application the caller reads (the select policy's
-- scope): the actor's active role grant over the team's own branch of the tree that fits the step — the
-- applicant's team; the admin who screened; finance for the budget check; the organisation department after.
create or replace function public.application_actor_units(p_application_id bigint)
returns table (transition_id bigint, role public.app_role, unit_name text, unit_level public.org_level)
language sql stable security definer set search_path = '' as $$
  select t.id, g.role, u.name, u.level
    from public.grant_applications a
    join public.org_units team on team.id = a.team_id
    join public.application_transitions t on t.application_id = a.id
    cross join lateral (
      select rg.role, rg.org_unit_id from public.role_grants rg
       where rg.user_id = t.actor and rg.revoked_at is null
         and rg.org_unit_id in (team.id, team.community_id, team.street_id, team.district_id)
       order by (rg.role = any (case
                  when t.from_status is null or t.from_status = 'draft' or t.to_status = 'withdrawn' then '{team_leader}'
                  when t.from_status = 'submitted' then '{street_admin,community_admin}'
                  when t.from_status = 'screened' then '{finance}'
                  else '{org_admin}' end::public.app_role[])) desc, rg.id
       limit 1) g
    join public.org_units u on u.id = g.org_unit_id
   where a.id = p_application_id and a.team_id = any (private.readable_unit_ids())
   order by t.id
$$;
comment on function public.application_actor_units(bigint) is '流转记录的经办单位: the unit each actor acted for, for readers of the application';
revoke execute on function public.application_actor_units(bigint) from public, anon;
grant execute on function public.application_actor_units(bigint) to authenticated;

-- The organisation department resolves an objection. Upheld: the application is rejected and its money released.
create or replace function public.resolve_objection(p_objection_id bigint, p_upheld boolean, p_resolution text)
returns public.objection_status
language plpgsql security definer set search_path = '' as $$
declare
  o public.grant_objections;
  a public.grant_applications;
begin
  select * into o from public.grant_objections where id = p_objection_id;
  if o.id is null then
    raise exception 'no such objection' using errcode = 'P0002', hint = 'funds.not_found';
  end if;
  a := private.application_lock(o.application_id, '{in_notice}');
  if not private.is_org_admin() then
    raise exception 'only the organisation department resolves objections' using errcode = '42501', hint = 'funds.not_decider';
  end if;
  select * into o from public.grant_objections where id = p_objection_id;
  if o.status <> 'open' then
    raise exception 'this objection is already resolved' using errcode = '23514', hint = 'funds.bad_state';
  end if;
  if coalesce(btrim(p_resolution), '') = '' then
    raise exception 'give a reason' using errcode = '23514', hint = 'funds.reason_required';
  end if;
  update public.grant_objections
     set status = case when p_upheld then 'upheld' else 'dismissed' end::public.objection_status,
         resolution = btrim(p_resolution), resolved_by = auth.uid(), resolved_at = now()
   where id = p_objection_id;
  if p_upheld then
    perform private.release_application(a.id, '异议成立: ' || btrim(p_resolution));
    perform private.application_move(a.id, 'in_notice', 'rejected', '异议成立: ' || btrim(p_resolution));
  end if;
  return case when p_upheld then 'upheld' else 'dismissed' end::public.objection_status;
end $$;

-- 协议: after the notice has ended with no open objection, the organisation department approves; the grant
-- is created (agreement number SN<year>-<id>) with the committed lines. Returns the grant id.
-- (defined in 20261201000300 with the grants table)

-- 驳回: by the person whose step it is (screener for submitted, finance for screened, the organisation
-- department for checked and in_notice, which releases the money).
create or replace function public.reject_application(p_id bigint, p_reason text)
returns public.application_status
language plpgsql security definer set search_path = '' as $$
declare
  a public.grant_applications;
  v_prior uuid[];
begin
  a := private.application_lock(p_id, '{submitted,screened,checked,in_notice}');
  if coalesce(btrim(p_reason), '') = '' then
    raise exception 'give a reason' using errcode = '23514', hint = 'funds.reason_required';
  end if;
  if a.status = 'submitted' then
    if not (a.team_id = any (private.managed_unit_ids())) then
      raise exception 'only an admin of the team''s scope screens' using errcode = '42501', hint = 'funds.not_screener';
    end if;
    perform private.four_eyes(array[a.created_by]);
    update public.grant_applications set screened_by = auth.uid() where id = p_id;
  elsif a.status = 'screened' then
    if not (a.team_id = any (private.finance_unit_ids())) then
      raise exception 'only finance of the team''s scope checks the budget' using errcode = '42501', hint = 'funds.not_finance_scope';
    end if;
    perform private.four_eyes(array[a.created_by, a.screened_by]);
    update public.grant_applications set checked_by = auth.uid() where id = p_id;
  else
    if not private.is_org_admin() then
      raise exception 'only the organisation department decides' using errcode = '42501', hint = 'funds.not_decider';
    end if;
    select coalesce(array_agg(approved_by), '{}') into v_prior from public.application_approvals where application_id = p_id;
    perform private.four_eyes(array[a.created_by, a.screened_by, a.checked_by]);
    if a.status = 'in_notice' then
      perform private.release_application(p_id, '驳回: ' || btrim(p_reason));
    else
      update public.grant_applications set decided_by = auth.uid() where id = p_id;
    end if;
  end if;
  perform private.application_move(p_id, a.status, 'rejected', p_reason);
  return 'rejected';
end $$;

-- 撤回: the applicant (still leading the team) withdraws before approval; committed money is released.
create or replace function public.withdraw_application(p_id bigint, p_reason text default null)
returns public.application_status
language plpgsql security definer set search_path = '' as $$
declare
  a public.grant_applications;
begin
  a := private.application_lock(p_id, '{draft,submitted,screened,checked,in_notice}');
  if a.created_by is distinct from auth.uid() or not (a.team_id = any (private.led_team_ids())) then
    raise exception 'only the applicant, a leader of the team, withdraws' using errcode = '42501', hint = 'funds.not_applicant';
  end if;
  if a.status = 'in_notice' then
    perform private.release_application(p_id, '撤回');
  end if;
  perform private.application_move(p_id, a.status, 'withdrawn', p_reason);
  return 'withdrawn';
end $$;

revoke execute on function public.submit_application(bigint, text), public.screen_application(bigint, boolean, text),
  public.check_application(bigint, jsonb, text), public.decide_application(bigint, boolean, text),
  public.record_objection(bigint, text, date), public.resolve_objection(bigint, boolean, text),
  public.reject_application(bigint, text), public.withdraw_application(bigint, text) from public, anon;
grant execute on function public.submit_application(bigint, text), public.screen_application(bigint, boolean, text),
  public.check_application(bigint, jsonb, text), public.decide_application(bigint, boolean, text),
  public.record_objection(bigint, text, date), public.resolve_objection(bigint, boolean, text),
  public.reject_application(bigint, text), public.withdraw_application(bigint, text) to authenticated;
revoke execute on function private.grant_applications_check() from public, anon;
