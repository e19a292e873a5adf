-- Finance views (issue 9): aggregates for the finance dashboard, the partner statement, the "needs my
-- action" counts and the tilt simulator. Each answers for the caller's scope exactly as the lists' RLS does
-- (a leader or street admin gets no money figures; a street's finance its street's): the dashboard figures and
-- the action counts are security definer with that scope written out (private.fund_source_scope / team_scope,
-- see 20261201000600: fast at 100,000 ledger entries); the partner statement and the tilt simulator are
-- security invoker, RLS deciding. Streams: 'district' (专项, non-tilt lines of district sources), 'partner' (民间, non-tilt
-- lines of partner sources), 'tilt' (重点倾, lines marked is_tilt). "Allocated" to an application =
-- commitments − releases (paid money stays allocated); "paid" = disbursements − returns.

-- Money by stream and year.
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

-- Disbursements and returns per month and stream (optionally of one street's teams).
create or replace function public.finance_disbursements_by_month(p_from date, p_to date, p_street_id bigint default null)
returns table (month date, stream text, disbursed_fen bigint, returned_fen bigint)
language plpgsql stable security definer set search_path = '' as $$
declare
  src bigint[] := private.fund_source_scope();
  teams bigint[] := private.team_scope();
begin
  if p_street_id is null then
    return query
      select date_trunc('month', e.occurred_on)::date,
             case when b.is_tilt then 'tilt' when s.kind = 'district_special' then 'district' else 'partner' end,
             coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'disbursement'), 0)::bigint,
             coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'return'), 0)::bigint
        from public.fund_ledger_effects e
        join public.budget_lines b on b.id = e.line_id
        join public.fund_sources s on s.id = b.source_id
       where e.effective_kind in ('disbursement', 'return') and e.occurred_on between p_from and p_to
         and (src is null or e.source_id = any (src))
       group by 1, 2 order by 1, 2;
  else
    -- one street's teams: the payments to applications the caller reads of that street
    return query
      select date_trunc('month', e.occurred_on)::date,
             case when b.is_tilt then 'tilt' when s.kind = 'district_special' then 'district' else 'partner' end,
             coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'disbursement'), 0)::bigint,
             coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'return'), 0)::bigint
        from public.fund_ledger_effects e
        join public.budget_lines b on b.id = e.line_id
        join public.fund_sources s on s.id = b.source_id
        join public.grant_applications a on a.id = e.application_id
        join public.org_units t on t.id = a.team_id
       where e.effective_kind in ('disbursement', 'return') and e.occurred_on between p_from and p_to
         and (src is null or e.source_id = any (src)) and (teams is null or a.team_id = any (teams))
         and t.street_id = p_street_id
       group by 1, 2 order by 1, 2;
  end if;
end $$;

-- Allocation per street in a fiscal year (by the lines' year).
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

-- Allocation per recipient (the project, or the team when none is named) in a year, with its tilt flags.
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
revoke all on function private.finance_recipients(integer) from public, anon;
grant execute on function private.finance_recipients(integer) to authenticated;

-- Gini coefficient of a set of amounts (0 = even, → 1 = all to one).
create or replace function private.gini(p_amounts bigint[]) returns numeric
language sql immutable set search_path = '' as $$
  select case when count(*) < 2 or sum(x) = 0 then 0
              else round((2 * sum(i * x)::numeric / (count(*) * sum(x)) - (count(*) + 1)::numeric / count(*)), 4) end
    from (select x, row_number() over (order by x) as i from unnest(p_amounts) x) q
$$;
revoke all on function private.gini(bigint[]) from public, anon;
grant execute on function private.gini(bigint[]) to authenticated;

-- Share to featured and ≥3★ projects, what the tilt lines carry, and the Gini coefficient.
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

-- The concentration (Lorenz) curve: recipients ordered from smallest to largest allocation, cumulative
-- share of recipients against cumulative share of money. The even spread is the diagonal.
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

-- Cost per approved service hour by project (grants of the year: paid ÷ approved hours in their periods).
create or replace function public.finance_cost_per_hour(p_year integer)
returns table (project_id bigint, project_name text, grants bigint, paid_fen bigint, approved_hours numeric, cost_per_hour_fen bigint)
language sql stable security definer set search_path = '' as $$
  with scope as materialized (select private.fund_source_scope() as src, private.team_scope() as teams),
  g as (
    select g.id, g.application_id, g.team_id, g.project_id, g.starts_on, g.ends_on
      from scope, public.grants g join public.grant_applications a on a.id = g.application_id
     where a.fiscal_year = p_year and g.project_id is not null
       and (scope.teams is null or g.team_id = any (scope.teams))
       -- only grants drawing on a source the caller reads (a street's finance: not the district-funded ones)
       and (scope.src is null or exists (select 1 from public.application_allocations al
                                           join public.budget_lines b on b.id = al.line_id
                                          where al.application_id = g.application_id and b.source_id = any (scope.src)))),
  -- each grant's paid money and hours once (materialized: the three sums over x below would each re-run them)
  x as materialized (
    select g.project_id,
           (select coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'disbursement'), 0)
                   - coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'return'), 0)
              from public.fund_ledger_effects e
             where e.application_id = g.application_id and (scope.src is null or e.source_id = any (scope.src))) as paid_fen,
           (select coalesce(sum(r.hours), 0) from public.service_records r
             join public.service_activities sa on sa.id = r.activity_id
            where r.team_id = g.team_id and r.status = 'approved' and sa.project_id = g.project_id
              and r.service_date between g.starts_on and g.ends_on) as hours
      from scope, g)
  select x.project_id, p.name, count(*), sum(x.paid_fen)::bigint, sum(x.hours),
         case when sum(x.hours) > 0 then round(sum(x.paid_fen) / sum(x.hours))::bigint end
    from x join public.projects p on p.id = x.project_id
   group by x.project_id, p.name order by 6 nulls last, 1
$$;

-- Partner statement (捐赠 → 资助 → 服务时长 → 服务人数): one row per source of the partner and grant it paid
-- (grant columns null for a source that has funded nothing yet); paid_fen = what this source's lines paid to
-- the grant; hours and people from approved service records of the grant's team (and project) in its period.
create or replace function public.partner_statement(p_partner_id bigint, p_year integer default null)
returns table (source_id bigint, source_name text, fiscal_year integer, contribution public.fund_contribution,
               form public.fund_form, pledged_fen bigint, received_fen bigint, grant_id bigint, agreement_no text,
               team_name text, project_name text, paid_fen bigint, hours numeric, people bigint)
language sql stable security invoker set search_path = '' as $$
  select s.source_id, s.name, s.fiscal_year, s.contribution, s.form, s.appropriated_fen, s.received_fen,
         g.id, g.agreement_no, t.name, p.name, coalesce(x.paid_fen, 0)::bigint, coalesce(h.hours, 0), coalesce(h.people, 0)
    from public.fund_source_balances s
    left join lateral (
      select e.application_id,
             sum(e.signed_fen) filter (where e.effective_kind = 'disbursement')
               - coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'return'), 0) as paid_fen
        from public.fund_ledger_effects e
       where e.source_id = s.source_id and e.application_id is not null and e.effective_kind in ('disbursement', 'return')
       group by e.application_id
    ) x on true
    left join public.grants g on g.application_id = x.application_id
    left join public.org_units t on t.id = g.team_id
    left join public.projects p on p.id = g.project_id
    left join lateral (
      select sum(r.hours) as hours, count(distinct r.volunteer_id) as people
        from public.service_records r
       where g.id is not null and r.team_id = g.team_id and r.status = 'approved' and r.service_date between g.starts_on and g.ends_on
         and (g.project_id is null or exists (select 1 from public.service_activities sa where sa.id = r.activity_id and sa.project_id = g.project_id))
    ) h on true
   where s.partner_id = p_partner_id and (p_year is null or s.fiscal_year = p_year)
   order by s.fiscal_year, s.source_id, g.id
$$;

-- "Needs my action" (待我处理) for the caller, by its roles, one row per thing waiting with what it is on (the
-- application, and for grant steps the grant and the tranche — 第N笔 — and the voucher or change request), so
-- that a count and the list it links to are the same rows. Actions:
--   my_drafts, my_rejected_vouchers, my_vouchers_due (leader: paid tranches without a voucher),
--   screen (admins), check, tranche_approve, tranche_pay, voucher_check, change_decide (finance),
--   decide, second_approval, approve_after_notice, objections_open (organisation department).
create or replace function public.funds_action_items()
returns table (action text, application_id bigint, grant_id bigint, tranche_id bigint, tranche_seq smallint,
               voucher_id bigint, change_id bigint)
language plpgsql stable security definer set search_path = '' as $$
declare
  me uuid := auth.uid();
  nobody uuid := '00000000-0000-0000-0000-000000000000';
  teams bigint[] := private.team_scope();
  led bigint[] := private.led_team_ids();
  managed bigint[] := private.managed_unit_ids();
  fin bigint[] := private.finance_unit_ids();
  org boolean := private.is_org_admin();
  -- money on a line is kept by the finance of its source's owner (private.require_line_finance): tranche and
  -- voucher actions count only on lines owned inside the caller's finance scope
  -- (`fin`, not the function again: in the WHERE it ran once per source row, 1,500 buffer reads)
  own_lines bigint[] := case when cardinality(fin) = 0 then '{}'::bigint[] else
    coalesce((select array_agg(b.id) from public.budget_lines b join public.fund_sources s on s.id = b.source_id
               where s.org_unit_id = any (fin)), '{}') end;
begin
  if me is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  return query select 'my_drafts'::text, a.id, null::bigint, null::bigint, null::smallint, null::bigint, null::bigint
    from public.grant_applications a
    where a.status = 'draft' and a.created_by = me and (teams is null or a.team_id = any (teams));
  if cardinality(led) > 0 then
    return query select 'my_vouchers_due'::text, g.application_id, g.id, t.id, t.seq, null::bigint, null::bigint
      from public.grant_tranches t join public.grants g on g.id = t.grant_id
     where t.status = 'paid' and g.team_id = any (led)
       and not exists (select 1 from public.grant_vouchers v where v.tranche_id = t.id and v.status <> 'rejected');
  end if;
  return query select 'my_rejected_vouchers'::text, g.application_id, g.id, t.id, t.seq, v.id, null::bigint
    from public.grant_vouchers v join public.grants g on g.id = v.grant_id join public.grant_tranches t on t.id = v.tranche_id
    where v.status = 'rejected' and v.uploaded_by = me and v.checked_at > now() - interval '30 days'
      and (teams is null or g.team_id = any (teams));
  if cardinality(managed) > 0 then
    return query select 'screen'::text, a.id, null::bigint, null::bigint, null::smallint, null::bigint, null::bigint
      from public.grant_applications a
     where a.status = 'submitted' and a.team_id = any (managed) and a.created_by is distinct from me;
  end if;
  if cardinality(fin) > 0 then
    return query select 'check'::text, a.id, null::bigint, null::bigint, null::smallint, null::bigint, null::bigint
      from public.grant_applications a
     where a.status = 'screened' and a.team_id = any (fin) and me not in (coalesce(a.created_by, nobody), coalesce(a.screened_by, nobody));
  end if;
  if org then
    return query select 'decide'::text, a.id, null::bigint, null::bigint, null::smallint, null::bigint, null::bigint
      from public.grant_applications a
     where a.status = 'checked' and me not in (coalesce(a.created_by, nobody), coalesce(a.screened_by, nobody), coalesce(a.checked_by, nobody))
       and not exists (select 1 from public.application_approvals x where x.application_id = a.id);
    return query select 'second_approval'::text, a.id, null::bigint, null::bigint, null::smallint, null::bigint, null::bigint
      from public.grant_applications a
     where a.status = 'checked'
       and exists (select 1 from public.application_approvals x where x.application_id = a.id)
       and not exists (select 1 from public.application_approvals x where x.application_id = a.id and x.approved_by = me);
    return query select 'approve_after_notice'::text, a.id, null::bigint, null::bigint, null::smallint, null::bigint, null::bigint
      from public.grant_applications a
     where a.status = 'in_notice' and a.notice_end < private.district_today()
       and not exists (select 1 from public.grant_objections o where o.application_id = a.id and o.status = 'open');
    return query select 'objections_open'::text, o.application_id, null::bigint, null::bigint, null::smallint, null::bigint, null::bigint
      from public.grant_objections o where o.status = 'open';
  end if;
  if cardinality(fin) > 0 then
    return query select 'tranche_approve'::text, g.application_id, g.id, t.id, t.seq, null::bigint, null::bigint
      from public.grant_tranches t join public.grants g on g.id = t.grant_id
     where t.status = 'requested' and g.team_id = any (fin) and t.line_id = any (own_lines) and t.requested_by is distinct from me;
    return query select 'tranche_pay'::text, g.application_id, g.id, t.id, t.seq, null::bigint, null::bigint
      from public.grant_tranches t join public.grants g on g.id = t.grant_id
     where t.status = 'approved' and g.team_id = any (fin) and t.line_id = any (own_lines);
    return query select 'voucher_check'::text, g.application_id, g.id, t.id, t.seq, v.id, null::bigint
      from public.grant_vouchers v join public.grants g on g.id = v.grant_id join public.grant_tranches t on t.id = v.tranche_id
     where v.status = 'pending' and g.team_id = any (fin) and t.line_id = any (own_lines) and v.uploaded_by is distinct from me;
  end if;
  if cardinality(fin) > 0 or org then
    return query select 'change_decide'::text, g.application_id, g.id, null::bigint, null::smallint, null::bigint, c.id
      from public.grant_changes c join public.grants g on g.id = c.grant_id
     where c.status = 'pending' and c.requested_by is distinct from me
       and (org or (g.team_id = any (fin)   -- finance: every line the grant draws on is owned in its scope
                    and not exists (select 1 from public.application_allocations al
                                     where al.application_id = g.application_id and not al.line_id = any (own_lines))));
  end if;
end $$;

-- The same, counted: every action with its number (0 included), in the order above.
create or replace function public.funds_action_counts()
returns table (action text, n bigint)
language sql stable security definer set search_path = '' as $$
  select k.action, count(i.action)
    from unnest(array['my_drafts', 'my_vouchers_due', 'my_rejected_vouchers', 'screen', 'check', 'decide', 'second_approval',
                      'approve_after_notice', 'objections_open', 'tranche_approve', 'tranche_pay', 'voucher_check',
                      'change_decide']) with ordinality k(action, ord)
    left join public.funds_action_items() i on i.action = k.action
   group by k.action, k.ord
   order by k.ord
$$;

-- 重点倾 simulator: for a pool (a line's available money, or p_pool_fen) and the pending applications
-- (submitted, screened, checked; those eligible for the line when one is named), rank by a score —
-- 0.4 × stars/5 (best awarded rating of the project) + 0.2 × featured + 0.2 × cost efficiency (the lowest
-- cost per approved hour among the candidates ÷ this one's, from the team's past grants; 0.5 unknown) +
-- 0.2 × unmet need (1 − what the team already got this year ÷ (that + requested)) — and preview
--   'best_first': fully fund in score order while the pool lasts (skip what no longer fits), or
--   'threshold':  fund p_share of the request for each score ≥ p_threshold, scaled down to fit the pool.
-- Commits nothing. gini_after is the Gini coefficient of the simulated allocation; even_gini that of an
-- even spread is 0 (the diagonal).
-- The candidates of a simulation with their score (rank 1 = best).
create or replace function private.tilt_candidates(p_line_id bigint)
returns table (application_id bigint, title text, team_name text, project_name text, status public.application_status,
               requested_fen bigint, stars smallint, featured boolean, cost_per_hour_fen bigint, unmet_ratio numeric,
               score numeric, rank integer)
language sql stable security invoker set search_path = '' as $$
  with line as (select * from public.budget_lines where id = p_line_id),
  q as (
    select a.id, a.title, t.name as team_name, p.name as project_name, a.status, a.amount_requested_fen as requested,
           coalesce((select max(rt.star_level) from public.ratings rt where rt.project_id = a.project_id and rt.status = 'awarded'), 0)::smallint as stars,
           coalesce(p.is_featured, false) as featured,
           (select case when sum(ev.actual_hours) > 0 then round(sum(ev.paid_fen) / sum(ev.actual_hours))::bigint end
              from public.grant_evaluations ev join public.grants g on g.id = ev.grant_id where g.team_id = a.team_id) as cph,
           round(1 - coalesce(got.fen, 0)::numeric / (coalesce(got.fen, 0) + a.amount_requested_fen), 4) as unmet
      from public.grant_applications a
      join public.org_units t on t.id = a.team_id
      left join public.projects p on p.id = a.project_id
      left join lateral (select sum(g.amount_fen) as fen from public.grants g join public.grant_applications ga on ga.id = g.application_id
                          where g.team_id = a.team_id and ga.fiscal_year = a.fiscal_year) got on true
     where a.status in ('submitted', 'screened', 'checked')
       and (p_line_id is null or exists (select 1 from line l where a.purpose = l.purpose
                                           and (not l.is_tilt or private.tilt_eligible(a.project_id))))
  ),
  scored as (
    select q.*, round(0.4 * q.stars / 5.0 + 0.2 * (case when q.featured then 1 else 0 end)
                      + 0.2 * coalesce(min(q.cph) over () / nullif(q.cph, 0)::numeric, 0.5) + 0.2 * q.unmet, 4) as score
      from q
  )
  select id, title, team_name, project_name, status, requested, stars, featured, cph, unmet, score,
         (row_number() over (order by score desc, requested, id))::integer
    from scored
$$;
revoke all on function private.tilt_candidates(bigint) from public, anon;
grant execute on function private.tilt_candidates(bigint) to authenticated;

create or replace function public.tilt_simulate(p_line_id bigint default null, p_pool_fen bigint default null,
                                                p_strategy text default 'best_first', p_threshold numeric default 0.6,
                                                p_share numeric default 0.8)
returns table (application_id bigint, title text, team_name text, project_name text, status public.application_status,
               requested_fen bigint, stars smallint, featured boolean, cost_per_hour_fen bigint, unmet_ratio numeric,
               score numeric, rank integer, simulated_fen bigint, pool_fen bigint, gini_after numeric)
language plpgsql stable security invoker set search_path = '' as $$
declare
  v_pool bigint;
  v_left bigint;
  v_sum bigint;
  v_ids bigint[] := '{}';
  v_amounts bigint[] := '{}';
  v_amt bigint;
  r record;
begin
  if p_strategy is null or p_strategy not in ('best_first', 'threshold') then
    raise exception 'strategy is best_first or threshold' using errcode = '22023', hint = 'funds.bad_strategy';
  end if;
  if p_line_id is not null and not exists (select 1 from public.budget_lines b where b.id = p_line_id) then
    raise exception 'no such budget line' using errcode = 'P0002', hint = 'funds.not_found';
  end if;
  v_pool := greatest(coalesce(p_pool_fen, (select b.available_fen from public.budget_line_balances b where b.line_id = p_line_id), 0), 0);
  select coalesce(sum(round(c.requested_fen * p_share)), 0) into v_sum from private.tilt_candidates(p_line_id) c where c.score >= p_threshold;
  v_left := v_pool;
  for r in select c.application_id as aid, c.requested_fen as req, c.score as sc from private.tilt_candidates(p_line_id) c order by c.rank loop
    v_amt := 0;
    if p_strategy = 'best_first' then
      if r.req <= v_left then
        v_amt := r.req;
        v_left := v_left - r.req;
      end if;
    elsif r.sc >= p_threshold then
      v_amt := floor(round(r.req * p_share) * least(1, v_pool::numeric / nullif(v_sum, 0)))::bigint;
    end if;
    v_ids := v_ids || r.aid;
    v_amounts := v_amounts || v_amt;
  end loop;
  return query
    select c.application_id, c.title, c.team_name, c.project_name, c.status, c.requested_fen, c.stars, c.featured,
           c.cost_per_hour_fen, c.unmet_ratio, c.score, c.rank, coalesce(x.amt, 0)::bigint, v_pool, private.gini(v_amounts)
      from private.tilt_candidates(p_line_id) c
      left join unnest(v_ids, v_amounts) x(aid, amt) on x.aid = c.application_id
     order by c.rank;
end $$;

revoke execute on function public.finance_money_by_stream(integer, integer), public.finance_disbursements_by_month(date, date, bigint),
  public.finance_by_street(integer), public.finance_tilt_share(integer), public.finance_concentration(integer),
  public.finance_cost_per_hour(integer), public.partner_statement(bigint, integer), public.funds_action_counts(),
  public.funds_action_items(), public.tilt_simulate(bigint, bigint, text, numeric, numeric) from public, anon;
grant execute on function public.finance_money_by_stream(integer, integer), public.finance_disbursements_by_month(date, date, bigint),
  public.finance_by_street(integer), public.finance_tilt_share(integer), public.finance_concentration(integer),
  public.finance_cost_per_hour(integer), public.partner_statement(bigint, integer), public.funds_action_counts(),
  public.funds_action_items(), public.tilt_simulate(bigint, bigint, text, numeric, numeric) to authenticated;
