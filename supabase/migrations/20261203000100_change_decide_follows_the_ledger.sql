-- The to-do's "a change request to decide" (change_decide) asks the same question as decide_grant_change:
-- may this finance decide for every line the grant draws on, the lines with money still committed in the
-- ledger included (private.grant_lines, 20261202000200)? It asked the allocation rows alone, so a grant whose
-- allocation row had been lost (the old move_money) was offered to a finance that decide_grant_change then
-- refused. One mechanism now answers both. Otherwise funds_action_items() is as in 20261202000600.
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
     where t.status = 'paid' and g.team_id = any (led) and g.status = 'active'
       -- until the vouchers handed in (not rejected) cover the payment, while add_voucher still has room
       and coalesce((select sum(v.amount_fen) from public.grant_vouchers v where v.tranche_id = t.id and v.status <> 'rejected'), 0) < t.amount_fen
       and coalesce((select sum(x.amount_fen) from public.grant_tranches x where x.grant_id = g.id and x.status = 'paid'), 0)
           > coalesce((select sum(v.amount_fen) from public.grant_vouchers v where v.grant_id = g.id and v.status <> 'rejected'), 0);
  end if;
  return query select 'my_rejected_vouchers'::text, g.application_id, g.id, t.id, t.seq, v.id, null::bigint
    from public.grant_vouchers v join public.grants g on g.id = v.grant_id join public.grant_tranches t on t.id = v.tranche_id
    where v.status = 'rejected' and v.uploaded_by = me and v.checked_at > now() - interval '30 days'
      and (teams is null or g.team_id = any (teams));
  -- 初审 is the street's (or community's) step: the organisation department, which may also screen, is not
  -- handed every street's submissions as its own to-do
  if cardinality(managed) > 0 and not org then
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
                    and not exists (select 1 from private.grant_lines(g.application_id) x where not x.line_id = any (own_lines))));
  end if;
end $$;

revoke execute on function public.funds_action_items() from public, anon;
grant execute on function public.funds_action_items() to authenticated;
