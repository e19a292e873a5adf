-- The lines a grant draws on follow the ledger, not only its allocation rows (attack review of 1 Dec, F1).
-- decide_grant_change (money moved between lines) shrank the from-line's allocation and then deleted every row
-- at or under the amount moved: moving more than half but less than all of a line's allocation deleted the row
-- although money stayed committed on that line. That money could no longer be scheduled, and "finance of every
-- line the grant draws on" (close_grant, decide_grant_change), which read the allocation rows, then let a
-- street's finance close the grant and release district money it may not touch.
--   * the move deletes first, then shrinks;
--   * private.grant_lines(application) = the allocation rows' lines and every line with money still committed
--     for the application in the ledger; the finance checks use it;
--   * rows already lost are put back: for each line with money still committed for an application and no
--     allocation row, a row of the net commitment (commitments − releases) on it.

-- The lines an application's grant draws on: its allocation rows and the ledger's lines with money committed.
create or replace function private.grant_lines(p_application_id bigint)
returns table (line_id bigint)
language sql stable security definer set search_path = '' as $$
  select al.line_id from public.application_allocations al where al.application_id = p_application_id
  union
  select c.line_id from private.application_commitments(p_application_id) c where c.remaining_fen > 0
$$;
revoke all on function private.grant_lines(bigint) from public, anon;
grant execute on function private.grant_lines(bigint) to authenticated;

create or replace function public.decide_grant_change(p_change_id bigint, p_approve boolean, p_reason text default null)
returns public.grant_change_status
language plpgsql security definer set search_path = '' as $$
declare
  c public.grant_changes;
  g public.grants;
  a public.grant_applications;
  b public.budget_lines;
  s public.fund_sources;
  v_grant bigint;
  v_from bigint;
  v_to bigint;
  v_amt bigint;
  v_free bigint;
begin
  select grant_id into v_grant from public.grant_changes where id = p_change_id;
  if v_grant is null then
    raise exception 'no such change request' using errcode = 'P0002', hint = 'funds.not_found';
  end if;
  g := private.grant_lock(v_grant);
  if not (g.team_id = any (private.finance_unit_ids()) or private.is_org_admin()) then
    raise exception 'only finance of the scope or the organisation department decides' using errcode = '42501', hint = 'funds.not_decider';
  end if;
  if not private.is_org_admin() then   -- finance: the finance of every allocated line's owner (as close_grant)
    perform private.require_line_finance(x.line_id) from private.grant_lines(g.application_id) x;
  end if;
  select * into c from public.grant_changes where id = p_change_id for update;
  if c.status <> 'pending' then
    raise exception 'the change request is %', c.status using errcode = '23514', hint = 'funds.bad_state';
  end if;
  if c.requested_by = auth.uid() then
    raise exception 'the requester cannot decide its own change' using errcode = '42501', hint = 'funds.four_eyes';
  end if;
  if not p_approve then
    if coalesce(btrim(p_reason), '') = '' then
      raise exception 'give a reason' using errcode = '23514', hint = 'funds.reason_required';
    end if;
  elsif c.kind = 'targets' then
    update public.grants set target_hours = (c.after ->> 'target_hours')::numeric,
           target_people = (c.after ->> 'target_people')::integer,
           target_activities = (c.after ->> 'target_activities')::integer
     where id = g.id;
  else
    v_from := (c.after ->> 'from_line_id')::bigint;
    v_to := (c.after ->> 'to_line_id')::bigint;
    v_amt := (c.after ->> 'amount_fen')::bigint;
    select * into a from public.grant_applications where id = g.application_id;
    if not private.is_org_admin() then
      perform private.require_line_finance(v_from);   -- releasing a line's money is its owner's finance's call
    end if;
    perform 1 from public.budget_lines where id in (v_from, v_to) order by id for update;   -- F4
    select coalesce(sum(remaining_fen), 0) into v_free from private.application_commitments(g.application_id) x where x.line_id = v_from;
    v_free := v_free - (select coalesce(sum(amount_fen), 0) from public.grant_tranches
                         where grant_id = g.id and line_id = v_from and status in ('scheduled', 'requested', 'approved'));
    if v_amt > v_free then
      raise exception 'only % fen on the line are neither paid nor scheduled', v_free using errcode = '23514', hint = 'funds.change_over_free';
    end if;
    select * into b from public.budget_lines where id = v_to;
    select * into s from public.fund_sources where id = b.source_id;
    if not (s.org_unit_id = any (private.finance_unit_ids()) or private.is_org_admin()) then
      raise exception 'this line belongs to another finance scope' using errcode = '42501', hint = 'funds.not_finance_scope';
    end if;
    if b.purpose <> a.purpose or (s.restricted_purpose is not null and s.restricted_purpose <> a.purpose) then
      raise exception 'this line is for %, the grant for %', b.purpose, a.purpose using errcode = '23514', hint = 'funds.restricted_purpose';
    end if;
    if b.is_tilt and not private.tilt_eligible(g.project_id) then
      raise exception 'the tilt pool is only for featured or three-star projects' using errcode = '23514', hint = 'funds.tilt_not_eligible';
    end if;
    if private.year_closed(b.fiscal_year) then
      raise exception 'fiscal year % is closed', b.fiscal_year using errcode = '23514', hint = 'funds.year_closed';
    end if;
    if v_amt > private.line_available(v_to) then
      raise exception 'line % has not enough available', b.name using errcode = '23514', hint = 'funds.line_over_budget';
    end if;
    insert into public.fund_ledger (kind, source_id, line_id, application_id, amount_fen, note, created_by)
    select 'release', x.source_id, x.id, g.application_id, v_amt, '变更 #' || c.id, auth.uid() from public.budget_lines x where x.id = v_from;
    insert into public.fund_ledger (kind, source_id, line_id, application_id, amount_fen, note, created_by)
    values ('commitment', b.source_id, b.id, g.application_id, v_amt, '变更 #' || c.id, auth.uid());
    -- the whole allocation moves: the row goes; part of it: the row shrinks (in this order: shrunk first, a row left
    -- at or under the amount moved was deleted too, with money still committed on the line — 20261202000200)
    delete from public.application_allocations where application_id = g.application_id and line_id = v_from and amount_fen <= v_amt;
    update public.application_allocations set amount_fen = amount_fen - v_amt
     where application_id = g.application_id and line_id = v_from and amount_fen > v_amt;
    insert into public.application_allocations (application_id, line_id, amount_fen) values (g.application_id, v_to, v_amt)
    on conflict (application_id, line_id) do update set amount_fen = public.application_allocations.amount_fen + excluded.amount_fen;
  end if;
  update public.grant_changes
     set status = case when p_approve then 'approved' else 'rejected' end::public.grant_change_status,
         decided_by = auth.uid(), decided_at = now(), decision_reason = nullif(btrim(p_reason), '')
   where id = p_change_id;
  return case when p_approve then 'approved' else 'rejected' end::public.grant_change_status;
end $$;

create or replace function public.close_grant(p_grant_id bigint, p_status public.grant_status, p_reason text default null)
returns public.grant_status
language plpgsql security definer set search_path = '' as $$
declare
  g public.grants;
begin
  g := private.grant_lock(p_grant_id);
  if not (g.team_id = any (private.finance_unit_ids()) or private.is_org_admin()) then
    raise exception 'only finance of the scope or the organisation department closes a grant' using errcode = '42501', hint = 'funds.not_finance_scope';
  end if;
  if not private.is_org_admin() then   -- closing releases the commitment on every line: each line's owner finance
    perform private.require_line_finance(x.line_id) from private.grant_lines(g.application_id) x;
  end if;
  if p_status not in ('completed', 'terminated') then
    raise exception 'close as completed or terminated' using errcode = '23514', hint = 'funds.bad_state';
  end if;
  if p_status = 'terminated' and coalesce(btrim(p_reason), '') = '' then
    raise exception 'give a reason' using errcode = '23514', hint = 'funds.reason_required';
  end if;
  perform private.release_application(g.application_id, '结项释放: ' || g.agreement_no);
  perform 1 from public.grant_tranches where grant_id = g.id and status in ('scheduled', 'requested', 'approved') order by id for update;
  update public.grant_tranches set status = 'cancelled', closed_by = auth.uid(), close_reason = coalesce(nullif(btrim(p_reason), ''), '结项')
   where grant_id = g.id and status in ('scheduled', 'requested', 'approved');
  -- a change still waiting can no longer be decided: it is closed with the grant (its requester reads why)
  update public.grant_changes set status = 'rejected', decided_at = now(),
         decided_by = case when requested_by is distinct from auth.uid() then auth.uid() end,
         decision_reason = '协议已' || case p_status when 'completed' then '结项' else '终止' end
                           || coalesce('：' || nullif(btrim(p_reason), ''), '')
   where grant_id = g.id and status = 'pending';
  update public.grants set status = p_status, closed_by = auth.uid(), closed_at = now(), close_reason = nullif(btrim(p_reason), '')
   where id = g.id;
  return p_status;
end $$;

revoke execute on function public.decide_grant_change(bigint, boolean, text), public.close_grant(bigint, public.grant_status, text)
  from public, anon;
grant execute on function public.decide_grant_change(bigint, boolean, text), public.close_grant(bigint, public.grant_status, text)
  to authenticated;

-- Allocation rows lost to the old order, put back from the ledger (application_allocations' triggers are for
-- the API: this runs as the migration's owner).
insert into public.application_allocations (application_id, line_id, amount_fen)
select x.application_id, x.line_id, x.net_fen
  from (select l.application_id, l.line_id,
               coalesce(sum(l.amount_fen) filter (where coalesce(l.reversed_kind, l.kind) = 'commitment' and l.kind <> 'reversal'), 0)
               - coalesce(sum(l.amount_fen) filter (where coalesce(l.reversed_kind, l.kind) = 'release' and l.kind <> 'reversal'), 0) as net_fen
          from public.fund_ledger l
         where l.application_id is not null and l.line_id is not null
         group by l.application_id, l.line_id) x
 where x.net_fen > 0
   and exists (select 1 from private.application_commitments(x.application_id) c where c.line_id = x.line_id and c.remaining_fen > 0)
   and not exists (select 1 from public.application_allocations al where al.application_id = x.application_id and al.line_id = x.line_id);
