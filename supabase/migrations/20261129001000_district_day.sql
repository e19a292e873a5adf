-- One district day (一个区的“今天”): Asia/Shanghai decides "today" everywhere, written in ONE place.
-- A server runs in UTC, so `current_date` turns over at 08:00 in the district: a member added at
-- 07:30 joined "yesterday", an award reached in the evening of the 29th (UTC) was dated the 29th while the
-- district already lived the 30th. Every default and function now asks private.district_today() (or
-- private.district_day(ts) for a stored moment); the app does the same with districtToday() in
-- src/providers/dayjs.ts. The service-record trigger, enrol_new_volunteer and the rebuild function are
-- rewritten with it in the derived-figures (20261129001100) and request-key (20261129001200) migrations.

-- The district's calendar day of a moment. The time zone is named here and nowhere else in SQL.
create or replace function private.district_day(p_at timestamptz) returns date
language sql immutable parallel safe set search_path = '' as $$
  select (p_at at time zone 'Asia/Shanghai')::date
$$;

-- Today in the district (a column default calls it, so every role that inserts may execute it).
create or replace function private.district_today() returns date
language sql stable parallel safe set search_path = '' as $$
  select private.district_day(now())
$$;

revoke all on function private.district_day(timestamptz), private.district_today() from public, anon;
grant execute on function private.district_day(timestamptz), private.district_today() to authenticated;

alter table public.team_memberships alter column joined_on set default private.district_today();
alter table public.star_awards alter column eligible_on set default private.district_today();

-- The level reached, dated by the district's day when no service day is given.
create or replace function private.service_totals_apply(p_volunteer_id uuid, p_hours numeric, p_day date) returns void
language plpgsql security definer set search_path = '' as $$
declare
  t public.volunteer_service_totals;
begin
  insert into public.volunteer_service_totals as s (volunteer_id, approved_hours, approved_records, last_service_on)
  values (p_volunteer_id, p_hours, sign(p_hours)::int, case when p_hours > 0 then p_day end)
  on conflict (volunteer_id) do update
    set approved_hours = s.approved_hours + excluded.approved_hours,
        approved_records = s.approved_records + excluded.approved_records,
        last_service_on = greatest(s.last_service_on, excluded.last_service_on),
        updated_at = now()
  returning * into t;
  update public.volunteer_service_totals
     set star_level = public.star_level_for(t.approved_hours)
   where volunteer_id = p_volunteer_id
  returning * into t;
  if t.star_level > 0 then
    insert into public.star_awards (volunteer_id, level, hours_at_eligibility, eligible_on)
    values (p_volunteer_id, t.star_level, t.approved_hours, coalesce(p_day, private.district_today()))
    on conflict (volunteer_id, level) do nothing;
  end if;
end $$;
revoke all on function private.service_totals_apply(uuid, numeric, date) from public, anon;

-- Certificate numbers carry the district's year.
create or replace function public.confirm_star_award(p_award_id bigint) returns text
language plpgsql security definer set search_path = '' as $$
declare
  a public.star_awards;
  v_hours numeric;
  v_no text;
begin
  select * into a from public.star_awards where id = p_award_id for update;
  if a.id is null or not (select v.home_community_id in (select unnest(private.managed_unit_ids()))
                                 or exists (select 1 from public.team_memberships m
                                             where m.volunteer_id = v.id and m.left_on is null
                                               and m.team_id in (select unnest(private.managed_unit_ids())))
                            from public.volunteers v where v.id = a.volunteer_id) then
    raise exception 'award not found in your scope' using errcode = '42501';
  end if;
  if a.status = 'confirmed' then
    raise exception 'this level is already confirmed' using errcode = '23514', hint = 'star_awards_confirmed_already';
  end if;
  select approved_hours into v_hours from public.volunteer_service_totals where volunteer_id = a.volunteer_id;
  if coalesce(v_hours, 0) < (select min_hours from public.star_levels where level = a.level) then
    raise exception 'the approved hours no longer reach this level' using errcode = '23514', hint = 'star_awards_hours';
  end if;
  v_no := format('SN%s-%s-%s', to_char(private.district_today(), 'YYYY'), a.level,
                 lpad(nextval('public.star_certificate_seq')::text, 5, '0'));
  update public.star_awards
     set status = 'confirmed', confirmed_by = auth.uid(), confirmed_at = now(), certificate_no = v_no,
         hours_at_certificate = v_hours
   where id = a.id;
  return v_no;
end $$;

-- KPI cards: "this month" and "this year" are the district's.
create or replace function public.dashboard_kpis(p_from date, p_to date, p_street_id bigint default null)
returns table (volunteers bigint, active_this_month bigint, hours_in_range numeric, hours_this_year numeric,
               points_issued bigint, points_redeemed bigint, pending_records bigint)
language plpgsql stable security definer set search_path = '' as $$
declare
  today date := private.district_today();
  whole boolean := private.has_district_scope();
  units bigint[];  -- the caller's units, needed only below a district-wide scope
begin
  if auth.uid() is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  if not whole then
    units := private.readable_unit_ids();
  end if;
  if whole then
    select count(*), count(*) filter (where t.last_service_on >= date_trunc('month', today)::date)
      into volunteers, active_this_month
      from public.volunteer_service_totals t
     where t.counted and (p_street_id is null or t.home_street_id = p_street_id);
  else
    select count(*), count(*) filter (where t.last_service_on >= date_trunc('month', today)::date)
      into volunteers, active_this_month
      from (select distinct r.id from private.readable_volunteer_ids() r(id)) p
      join public.volunteer_service_totals t on t.volunteer_id = p.id
     where t.counted and (p_street_id is null or t.home_street_id = p_street_id);
  end if;
  if whole then
    select coalesce(sum(m.hours) filter (where m.month between date_trunc('month', p_from)::date and p_to), 0),
           coalesce(sum(m.hours) filter (where m.month >= date_trunc('year', today)::date), 0)
      into hours_in_range, hours_this_year
      from public.service_monthly_street_totals m
     where p_street_id is null or m.street_id = p_street_id;
  else
    select coalesce(sum(m.hours) filter (where m.month between date_trunc('month', p_from)::date and p_to), 0),
           coalesce(sum(m.hours) filter (where m.month >= date_trunc('year', today)::date), 0)
      into hours_in_range, hours_this_year
      from public.service_monthly_totals m
      join public.org_units t on t.id = m.team_id
     where m.team_id = any (units) and (p_street_id is null or t.street_id = p_street_id);
  end if;
  if exists (select 1 from public.role_grants g where g.user_id = (select auth.uid()) and g.revoked_at is null
                                                   and g.role <> 'team_leader') then
    select coalesce(sum(p.issued), 0), coalesce(sum(p.redeemed), 0) into points_issued, points_redeemed
      from public.points_monthly_totals p join public.org_units c on c.id = p.community_id
     where p.month between date_trunc('month', p_from)::date and p_to
       and (p_street_id is null or c.street_id = p_street_id) and (whole or p.community_id = any (units));
  else
    select coalesce(sum(l.points) filter (where l.entry_type in ('earn', 'earn_reversal')), 0),
           coalesce(-sum(l.points) filter (where l.entry_type in ('redeem', 'redeem_reversal')), 0)
      into points_issued, points_redeemed
      from (select distinct r.id from private.readable_volunteer_ids() r(id)) p
      join public.points_ledger l on l.volunteer_id = p.id
     where private.district_day(l.created_at) between date_trunc('month', p_from)::date and p_to;
  end if;
  select count(*) into pending_records from public.service_records r
    join public.org_units u on u.id = r.team_id
   where r.status = 'pending' and (p_street_id is null or u.street_id = p_street_id)
     and (whole or r.team_id = any (units));
  return next;
end $$;

-- A points rule in force stays as it is (20261129000200); "in force" is judged by the district's day.
create or replace function private.points_rules_fixed() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if old.effective_from <= private.district_today()
     or (tg_op = 'UPDATE' and new.effective_from <= private.district_today()) then
    raise exception 'a points rule in force is not changed: add a rule from a later date' using errcode = '23514', hint = 'points_rule_in_force';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;
