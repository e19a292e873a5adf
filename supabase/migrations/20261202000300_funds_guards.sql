-- Three guards from the attack review of 1 Dec (F2, F3, F5):
--   * private.application_lock answers an application the caller cannot read as missing before it locks the
--     row or names its state (as grant_lock does): a leader learned other streets' application states from the
--     workflow calls' refusals, and held their row locks;
--   * add_voucher refuses a terminated grant, as the vouchers bucket's insert policy does (a file uploaded
--     before the termination could still be filed, and then checked);
--   * the file's size and type are taken from Storage's record of the upload, and neither a payment nor a
--     voucher is dated after today (F6, F8);
--   * pay_tranche's voucher gate passes over a returned tranche as over a cancelled one: the returned money
--     needs no vouchers, and no voucher can be filed on a returned tranche, so the next tranche could never be
--     paid.

create or replace function private.application_lock(p_id bigint, p_states public.application_status[])
returns public.grant_applications
language plpgsql security definer set search_path = '' as $$
declare
  a public.grant_applications;
begin
  if auth.uid() is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  -- an application the caller cannot read is answered as missing, before it is locked or its state is told
  if not exists (select 1 from public.grant_applications x where x.id = p_id and x.team_id = any (private.readable_unit_ids())) then
    raise exception 'no such application' using errcode = 'P0002', hint = 'funds.not_found';
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

create or replace function public.pay_tranche(p_tranche_id bigint, p_paid_on date default null, p_voucher_no text default null,
                                              p_request_key uuid default null)
returns bigint
language plpgsql security definer set search_path = '' as $$
declare
  g public.grants;
  t public.grant_tranches;
  prev public.grant_tranches;
  v_first text;
  v_remaining bigint;
  v_id bigint;
begin
  v_first := private.request_replay('pay_tranche', p_request_key);
  if v_first is not null then
    return v_first::bigint;
  end if;
  t := private.tranche_lock(p_tranche_id, '{approved}', p_active => true, p_line => true);   -- F3, F4, F5
  select * into g from public.grants where id = t.grant_id;
  perform private.require_grant_finance(g);
  perform private.require_line_finance(t.line_id);
  select * into prev from public.grant_tranches
   where grant_id = g.id and seq < t.seq and status not in ('cancelled', 'returned') order by seq desc limit 1;
  -- (a returned tranche's money came back: it needs no vouchers and is passed over like a cancelled one)
  if prev.id is not null and (prev.status <> 'paid'
      or exists (select 1 from public.grant_vouchers where tranche_id = prev.id and status = 'pending')
      or not exists (select 1 from public.grant_vouchers where tranche_id = prev.id and status = 'verified')) then
    raise exception 'the vouchers of tranche % must be verified first', prev.seq using errcode = '23514', hint = 'funds.vouchers_gate';
  end if;
  if p_paid_on > private.district_today() then
    raise exception 'a payment is booked on or after the day it was made' using errcode = '23514', hint = 'funds.date_in_future';
  end if;
  if (select coalesce(sum(amount_fen), 0) from public.grant_tranches where grant_id = g.id and status = 'paid')
     + t.amount_fen > g.amount_fen then
    raise exception 'the payments would exceed the grant' using errcode = '23514', hint = 'funds.tranches_over_grant';
  end if;
  select coalesce(sum(remaining_fen), 0) into v_remaining
    from private.application_commitments(g.application_id) c where c.line_id = t.line_id;
  if t.amount_fen > v_remaining then
    raise exception 'only % fen remain committed on this line for the grant', v_remaining
      using errcode = '23514', hint = 'funds.tranche_over_commitment';
  end if;
  insert into public.fund_ledger (kind, source_id, line_id, application_id, tranche_id, amount_fen, voucher_no, occurred_on, note, created_by)
  select 'disbursement', b.source_id, b.id, g.application_id, t.id, t.amount_fen, nullif(btrim(p_voucher_no), ''),
         coalesce(p_paid_on, private.district_today()), g.agreement_no || ' 第' || t.seq || '笔', auth.uid()
    from public.budget_lines b where b.id = t.line_id
  returning id into v_id;
  update public.grant_tranches set status = 'paid', paid_by = auth.uid(), paid_on = coalesce(p_paid_on, private.district_today()),
         voucher_no = nullif(btrim(p_voucher_no), '')
   where id = t.id;
  perform private.request_done(p_request_key, v_id::text);
  return v_id;
end $$;

create or replace function public.add_voucher(p_tranche_id bigint, p_object_path text, p_file_name text, p_mime text,
                                              p_size_bytes bigint, p_amount_fen bigint, p_issued_on date,
                                              p_description text default null, p_request_key uuid default null)
returns bigint
language plpgsql security definer set search_path = '' as $$
declare
  g public.grants;
  t public.grant_tranches;
  v_first text;
  v_id bigint;
  v_filed bigint;
  v_paid bigint;
  v_size bigint;
  v_mime text;
begin
  v_first := private.request_replay('add_voucher', p_request_key);
  if v_first is not null then
    return v_first::bigint;
  end if;
  t := private.tranche_lock(p_tranche_id, '{paid}');
  select * into g from public.grants where id = t.grant_id;
  -- as the bucket's insert policy: vouchers are filed on a running or completed grant, not a terminated one
  if g.status not in ('active', 'completed') then
    raise exception 'the grant is %', g.status using errcode = '23514', hint = 'funds.grant_closed';
  end if;
  if not (g.team_id = any (private.led_team_ids())) then
    raise exception 'only the grantee files vouchers' using errcode = '42501', hint = 'funds.not_grantee';
  end if;
  -- exactly <grant>/<tranche>/<file> (no further folders, no '.'/'..'), and the file was uploaded there first:
  -- a voucher row with no file behind it (or naming another grant's file) would be checked blind
  if p_object_path is null or p_object_path !~ ('^' || g.id || '/' || t.id || '/[^/]+$') or p_object_path ~ '/\.\.?$'
     or not exists (select 1 from storage.objects o where o.bucket_id = 'vouchers' and o.name = p_object_path) then
    raise exception 'a voucher file is uploaded under %/%/ first', g.id, t.id using errcode = '23514', hint = 'funds.voucher_path';
  end if;
  if p_issued_on > private.district_today() then
    raise exception 'a voucher is not dated in the future' using errcode = '23514', hint = 'funds.date_in_future';
  end if;
  if coalesce(p_amount_fen, 0) <= 0 then
    raise exception 'the amount must be positive' using errcode = '23514', hint = 'funds.amount_positive';
  end if;
  select coalesce(sum(amount_fen), 0) into v_filed from public.grant_vouchers where grant_id = g.id and status <> 'rejected';
  select coalesce(sum(amount_fen), 0) into v_paid from public.grant_tranches where grant_id = g.id and status = 'paid';
  if v_filed + p_amount_fen > v_paid then
    -- DETAIL carries the figures so the grantee is told how much room is left (src/domain/grants.ts reads it)
    raise exception 'the vouchers would exceed what was paid' using errcode = '23514', hint = 'funds.vouchers_over_paid',
      detail = json_build_object('paid_fen', v_paid, 'vouchers_fen', v_filed, 'left_fen', greatest(v_paid - v_filed, 0))::text;
  end if;
  -- the file's size and type as Storage recorded them at the upload, not as the caller says (when recorded)
  select coalesce(nullif(o.metadata ->> 'size', '')::bigint, p_size_bytes),
         case when o.metadata ->> 'mimetype' in ('image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf')
              then o.metadata ->> 'mimetype' else p_mime end
    into v_size, v_mime
    from storage.objects o where o.bucket_id = 'vouchers' and o.name = p_object_path;
  insert into public.grant_vouchers (grant_id, tranche_id, object_path, file_name, mime, size_bytes, amount_fen, issued_on,
                                     description, uploaded_by)
  values (g.id, t.id, p_object_path, btrim(p_file_name), v_mime, v_size, p_amount_fen, p_issued_on,
          nullif(btrim(p_description), ''), auth.uid())
  returning id into v_id;
  perform private.request_done(p_request_key, v_id::text);
  return v_id;
end $$;

revoke execute on function private.application_lock(bigint, public.application_status[]) from public, anon;
grant execute on function private.application_lock(bigint, public.application_status[]) to authenticated;
revoke execute on function public.pay_tranche(bigint, date, text, uuid),
  public.add_voucher(bigint, text, text, text, bigint, bigint, date, text, uuid) from public, anon;
grant execute on function public.pay_tranche(bigint, date, text, uuid),
  public.add_voucher(bigint, text, text, text, bigint, bigint, date, text, uuid) to authenticated;
