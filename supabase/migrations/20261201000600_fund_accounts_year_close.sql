-- 决算 and the year-end close (issue 9).
-- fund_accounts(year): per source (line_id null) and per line — appropriated / received, carried in and out,
-- lined, committed, paid, returned, released, available — of the sources the caller reads (the scope of
-- fund_sources_select, written out: private.fund_source_scope()), so each role sees its own scope's money and a
-- leader or street admin sees nothing.
-- close_fiscal_year(year): by district finance. Grants funded on the year's lines whose period has ended are
-- completed: their unpaid tranches are cancelled and what is still committed is released; then every line's
-- available money and every source's unlined money is carried out (carry_out) and carried into the source of
-- the same owner, kind, partner and name in the next year (created if missing, appropriation 0) as carry_in.
-- Grants still running keep their commitments on the closed year's lines and are paid from them.
-- Locks: F1 sources of both years ascending, then (before any work) F3 the grants it completes ascending and F4
-- every line it touches ascending, then F5 tranches.

-- Scope of the finance figures (here and in 20261201000700): they are security definer and filter the
-- caller's scope explicitly — the scope the RLS policies give — skipping the filter for a district-wide reader.
-- Through RLS the planner may not use an index for a condition on an enum column (enum equality is not
-- leakproof): `status = 'requested'` scanned every tranche and `kind = 'disbursement'` the whole ledger.
-- The fund sources the caller reads (as fund_sources_select): null = all of them (the organisation
-- department, the district's finance); otherwise the readable ids ('{}' for a leader or a street admin).
-- A reader at the district (every unit is below it) is answered without listing the ~1,000 units below it.
-- PL/pgSQL, not SQL: a SQL function is planned at every call, and planning evaluated the unit list (twice, to
-- estimate `= any (...)`) even for the district's readers, who never need it — most of each figure's time.
create or replace function private.fund_source_scope() returns bigint[]
language plpgsql stable security definer set search_path = '' as $$
declare
  ids bigint[];
begin
  if exists (select 1 from public.role_grants g join public.org_units d on d.id = g.org_unit_id
              where g.user_id = (select auth.uid()) and g.revoked_at is null and d.level = 'district'
                and g.role in ('org_admin', 'finance')) then
    return null;
  end if;
  ids := private.fund_reader_unit_ids();
  if cardinality(ids) > 0 and not exists (select 1 from public.fund_sources s where not s.org_unit_id = any (ids)) then
    return null;
  end if;
  return coalesce((select array_agg(s.id) from public.fund_sources s where s.org_unit_id = any (ids)), '{}');
end $$;

-- The teams whose applications and grants the caller reads (as grant_applications_select / grants_select):
-- null = every team (a role at the district), otherwise readable_unit_ids().
create or replace function private.team_scope() returns bigint[]
language sql stable security definer set search_path = '' as $$
  select case when private.has_district_scope() then null else private.readable_unit_ids() end
$$;
revoke all on function private.fund_source_scope(), private.team_scope() from public, anon;
grant execute on function private.fund_source_scope(), private.team_scope() to authenticated;

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
comment on function public.fund_accounts(integer) is '决算: per source (line_id null) and line, of the sources the caller reads';
revoke execute on function public.fund_accounts(integer) from public, anon;
grant execute on function public.fund_accounts(integer) to authenticated;

create or replace function public.close_fiscal_year(p_year integer, p_note text default null)
returns table (carried_out_fen bigint, released_fen bigint, grants_completed integer)
language plpgsql security definer set search_path = '' as $$
#variable_conflict use_variable
declare
  v_district bigint;
  s public.fund_sources;
  g record;
  b record;
  v_next bigint;
  v_amount bigint;
  v_out bigint := 0;
  v_released bigint := 0;
  v_done integer := 0;
  v_before bigint;
begin
  select id into v_district from public.org_units where level = 'district' order by id limit 1;
  if auth.uid() is null or not (v_district = any (private.finance_unit_ids())) then
    raise exception 'only district finance closes a fiscal year' using errcode = '42501', hint = 'funds.not_finance_scope';
  end if;
  if p_year >= extract(year from private.district_today())::integer then
    raise exception 'a year is closed after it has ended' using errcode = '23514', hint = 'funds.year_not_ended';
  end if;
  perform 1 from public.fund_sources where fiscal_year in (p_year, p_year + 1) order by id for update;   -- F1
  if private.year_closed(p_year) or private.year_closed(p_year + 1) then
    raise exception 'fiscal year % is closed (years close in order)', p_year using errcode = '23514', hint = 'funds.year_closed';
  end if;
  -- …and an earlier year with money still open would then never close (its next year would be closed)
  if exists (select 1 from public.fund_sources fs where fs.fiscal_year < p_year and not private.year_closed(fs.fiscal_year)) then
    raise exception 'close the earlier fiscal years first (years close in order)' using errcode = '23514', hint = 'funds.year_order';
  end if;
  -- F3 then F4 up front, each in ascending order: the grants the close completes, then every line it touches
  perform 1 from public.grants gr
   where gr.status = 'active' and gr.ends_on <= make_date(p_year, 12, 31)
     and exists (select 1 from public.application_allocations al join public.budget_lines bl on bl.id = al.line_id
                  where al.application_id = gr.application_id and bl.fiscal_year = p_year)
   order by gr.id for update;
  perform 1 from public.budget_lines bl
   where bl.fiscal_year = p_year
      or bl.id in (select al.line_id from public.application_allocations al join public.grants gr on gr.application_id = al.application_id
                    where gr.status = 'active' and gr.ends_on <= make_date(p_year, 12, 31))
   order by bl.id for update;
  -- grants on the year's lines whose period has ended
  for g in select distinct gr.id, gr.application_id, gr.agreement_no
             from public.grants gr
             join public.application_allocations al on al.application_id = gr.application_id
             join public.budget_lines bl on bl.id = al.line_id
            where bl.fiscal_year = p_year and gr.status = 'active' and gr.ends_on <= make_date(p_year, 12, 31)
            order by gr.id loop
    perform 1 from public.grants where id = g.id for update;                                      -- F3
    select coalesce(sum(remaining_fen), 0) into v_before from private.application_commitments(g.application_id);
    perform private.release_application(g.application_id, p_year || '年度结转释放: ' || g.agreement_no);   -- F4
    v_released := v_released + greatest(v_before, 0);
    perform 1 from public.grant_tranches where grant_id = g.id and status in ('scheduled', 'requested', 'approved') order by id for update;
    update public.grant_tranches set status = 'cancelled', closed_by = auth.uid(), close_reason = p_year || '年度结转'
     where grant_id = g.id and status in ('scheduled', 'requested', 'approved');
    update public.grants set status = 'completed', closed_by = auth.uid(), closed_at = now(), close_reason = p_year || '年度结转'
     where id = g.id;
    v_done := v_done + 1;
  end loop;
  for s in select * from public.fund_sources where fiscal_year = p_year order by id loop
    v_amount := 0;
    for b in select x.id from public.budget_lines x where x.source_id = s.id order by x.id loop
      perform 1 from public.budget_lines where id = b.id for update;                               -- F4
      if private.line_available(b.id) > 0 then
        v_amount := v_amount + private.line_available(b.id);
        insert into public.fund_ledger (kind, source_id, line_id, amount_fen, occurred_on, note, created_by)
        values ('carry_out', s.id, b.id, private.line_available(b.id), make_date(p_year, 12, 31), p_year || '年度结转', auth.uid());
      end if;
    end loop;
    -- money of the source that no line holds
    if private.source_cap(s.id) - (select coalesce(sum(amount_fen), 0) from public.budget_lines where source_id = s.id)
       + (select coalesce(sum(amount_fen), 0) from public.fund_ledger where source_id = s.id and kind = 'carry_out' and line_id is not null) > 0 then
      declare
        v_unlined bigint := private.source_cap(s.id)
          - (select coalesce(sum(amount_fen), 0) from public.budget_lines where source_id = s.id)
          + (select coalesce(sum(amount_fen), 0) from public.fund_ledger where source_id = s.id and kind = 'carry_out' and line_id is not null);
      begin
        insert into public.fund_ledger (kind, source_id, amount_fen, occurred_on, note, created_by)
        values ('carry_out', s.id, v_unlined, make_date(p_year, 12, 31), p_year || '年度结转（未分配）', auth.uid());
        v_amount := v_amount + v_unlined;
      end;
    end if;
    if v_amount > 0 then
      select id into v_next from public.fund_sources
       where fiscal_year = p_year + 1 and kind = s.kind and org_unit_id = s.org_unit_id
         and partner_id is not distinct from s.partner_id and name = s.name;
      if v_next is null then
        insert into public.fund_sources (fiscal_year, kind, name, org_unit_id, partner_id, contribution, form, in_kind_valuation,
                                         restricted_purpose, appropriated_fen, note, created_by)
        values (p_year + 1, s.kind, s.name, s.org_unit_id, s.partner_id, s.contribution, s.form, s.in_kind_valuation,
                s.restricted_purpose, 0, p_year || '年度结转', auth.uid())
        returning id into v_next;
      end if;
      insert into public.fund_ledger (kind, source_id, amount_fen, occurred_on, note, created_by)
      values ('carry_in', v_next, v_amount, make_date(p_year + 1, 1, 1), p_year || '年度结转自 #' || s.id, auth.uid());
      v_out := v_out + v_amount;
    end if;
  end loop;
  insert into public.fund_year_closes (fiscal_year, closed_by, note) values (p_year, auth.uid(), nullif(btrim(p_note), ''));
  return query select v_out, v_released, v_done;
end $$;
revoke execute on function public.close_fiscal_year(integer, text) from public, anon;
grant execute on function public.close_fiscal_year(integer, text) to authenticated;
