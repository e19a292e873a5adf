-- Disbursements per month (issue 9 figures): the same answer as 20261201000700, reached faster.
-- Measured in the funds bench's database (100,122 ledger entries, 15,058 of them in 2026; 2 cores), one
-- session calling finance_disbursements_by_month('2026-01-01', '2026-12-31') as district finance:
--   * PL/pgSQL caches a statement's plan, and after five calls it went generic (the date range and the scope
--     arrays unknown to the planner): 15–20 ms for the first five calls, 35–57 ms from the sixth on, which is
--     how every pooled PostgREST connection calls it. `plan_cache_mode = force_custom_plan` plans each call
--     with its values: 15 ms steady.
--   * the entries are summed per day, line and kind first (an index-only scan of fund_ledger_occurred), and
--     only those sums are joined to lines and sources for the stream: 11–14 ms.
-- Nothing stored: the figure is still a sum over the append-only ledger.
create or replace function public.finance_disbursements_by_month(p_from date, p_to date, p_street_id bigint default null)
returns table (month date, stream text, disbursed_fen bigint, returned_fen bigint)
language plpgsql stable security definer set search_path = '' set plan_cache_mode = force_custom_plan as $$
declare
  src bigint[] := private.fund_source_scope();
  teams bigint[] := private.team_scope();
begin
  return query
    with days as (
      select l.occurred_on, l.line_id, l.kind, l.reversed_kind, sum(l.amount_fen) as v
        from public.fund_ledger l
       where l.occurred_on between p_from and p_to
         and (l.kind in ('disbursement', 'return') or l.reversed_kind in ('disbursement', 'return'))
         and (src is null or l.source_id = any (src))
         -- one street's teams: the payments to applications the caller reads of that street
         and (p_street_id is null or l.application_id in (
               select a.id from public.grant_applications a join public.org_units t on t.id = a.team_id
                where t.street_id = p_street_id and (teams is null or a.team_id = any (teams))))
       group by 1, 2, 3, 4)
    select date_trunc('month', d.occurred_on)::date,
           case when b.is_tilt then 'tilt' when s.kind = 'district_special' then 'district' else 'partner' end,
           coalesce(sum(case when d.kind = 'reversal' then -d.v else d.v end)
                      filter (where coalesce(d.reversed_kind, d.kind) = 'disbursement'), 0)::bigint,
           coalesce(sum(case when d.kind = 'reversal' then -d.v else d.v end)
                      filter (where coalesce(d.reversed_kind, d.kind) = 'return'), 0)::bigint
      from days d
      join public.budget_lines b on b.id = d.line_id
      join public.fund_sources s on s.id = b.source_id
     group by 1, 2 order by 1, 2;
end $$;

revoke execute on function public.finance_disbursements_by_month(date, date, bigint) from public, anon;
grant execute on function public.finance_disbursements_by_month(date, date, bigint) to authenticated;
