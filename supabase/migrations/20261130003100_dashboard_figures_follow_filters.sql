-- The dashboard's figures follow its filters, and the current month compares like with like.
--   * dashboard_kpis also answers `teams`: the teams of the caller's scope, in the chosen street. The
--     志愿团队 card summed street_team_summary over every street, so choosing a street left it at the
--     district's total.
--   * service_hours_between(p_from, p_to, p_street_id, p_team_id): approved hours between two days. The
--     monthly chart drew the current, partial month against last year's whole month (a month 29 days
--     old looked like a 40 % collapse); the app now asks for this month to date and for the same days of
--     last year (src/domain/charts.ts). It reads service_records by day over the service_records_date
--     index (or service_records_team_date below a district-wide scope): one month of a district of a
--     million records is some 40,000 rows.
drop function public.dashboard_kpis(date, date, bigint);
create function public.dashboard_kpis(p_from date, p_to date, p_street_id bigint default null)
returns table (volunteers bigint, active_this_month bigint, hours_in_range numeric, hours_this_year numeric,
               points_issued bigint, points_redeemed bigint, pending_records bigint, teams bigint)
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
  select count(*) into teams from public.org_units t
   where t.level = 'team' and (p_street_id is null or t.street_id = p_street_id)
     and (whole or t.id = any (units));
  return next;
end $$;
revoke execute on function public.dashboard_kpis(date, date, bigint) from public, anon;
grant execute on function public.dashboard_kpis(date, date, bigint) to authenticated;

create function public.service_hours_between(p_from date, p_to date, p_street_id bigint default null,
                                             p_team_id bigint default null)
returns table (hours numeric, records bigint)
language plpgsql stable security definer set search_path = '' as $$
declare
  whole boolean := private.has_district_scope();
  units bigint[];
begin
  if auth.uid() is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  if not whole then
    units := private.readable_unit_ids();
  end if;
  return query
    select coalesce(sum(r.hours), 0), coalesce(sum(sign(r.hours)), 0)::bigint
      from public.service_records r
      join public.org_units t on t.id = r.team_id
     where r.status = 'approved' and r.service_date between p_from and p_to
       and (whole or r.team_id = any (units))
       and (p_street_id is null or t.street_id = p_street_id)
       and (p_team_id is null or r.team_id = p_team_id);
end $$;
revoke execute on function public.service_hours_between(date, date, bigint, bigint) from public, anon;
grant execute on function public.service_hours_between(date, date, bigint, bigint) to authenticated;
