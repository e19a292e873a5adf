-- Finance figures fast at 100,000 ledger entries (issue 9, PERFORMANCE.md): the dashboard, 决算 and
-- "needs my action" functions filter the caller's scope explicitly — the same scope the RLS policies give —
-- and skip the filter for a district-wide reader, instead of running every row through the policies.
-- Through RLS, the planner may not use an index for a condition on an enum column (enum equality is not
-- leakproof), so `status = 'requested'` scanned all 80,000 tranches and `kind = 'disbursement'` the whole
-- ledger; as security definer functions with the scope written out, those conditions use their indexes.
-- The figures are unchanged: tests/db compare them with the policies' answer for every demo role.

-- The fund sources the caller reads (as fund_sources_select): null = all of them (the organisation
-- department, the district's finance); otherwise the readable ids ('{}' for a leader or a street admin).
create or replace function private.fund_source_scope() returns bigint[]
language sql stable security definer set search_path = '' as $$
  with u as (select private.fund_reader_unit_ids() as ids)
  select case when cardinality(u.ids) > 0
                   and not exists (select 1 from public.fund_sources s where not s.org_unit_id = any (u.ids)) then null
              else coalesce((select array_agg(s.id) from public.fund_sources s where s.org_unit_id = any (u.ids)), '{}') end
    from u
$$;

-- The teams whose applications and grants the caller reads (as grant_applications_select / grants_select):
-- null = every team (a role at the district), otherwise readable_unit_ids().
create or replace function private.team_scope() returns bigint[]
language sql stable security definer set search_path = '' as $$
  select case when private.has_district_scope() then null else private.readable_unit_ids() end
$$;
revoke all on function private.fund_source_scope(), private.team_scope() from public, anon;
grant execute on function private.fund_source_scope(), private.team_scope() to authenticated;

create index grant_applications_status_only on public.grant_applications (status) where status <> 'approved';

create or replace function public.finance_money_by_stream(p_from_year integer, p_to_year integer)
returns table (fiscal_year integer, stream text, budget_fen bigint, committed_fen bigint, paid_fen bigint, available_fen bigint)
language sql stable security definer set search_path = '' as $$
  with scope as materialized (select private.fund_source_scope() as src)
  select b.fiscal_year,
         case when b.is_tilt then 'tilt' when s.kind = 'district_special' then 'district' else 'partner' end,
         sum(b.amount_fen)::bigint, sum(b.committed_fen)::bigint, sum(b.paid_fen)::bigint, sum(b.available_fen)::bigint
    from scope, public.budget_line_balances b join public.fund_sources s on s.id = b.source_id
   where b.fiscal_year between p_from_year and p_to_year and (scope.src is null or s.id = any (scope.src))
   group by 1, 2 order by 1, 2
$$;

create or replace function public.finance_disbursements_by_month(p_from date, p_to date, p_street_id bigint default null)
returns table (month date, disbursed_fen bigint, returned_fen bigint)
language plpgsql stable security definer set search_path = '' as $$
declare
  src bigint[] := private.fund_source_scope();
  teams bigint[] := private.team_scope();
begin
  if p_street_id is null and teams is null then
    return query
      select date_trunc('month', e.occurred_on)::date,
             coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'disbursement'), 0)::bigint,
             coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'return'), 0)::bigint
        from public.fund_ledger_effects e
       where e.effective_kind in ('disbursement', 'return') and e.occurred_on between p_from and p_to
         and (src is null or e.source_id = any (src))
       group by 1 order by 1;
  else
    return query
      select date_trunc('month', e.occurred_on)::date,
             coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'disbursement'), 0)::bigint,
             coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'return'), 0)::bigint
        from public.fund_ledger_effects e
        left join public.grant_applications a on a.id = e.application_id
        left join public.org_units t on t.id = a.team_id
       where e.effective_kind in ('disbursement', 'return') and e.occurred_on between p_from and p_to
         and (src is null or e.source_id = any (src))
         and (teams is null or a.id is null or a.team_id = any (teams))
         and (p_street_id is null or t.street_id = p_street_id)
       group by 1 order by 1;
  end if;
end $$;

create or replace function public.finance_by_street(p_year integer)
returns table (street_id bigint, street_name text, applications bigint, allocated_fen bigint, paid_fen bigint)
language sql stable security definer set search_path = '' as $$
  with scope as materialized (select private.fund_source_scope() as src, private.team_scope() as teams),
  per_app as (
    select e.application_id,
           coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'commitment'), 0)
             - coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'release'), 0) as allocated,
           coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'disbursement'), 0)
             - coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'return'), 0) as paid
      from scope, public.budget_lines b join public.fund_ledger_effects e on e.line_id = b.id
     where b.fiscal_year = p_year and e.application_id is not null and (scope.src is null or b.source_id = any (scope.src))
     group by e.application_id)
  select s.id, s.name, count(*), sum(x.allocated)::bigint, sum(x.paid)::bigint
    from scope, per_app x
    join public.grant_applications a on a.id = x.application_id
    join public.org_units t on t.id = a.team_id
    join public.org_units s on s.id = t.street_id
   where scope.teams is null or a.team_id = any (scope.teams)
   group by s.id, s.name, s.sort_order order by s.sort_order, s.id
$$;

create or replace function private.finance_recipients(p_year integer)
returns table (recipient text, project_id bigint, team_id bigint, featured boolean, three_star boolean, allocated_fen bigint)
language sql stable security definer set search_path = '' as $$
  with scope as materialized (select private.fund_source_scope() as src, private.team_scope() as teams),
  per_app as (
    select e.application_id,
           sum(case when e.effective_kind = 'commitment' then e.signed_fen else -e.signed_fen end) as fen
      from scope, public.budget_lines b join public.fund_ledger_effects e on e.line_id = b.id
     where b.fiscal_year = p_year and e.effective_kind in ('commitment', 'release')
       and (scope.src is null or b.source_id = any (scope.src))
     group by e.application_id),
  three_star as (select distinct r.project_id from public.ratings r
                  where r.status = 'awarded' and r.star_level >= 3 and r.project_id is not null)
  select coalesce('p' || a.project_id, 't' || a.team_id), a.project_id, min(a.team_id),
         coalesce(bool_or(p.is_featured), false), bool_or(ts.project_id is not null), sum(x.fen)::bigint
    from scope, per_app x
    join public.grant_applications a on a.id = x.application_id
    left join public.projects p on p.id = a.project_id
    left join three_star ts on ts.project_id = a.project_id
   where scope.teams is null or a.team_id = any (scope.teams)
   group by 1, 2
  having sum(x.fen) > 0
$$;

create or replace function public.finance_tilt_share(p_year integer)
returns table (allocated_fen bigint, featured_fen bigint, three_star_fen bigint, featured_or_three_star_fen bigint,
               tilt_lines_fen bigint, recipients integer, gini numeric)
language sql stable security definer set search_path = '' as $$
  with scope as materialized (select private.fund_source_scope() as src)
  select coalesce(sum(r.allocated_fen), 0)::bigint,
         coalesce(sum(r.allocated_fen) filter (where r.featured), 0)::bigint,
         coalesce(sum(r.allocated_fen) filter (where r.three_star), 0)::bigint,
         coalesce(sum(r.allocated_fen) filter (where r.featured or r.three_star), 0)::bigint,
         (select coalesce(sum(b.committed_fen + b.paid_fen), 0) from scope, public.budget_line_balances b
           where b.fiscal_year = p_year and b.is_tilt and (scope.src is null or b.source_id = any (scope.src)))::bigint,
         count(*)::integer,
         private.gini(coalesce(array_agg(r.allocated_fen), '{}'))
    from private.finance_recipients(p_year) r
$$;

create or replace function public.finance_concentration(p_year integer)
returns table (rank integer, recipients integer, recipient_share numeric, money_share numeric)
language sql stable security definer set search_path = '' as $$
  with r as materialized (select x.recipient, x.allocated_fen from private.finance_recipients(p_year) x)
  select 0, (select count(*) from r)::integer, 0::numeric, 0::numeric
  union all
  select (row_number() over w)::integer, (count(*) over ())::integer,
         round((row_number() over w)::numeric / count(*) over (), 4),
         round(sum(allocated_fen) over w / nullif(sum(allocated_fen) over (), 0), 4)
    from r
  window w as (order by allocated_fen, recipient rows between unbounded preceding and current row)
  order by 1
$$;

create or replace function public.finance_cost_per_hour(p_year integer)
returns table (project_id bigint, project_name text, grants bigint, paid_fen bigint, approved_hours numeric, cost_per_hour_fen bigint)
language sql stable security definer set search_path = '' as $$
  with scope as materialized (select private.fund_source_scope() as src, private.team_scope() as teams),
  g as (
    select g.id, g.application_id, g.team_id, g.project_id, g.starts_on, g.ends_on
      from scope, public.grants g join public.grant_applications a on a.id = g.application_id
     where a.fiscal_year = p_year and g.project_id is not null
       and (scope.teams is null or g.team_id = any (scope.teams)))
  select g.project_id, p.name, count(*), sum(x.paid_fen)::bigint, sum(x.hours),
         case when sum(x.hours) > 0 then round(sum(x.paid_fen) / sum(x.hours))::bigint end
    from scope, g
    join public.projects p on p.id = g.project_id
    cross join lateral (
      select (select coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'disbursement'), 0)
                     - coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'return'), 0)
                from public.fund_ledger_effects e
               where e.application_id = g.application_id and (scope.src is null or e.source_id = any (scope.src))) as paid_fen,
             (select coalesce(sum(r.hours), 0) from public.service_records r
               join public.service_activities sa on sa.id = r.activity_id
              where r.team_id = g.team_id and r.status = 'approved' and sa.project_id = g.project_id
                and r.service_date between g.starts_on and g.ends_on) as hours
    ) x
   group by g.project_id, p.name order by 6 nulls last, 1
$$;

create or replace function public.fund_accounts(p_year integer)
returns table (source_id bigint, source_name text, kind public.fund_source_kind, partner_id bigint,
               line_id bigint, line_name text, purpose public.budget_purpose, is_tilt boolean,
               appropriated_fen bigint, received_fen bigint, carried_in_fen bigint, amount_fen bigint,
               committed_fen bigint, paid_fen bigint, returned_fen bigint, released_fen bigint,
               carried_out_fen bigint, available_fen bigint)
language sql stable security definer set search_path = '' as $$
  with scope as materialized (select private.fund_source_scope() as src),
  lines as materialized (
    select b.* from scope, public.budget_line_balances b
     where b.fiscal_year = p_year and (scope.src is null or b.source_id = any (scope.src)))
  select s.source_id, s.name, s.kind, s.partner_id, null::bigint, null::text, s.restricted_purpose, null::boolean,
         s.appropriated_fen, s.received_fen, s.carried_in_fen, s.lined_fen, s.committed_fen, s.paid_fen, s.returned_fen,
         (select coalesce(sum(l.released_fen), 0) from lines l where l.source_id = s.source_id)::bigint,
         s.carried_out_fen, s.available_fen
    from scope, public.fund_source_balances s
   where s.fiscal_year = p_year and (scope.src is null or s.source_id = any (scope.src))
  union all
  select b.source_id, f.name, f.kind, f.partner_id, b.line_id, b.name, b.purpose, b.is_tilt,
         null, null, null, b.amount_fen, b.committed_fen, b.paid_fen, b.returned_fen, b.released_fen,
         b.carried_out_fen, b.available_fen
    from lines b join public.fund_sources f on f.id = b.source_id
   order by 1, 5 nulls first
$$;

-- "Needs my action": each count only for the roles that act on it (zero otherwise), scope written out.
create or replace function public.funds_action_counts()
returns table (action text, n bigint)
language plpgsql stable security definer set search_path = '' as $$
declare
  me uuid := auth.uid();
  nobody uuid := '00000000-0000-0000-0000-000000000000';
  teams bigint[] := private.team_scope();
  led bigint[] := private.led_team_ids();
  managed bigint[] := private.managed_unit_ids();
  fin bigint[] := private.finance_unit_ids();
  org boolean := private.is_org_admin();
begin
  if me is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  return query select 'my_drafts'::text, count(*) from public.grant_applications a
    where a.status = 'draft' and a.created_by = me and (teams is null or a.team_id = any (teams));
  return query select 'my_vouchers_due'::text, case when cardinality(led) = 0 then 0 else (
    select count(*) from public.grant_tranches t join public.grants g on g.id = t.grant_id
     where t.status = 'paid' and g.team_id = any (led)
       and not exists (select 1 from public.grant_vouchers v where v.tranche_id = t.id and v.status <> 'rejected')) end;
  return query select 'my_rejected_vouchers'::text, count(*) from public.grant_vouchers v join public.grants g on g.id = v.grant_id
    where v.status = 'rejected' and v.uploaded_by = me and v.checked_at > now() - interval '30 days'
      and (teams is null or g.team_id = any (teams));
  return query select 'screen'::text, case when cardinality(managed) = 0 then 0 else (
    select count(*) from public.grant_applications a
     where a.status = 'submitted' and a.team_id = any (managed) and a.created_by is distinct from me) end;
  return query select 'check'::text, case when cardinality(fin) = 0 then 0 else (
    select count(*) from public.grant_applications a
     where a.status = 'screened' and a.team_id = any (fin) and me not in (coalesce(a.created_by, nobody), coalesce(a.screened_by, nobody))) end;
  return query select 'decide'::text, case when not org then 0 else (
    select count(*) from public.grant_applications a
     where a.status = 'checked' and me not in (coalesce(a.created_by, nobody), coalesce(a.screened_by, nobody), coalesce(a.checked_by, nobody))
       and not exists (select 1 from public.application_approvals x where x.application_id = a.id)) end;
  return query select 'second_approval'::text, case when not org then 0 else (
    select count(*) from public.grant_applications a
     where a.status = 'checked'
       and exists (select 1 from public.application_approvals x where x.application_id = a.id)
       and not exists (select 1 from public.application_approvals x where x.application_id = a.id and x.approved_by = me)) end;
  return query select 'approve_after_notice'::text, case when not org then 0 else (
    select count(*) from public.grant_applications a
     where a.status = 'in_notice' and a.notice_end < private.district_today()
       and not exists (select 1 from public.grant_objections o where o.application_id = a.id and o.status = 'open')) end;
  return query select 'objections_open'::text, case when not org then 0 else (
    select count(*) from public.grant_objections o where o.status = 'open') end;
  return query select 'tranche_approve'::text, case when cardinality(fin) = 0 then 0 else (
    select count(*) from public.grant_tranches t join public.grants g on g.id = t.grant_id
     where t.status = 'requested' and g.team_id = any (fin) and t.requested_by is distinct from me) end;
  return query select 'tranche_pay'::text, case when cardinality(fin) = 0 then 0 else (
    select count(*) from public.grant_tranches t join public.grants g on g.id = t.grant_id
     where t.status = 'approved' and g.team_id = any (fin)) end;
  return query select 'voucher_check'::text, case when cardinality(fin) = 0 then 0 else (
    select count(*) from public.grant_vouchers v join public.grants g on g.id = v.grant_id
     where v.status = 'pending' and g.team_id = any (fin) and v.uploaded_by is distinct from me) end;
  return query select 'change_decide'::text, case when cardinality(fin) = 0 and not org then 0 else (
    select count(*) from public.grant_changes c join public.grants g on g.id = c.grant_id
     where c.status = 'pending' and (org or g.team_id = any (fin)) and c.requested_by is distinct from me) end;
end $$;
