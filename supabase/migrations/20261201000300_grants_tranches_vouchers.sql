-- Grants (协议), tranches (拨付), vouchers (凭证) and change requests (变更) — issue 9.
-- approve_application turns an application whose notice ended without open objections into a grant.
-- Finance schedules tranches on the grant's committed lines (Σ live tranches ≤ the grant, per line ≤ its
-- allocation); a tranche goes scheduled → requested (grantee or finance) → approved (finance, not the
-- requester) → paid (finance: a disbursement entry moves the money from committed to paid), or cancelled
-- / returned. Paying tranche n needs the vouchers of the previous live tranche checked: none pending and at
-- least one verified. The grantee (a leader of the grant's team) files vouchers against paid tranches
-- (Σ non-rejected ≤ paid); finance (not the uploader) verifies or rejects them. A change request moves
-- committed money between lines or changes the targets, shown as before/after, decided by another person.
-- Lock order F2 application → F3 grant → F4 lines ascending → F5 tranches → F6 vouchers (20261201000100).

create type public.grant_status as enum ('active', 'completed', 'terminated');
create type public.tranche_status as enum ('scheduled', 'requested', 'approved', 'paid', 'cancelled', 'returned');
create type public.voucher_status as enum ('pending', 'verified', 'rejected');
create type public.grant_change_kind as enum ('move_money', 'targets');
create type public.grant_change_status as enum ('pending', 'approved', 'rejected');

create table public.grants (
  id bigint generated always as identity primary key,
  application_id bigint not null unique references public.grant_applications (id) on delete restrict,
  agreement_no text not null unique,
  team_id bigint not null references public.org_units (id) on delete restrict,
  project_id bigint references public.projects (id) on delete restrict,
  purpose public.budget_purpose not null,
  amount_fen bigint not null check (amount_fen > 0),
  starts_on date not null,
  ends_on date not null check (ends_on >= starts_on),
  target_hours numeric(10, 1) not null default 0,
  target_people integer not null default 0,
  target_activities integer not null default 0,
  status public.grant_status not null default 'active',
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  closed_by uuid references auth.users (id) on delete set null,
  closed_at timestamptz,
  close_reason text check (length(close_reason) <= 1000)
);
comment on table public.grants is '资助协议: an approved application with its amount, period and targets';
create index grants_team on public.grants (team_id, status);
create index grants_project on public.grants (project_id);
create index grants_created_by on public.grants (created_by);
create index grants_closed_by on public.grants (closed_by);

create table public.grant_tranches (
  id bigint generated always as identity primary key,
  grant_id bigint not null references public.grants (id) on delete restrict,
  seq smallint not null check (seq > 0),
  line_id bigint not null references public.budget_lines (id) on delete restrict,
  amount_fen bigint not null check (amount_fen > 0),
  due_on date not null,
  status public.tranche_status not null default 'scheduled',
  note text check (length(note) <= 500),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  requested_by uuid references auth.users (id) on delete set null,
  requested_at timestamptz,
  approved_by uuid references auth.users (id) on delete set null,
  approved_at timestamptz,
  paid_by uuid references auth.users (id) on delete set null,
  paid_on date,
  voucher_no text check (length(voucher_no) <= 60),
  closed_by uuid references auth.users (id) on delete set null,
  close_reason text check (length(close_reason) <= 1000),
  unique (grant_id, seq),
  constraint grant_tranches_four_eyes check (approved_by is null or approved_by is distinct from requested_by)
);
comment on table public.grant_tranches is '拨付批次: scheduled → requested → approved → paid (or cancelled / returned)';
create index grant_tranches_line on public.grant_tranches (line_id);
create index grant_tranches_status on public.grant_tranches (status, due_on);
create index grant_tranches_created_by on public.grant_tranches (created_by);
create index grant_tranches_requested_by on public.grant_tranches (requested_by);
create index grant_tranches_approved_by on public.grant_tranches (approved_by);
create index grant_tranches_paid_by on public.grant_tranches (paid_by);
create index grant_tranches_closed_by on public.grant_tranches (closed_by);

alter table public.fund_ledger
  add constraint fund_ledger_tranche_fk foreign key (tranche_id) references public.grant_tranches (id) on delete restrict;

create table public.grant_vouchers (
  id bigint generated always as identity primary key,
  grant_id bigint not null references public.grants (id) on delete restrict,
  tranche_id bigint not null references public.grant_tranches (id) on delete restrict,
  bucket text not null default 'vouchers' check (bucket = 'vouchers'),
  object_path text not null unique check (length(object_path) <= 300),
  file_name text not null check (length(btrim(file_name)) between 1 and 200),
  mime text not null check (mime in ('image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf')),
  size_bytes bigint not null check (size_bytes > 0 and size_bytes <= 10485760),
  amount_fen bigint not null check (amount_fen > 0),
  issued_on date not null,
  description text check (length(description) <= 500),
  status public.voucher_status not null default 'pending',
  uploaded_by uuid references auth.users (id) on delete set null,
  uploaded_at timestamptz not null default now(),
  checked_by uuid references auth.users (id) on delete set null,
  checked_at timestamptz,
  reason text check (length(reason) <= 1000),
  constraint grant_vouchers_path check (object_path like grant_id::text || '/' || tranche_id::text || '/%'),
  constraint grant_vouchers_four_eyes check (checked_by is null or checked_by is distinct from uploaded_by)
);
comment on table public.grant_vouchers is '支出凭证: files in storage bucket vouchers at <grant_id>/<tranche_id>/<uuid>.<ext>, checked by finance';
create index grant_vouchers_grant on public.grant_vouchers (grant_id, status);
create index grant_vouchers_tranche on public.grant_vouchers (tranche_id, status);
create index grant_vouchers_uploaded_by on public.grant_vouchers (uploaded_by);
create index grant_vouchers_checked_by on public.grant_vouchers (checked_by);

create table public.grant_changes (
  id bigint generated always as identity primary key,
  grant_id bigint not null references public.grants (id) on delete restrict,
  kind public.grant_change_kind not null,
  before jsonb not null,
  after jsonb not null,
  reason text check (length(reason) <= 1000),
  status public.grant_change_status not null default 'pending',
  requested_by uuid references auth.users (id) on delete set null,
  requested_at timestamptz not null default now(),
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz,
  decision_reason text check (length(decision_reason) <= 1000),
  constraint grant_changes_four_eyes check (decided_by is null or decided_by is distinct from requested_by)
);
comment on table public.grant_changes is '变更申请: move money between lines or change targets; before/after; decided by another person';
create index grant_changes_grant on public.grant_changes (grant_id, status);
create index grant_changes_requested_by on public.grant_changes (requested_by);
create index grant_changes_decided_by on public.grant_changes (decided_by);

alter table public.grants enable row level security;
alter table public.grant_tranches enable row level security;
alter table public.grant_vouchers enable row level security;
alter table public.grant_changes enable row level security;

create policy grants_select on public.grants for select to authenticated
  using (team_id in (select unnest(private.readable_unit_ids())));
create policy grant_tranches_select on public.grant_tranches for select to authenticated
  using (grant_id in (select g.id from public.grants g));
create policy grant_vouchers_select on public.grant_vouchers for select to authenticated
  using (grant_id in (select g.id from public.grants g));
create policy grant_changes_select on public.grant_changes for select to authenticated
  using (grant_id in (select g.id from public.grants g));

revoke all on public.grants, public.grant_tranches, public.grant_vouchers, public.grant_changes from anon, authenticated, service_role;
grant select on public.grants, public.grant_tranches, public.grant_vouchers, public.grant_changes to authenticated;

-- ─── helpers ──────────────────────────────────────────────────────────────────────────────────
-- Locks a grant (F3); checks it exists and (optionally) is active.
create or replace function private.grant_lock(p_id bigint, p_active boolean default true) returns public.grants
language plpgsql security definer set search_path = '' as $$
declare
  g public.grants;
begin
  if auth.uid() is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  -- a grant the caller cannot read is answered as missing, before it is locked or its state is told
  if not exists (select 1 from public.grants gr where gr.id = p_id and gr.team_id = any (private.readable_unit_ids())) then
    raise exception 'no such grant' using errcode = 'P0002', hint = 'funds.not_found';
  end if;
  select * into g from public.grants where id = p_id for update;
  if p_active and g.status <> 'active' then
    raise exception 'the grant is %', g.status using errcode = '23514', hint = 'funds.grant_closed';
  end if;
  return g;
end $$;

-- The grant of a tranche, locked (F3; p_active: and still active), with p_line its budget line (F4, for the calls
-- that move money on the line), then the tranche (F5), which must be in one of the given states. Every tranche call
-- locks through here, so all of them take the locks in the one documented order.
create or replace function private.tranche_lock(p_tranche_id bigint, p_states public.tranche_status[],
                                               p_active boolean default false, p_line boolean default false)
returns public.grant_tranches
language plpgsql security definer set search_path = '' as $$
declare
  v_grant bigint;
  g public.grants;
  t public.grant_tranches;
begin
  select tr.grant_id into v_grant from public.grant_tranches tr join public.grants gr on gr.id = tr.grant_id
   where tr.id = p_tranche_id and gr.team_id = any (private.readable_unit_ids());
  if v_grant is null then   -- missing, or of a grant the caller cannot read: the same answer
    raise exception 'no such tranche' using errcode = 'P0002', hint = 'funds.not_found';
  end if;
  g := private.grant_lock(v_grant, p_active);                                      -- F3
  if p_line then
    perform 1 from public.budget_lines b join public.grant_tranches x on x.line_id = b.id
     where x.id = p_tranche_id for update of b;                                    -- F4
  end if;
  select * into t from public.grant_tranches where id = p_tranche_id for update;  -- F5
  if not (t.status = any (p_states)) then
    raise exception 'the tranche is %, which does not allow this', t.status using errcode = '23514', hint = 'funds.bad_state';
  end if;
  return t;
end $$;

create or replace function private.require_grant_finance(g public.grants) returns void
language plpgsql stable security definer set search_path = '' as $$
begin
  if not (g.team_id = any (private.finance_unit_ids())) then
    raise exception 'only finance of the grant''s scope may do this' using errcode = '42501', hint = 'funds.not_finance_scope';
  end if;
end $$;

-- Money moves on a line only by finance of the line's source owner: a street's finance handles its street's
-- grants but never schedules, approves, pays or takes back district money (which it cannot even read).
create or replace function private.require_line_finance(p_line_id bigint) returns void
language plpgsql stable security definer set search_path = '' as $$
begin
  perform private.require_finance_of((select s.org_unit_id from public.budget_lines b join public.fund_sources s on s.id = b.source_id
                                       where b.id = p_line_id));
end $$;

revoke all on function private.grant_lock(bigint, boolean), private.tranche_lock(bigint, public.tranche_status[], boolean, boolean),
  private.require_grant_finance(public.grants), private.require_line_finance(bigint) from public, anon;

-- ─── 协议: approval after the notice ──────────────────────────────────────────────────────────
create or replace function public.approve_application(p_id bigint, p_reason text default null)
returns bigint
language plpgsql security definer set search_path = '' as $$
declare
  a public.grant_applications;
  v_grant bigint;
begin
  a := private.application_lock(p_id, '{in_notice}');
  if not private.is_org_admin() then
    raise exception 'only the organisation department decides' using errcode = '42501', hint = 'funds.not_decider';
  end if;
  if private.district_today() <= a.notice_end then
    raise exception 'the notice runs until %', a.notice_end using errcode = '23514', hint = 'funds.notice_running';
  end if;
  if exists (select 1 from public.grant_objections where application_id = p_id and status = 'open') then
    raise exception 'resolve the open objections first' using errcode = '23514', hint = 'funds.objections_open';
  end if;
  insert into public.grants (application_id, agreement_no, team_id, project_id, purpose, amount_fen, starts_on, ends_on,
                             target_hours, target_people, target_activities, created_by)
  values (a.id, 'SN' || a.fiscal_year || '-' || lpad(a.id::text, 4, '0'), a.team_id, a.project_id, a.purpose,
          a.amount_requested_fen, a.period_start, a.period_end, a.target_hours, a.target_people, a.target_activities, auth.uid())
  returning id into v_grant;
  perform private.application_move(p_id, 'in_notice', 'approved', p_reason);
  return v_grant;
end $$;

-- ─── tranches ─────────────────────────────────────────────────────────────────────────────────
create or replace function public.schedule_tranche(p_grant_id bigint, p_line_id bigint, p_amount_fen bigint, p_due_on date,
                                                   p_note text default null, p_request_key uuid default null)
returns bigint
language plpgsql security definer set search_path = '' as $$
declare
  g public.grants;
  v_first text;
  v_alloc bigint;
  v_id bigint;
begin
  v_first := private.request_replay('schedule_tranche', p_request_key);
  if v_first is not null then
    return v_first::bigint;
  end if;
  g := private.grant_lock(p_grant_id);
  perform private.require_grant_finance(g);
  if coalesce(p_amount_fen, 0) <= 0 then
    raise exception 'the amount must be positive' using errcode = '23514', hint = 'funds.amount_positive';
  end if;
  select amount_fen into v_alloc from public.application_allocations where application_id = g.application_id and line_id = p_line_id;
  if v_alloc is null then
    raise exception 'this line does not fund the grant' using errcode = '23514', hint = 'funds.line_not_allocated';
  end if;
  perform private.require_line_finance(p_line_id);
  if (select coalesce(sum(amount_fen), 0) from public.grant_tranches
       where grant_id = g.id and status not in ('cancelled', 'returned')) + p_amount_fen > g.amount_fen then
    raise exception 'the tranches would exceed the grant' using errcode = '23514', hint = 'funds.tranches_over_grant';
  end if;
  if (select coalesce(sum(amount_fen), 0) from public.grant_tranches
       where grant_id = g.id and line_id = p_line_id and status not in ('cancelled', 'returned')) + p_amount_fen > v_alloc then
    raise exception 'the tranches would exceed what this line funds' using errcode = '23514', hint = 'funds.tranches_over_allocation';
  end if;
  insert into public.grant_tranches (grant_id, seq, line_id, amount_fen, due_on, note, created_by)
  values (g.id, (select coalesce(max(seq), 0) + 1 from public.grant_tranches where grant_id = g.id), p_line_id, p_amount_fen,
          coalesce(p_due_on, private.district_today()), nullif(btrim(p_note), ''), auth.uid())
  returning id into v_id;
  perform private.request_done(p_request_key, v_id::text);
  return v_id;
end $$;

-- 申请拨付: the grantee (a leader of the team) or finance of the scope.
create or replace function public.request_tranche(p_tranche_id bigint, p_note text default null)
returns public.tranche_status
language plpgsql security definer set search_path = '' as $$
declare
  g public.grants;
  t public.grant_tranches;
begin
  t := private.tranche_lock(p_tranche_id, '{scheduled}');
  select * into g from public.grants where id = t.grant_id;
  if g.status <> 'active' then
    raise exception 'the grant is %', g.status using errcode = '23514', hint = 'funds.grant_closed';
  end if;
  if not (g.team_id = any (private.led_team_ids()) or g.team_id = any (private.finance_unit_ids())) then
    raise exception 'only the grantee or finance requests a payment' using errcode = '42501', hint = 'funds.not_grantee';
  end if;
  update public.grant_tranches set status = 'requested', requested_by = auth.uid(), requested_at = now(),
         note = coalesce(nullif(btrim(p_note), ''), note)
   where id = p_tranche_id;
  return 'requested';
end $$;

-- 审批拨付: finance of the scope, not the requester.
create or replace function public.approve_tranche(p_tranche_id bigint)
returns public.tranche_status
language plpgsql security definer set search_path = '' as $$
declare
  g public.grants;
  t public.grant_tranches;
begin
  t := private.tranche_lock(p_tranche_id, '{requested}');
  select * into g from public.grants where id = t.grant_id;
  perform private.require_grant_finance(g);
  perform private.require_line_finance(t.line_id);
  if t.requested_by = auth.uid() then
    raise exception 'the person who requested a payment cannot approve it' using errcode = '42501', hint = 'funds.four_eyes';
  end if;
  update public.grant_tranches set status = 'approved', approved_by = auth.uid(), approved_at = now() where id = p_tranche_id;
  return 'approved';
end $$;

-- 支付: finance of the scope pays an approved tranche: the previous live tranche's vouchers must be checked
-- (none pending, at least one verified); the money moves from committed to paid on the line (F3 → F4 → F5).
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
   where grant_id = g.id and seq < t.seq and status <> 'cancelled' order by seq desc limit 1;
  if prev.id is not null and (prev.status not in ('paid', 'returned')
      or exists (select 1 from public.grant_vouchers where tranche_id = prev.id and status = 'pending')
      or not exists (select 1 from public.grant_vouchers where tranche_id = prev.id and status = 'verified')) then
    raise exception 'the vouchers of tranche % must be verified first', prev.seq using errcode = '23514', hint = 'funds.vouchers_gate';
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

create or replace function public.cancel_tranche(p_tranche_id bigint, p_reason text)
returns public.tranche_status
language plpgsql security definer set search_path = '' as $$
declare
  g public.grants;
  t public.grant_tranches;
begin
  t := private.tranche_lock(p_tranche_id, '{scheduled,requested,approved}');
  select * into g from public.grants where id = t.grant_id;
  perform private.require_grant_finance(g);
  perform private.require_line_finance(t.line_id);   -- the line's owner's finance keeps its money
  if coalesce(btrim(p_reason), '') = '' then
    raise exception 'give a reason' using errcode = '23514', hint = 'funds.reason_required';
  end if;
  update public.grant_tranches set status = 'cancelled', closed_by = auth.uid(), close_reason = btrim(p_reason) where id = p_tranche_id;
  return 'cancelled';
end $$;

-- 退回: the grantee paid a tranche back (in full); the money becomes available on the line again.
create or replace function public.return_tranche(p_tranche_id bigint, p_reason text, p_occurred_on date default null,
                                                 p_voucher_no text default null, p_request_key uuid default null)
returns bigint
language plpgsql security definer set search_path = '' as $$
declare
  g public.grants;
  t public.grant_tranches;
  v_first text;
  v_id bigint;
begin
  v_first := private.request_replay('return_tranche', p_request_key);
  if v_first is not null then
    return v_first::bigint;
  end if;
  t := private.tranche_lock(p_tranche_id, '{paid}', p_line => true);   -- F3, F4, F5
  select * into g from public.grants where id = t.grant_id;
  perform private.require_grant_finance(g);
  perform private.require_line_finance(t.line_id);
  if coalesce(btrim(p_reason), '') = '' then
    raise exception 'give a reason' using errcode = '23514', hint = 'funds.reason_required';
  end if;
  if exists (select 1 from public.grant_vouchers where tranche_id = t.id and status <> 'rejected') then
    raise exception 'this tranche has vouchers: reject them first' using errcode = '23514', hint = 'funds.tranche_has_vouchers';
  end if;
  insert into public.fund_ledger (kind, source_id, line_id, application_id, tranche_id, amount_fen, voucher_no, occurred_on, note, created_by)
  select 'return', b.source_id, b.id, g.application_id, t.id, t.amount_fen, nullif(btrim(p_voucher_no), ''),
         coalesce(p_occurred_on, private.district_today()), btrim(p_reason), auth.uid()
    from public.budget_lines b where b.id = t.line_id
  returning id into v_id;
  update public.grant_tranches set status = 'returned', closed_by = auth.uid(), close_reason = btrim(p_reason) where id = t.id;
  perform private.request_done(p_request_key, v_id::text);
  return v_id;
end $$;

-- ─── vouchers ─────────────────────────────────────────────────────────────────────────────────
-- The grantee files a voucher (the file is uploaded to storage first, at p_object_path).
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
begin
  v_first := private.request_replay('add_voucher', p_request_key);
  if v_first is not null then
    return v_first::bigint;
  end if;
  t := private.tranche_lock(p_tranche_id, '{paid}');
  select * into g from public.grants where id = t.grant_id;
  if not (g.team_id = any (private.led_team_ids())) then
    raise exception 'only the grantee files vouchers' using errcode = '42501', hint = 'funds.not_grantee';
  end if;
  -- exactly <grant>/<tranche>/<file> (no further folders, no '.'/'..'), and the file was uploaded there first:
  -- a voucher row with no file behind it (or naming another grant's file) would be checked blind
  if p_object_path is null or p_object_path !~ ('^' || g.id || '/' || t.id || '/[^/]+$') or p_object_path ~ '/\.\.?$'
     or not exists (select 1 from storage.objects o where o.bucket_id = 'vouchers' and o.name = p_object_path) then
    raise exception 'a voucher file is uploaded under %/%/ first', g.id, t.id using errcode = '23514', hint = 'funds.voucher_path';
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
  insert into public.grant_vouchers (grant_id, tranche_id, object_path, file_name, mime, size_bytes, amount_fen, issued_on,
                                     description, uploaded_by)
  values (g.id, t.id, p_object_path, btrim(p_file_name), p_mime, p_size_bytes, p_amount_fen, p_issued_on,
          nullif(btrim(p_description), ''), auth.uid())
  returning id into v_id;
  perform private.request_done(p_request_key, v_id::text);
  return v_id;
end $$;

-- Finance of the scope (not the uploader) verifies or rejects a pending voucher (F3 → F6).
create or replace function public.verify_voucher(p_voucher_id bigint, p_verified boolean, p_reason text default null)
returns public.voucher_status
language plpgsql security definer set search_path = '' as $$
declare
  g public.grants;
  v public.grant_vouchers;
  v_grant bigint;
begin
  select grant_id into v_grant from public.grant_vouchers where id = p_voucher_id;
  if v_grant is null then
    raise exception 'no such voucher' using errcode = 'P0002', hint = 'funds.not_found';
  end if;
  g := private.grant_lock(v_grant, false);
  perform private.require_grant_finance(g);
  -- verifying opens the gate of the next tranche: the finance of the voucher's tranche's line owner checks it
  perform private.require_line_finance((select t.line_id from public.grant_tranches t join public.grant_vouchers x on x.tranche_id = t.id
                                         where x.id = p_voucher_id));
  select * into v from public.grant_vouchers where id = p_voucher_id for update;
  if v.status <> 'pending' then
    raise exception 'the voucher is %', v.status using errcode = '23514', hint = 'funds.bad_state';
  end if;
  if v.uploaded_by = auth.uid() then
    raise exception 'the uploader cannot check its own voucher' using errcode = '42501', hint = 'funds.four_eyes';
  end if;
  if not p_verified and coalesce(btrim(p_reason), '') = '' then
    raise exception 'give a reason' using errcode = '23514', hint = 'funds.reason_required';
  end if;
  update public.grant_vouchers
     set status = case when p_verified then 'verified' else 'rejected' end::public.voucher_status,
         checked_by = auth.uid(), checked_at = now(), reason = nullif(btrim(p_reason), '')
   where id = p_voucher_id;
  return case when p_verified then 'verified' else 'rejected' end::public.voucher_status;
end $$;

-- ─── change requests ──────────────────────────────────────────────────────────────────────────
-- p_after: targets → {"target_hours": n, "target_people": n, "target_activities": n};
--          move_money → {"from_line_id": id, "to_line_id": id, "amount_fen": n}.
-- before is taken from the grant (targets, or both lines' allocations), after completes it.
create or replace function public.request_grant_change(p_grant_id bigint, p_kind public.grant_change_kind, p_after jsonb,
                                                       p_reason text default null)
returns bigint
language plpgsql security definer set search_path = '' as $$
declare
  g public.grants;
  v_before jsonb;
  v_after jsonb;
  v_from bigint;
  v_to bigint;
  v_amt bigint;
  v_id bigint;
begin
  g := private.grant_lock(p_grant_id);
  if not (g.team_id = any (private.led_team_ids()) or g.team_id = any (private.finance_unit_ids())) then
    raise exception 'only the grantee or finance requests a change' using errcode = '42501', hint = 'funds.not_grantee';
  end if;
  if not g.team_id = any (private.led_team_ids()) then   -- finance: the finance of every allocated line's owner
    perform private.require_line_finance(al.line_id) from public.application_allocations al where al.application_id = g.application_id;
  end if;
  if p_kind = 'targets' then
    v_before := jsonb_build_object('target_hours', g.target_hours, 'target_people', g.target_people,
                                   'target_activities', g.target_activities);
    v_after := jsonb_build_object('target_hours', coalesce((p_after ->> 'target_hours')::numeric, g.target_hours),
                                  'target_people', coalesce((p_after ->> 'target_people')::integer, g.target_people),
                                  'target_activities', coalesce((p_after ->> 'target_activities')::integer, g.target_activities));
    if (v_after ->> 'target_hours')::numeric < 0 or (v_after ->> 'target_people')::integer < 0
       or (v_after ->> 'target_activities')::integer < 0 then
      raise exception 'targets cannot be negative' using errcode = '23514', hint = 'funds.targets_required';
    end if;
  else
    v_from := (p_after ->> 'from_line_id')::bigint;
    v_to := (p_after ->> 'to_line_id')::bigint;
    v_amt := (p_after ->> 'amount_fen')::bigint;
    if v_from is null or v_to is null or v_from = v_to or coalesce(v_amt, 0) <= 0 then
      raise exception 'name two different lines and a positive amount' using errcode = '23514', hint = 'funds.change_invalid';
    end if;
    v_before := jsonb_build_object(
      'from_line_id', v_from, 'to_line_id', v_to,
      'from_fen', coalesce((select amount_fen from public.application_allocations where application_id = g.application_id and line_id = v_from), 0),
      'to_fen', coalesce((select amount_fen from public.application_allocations where application_id = g.application_id and line_id = v_to), 0));
    v_after := jsonb_build_object('from_line_id', v_from, 'to_line_id', v_to, 'amount_fen', v_amt,
                                  'from_fen', (v_before ->> 'from_fen')::bigint - v_amt,
                                  'to_fen', (v_before ->> 'to_fen')::bigint + v_amt);
    if (v_after ->> 'from_fen')::bigint < 0 then
      raise exception 'the line funds less than that' using errcode = '23514', hint = 'funds.change_over_free';
    end if;
  end if;
  insert into public.grant_changes (grant_id, kind, before, after, reason, requested_by)
  values (g.id, p_kind, v_before, v_after, nullif(btrim(p_reason), ''), auth.uid())
  returning id into v_id;
  return v_id;
end $$;

-- Finance of the scope or the organisation department, not the requester, decides; an approved move
-- releases on one line and commits on the other under the lines' locks (F3 → F4 ascending).
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
    perform private.require_line_finance(al.line_id) from public.application_allocations al where al.application_id = g.application_id;
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
    update public.application_allocations set amount_fen = amount_fen - v_amt
     where application_id = g.application_id and line_id = v_from and amount_fen > v_amt;
    delete from public.application_allocations where application_id = g.application_id and line_id = v_from and amount_fen <= v_amt;
    insert into public.application_allocations (application_id, line_id, amount_fen) values (g.application_id, v_to, v_amt)
    on conflict (application_id, line_id) do update set amount_fen = public.application_allocations.amount_fen + excluded.amount_fen;
  end if;
  update public.grant_changes
     set status = case when p_approve then 'approved' else 'rejected' end::public.grant_change_status,
         decided_by = auth.uid(), decided_at = now(), decision_reason = nullif(btrim(p_reason), '')
   where id = p_change_id;
  return case when p_approve then 'approved' else 'rejected' end::public.grant_change_status;
end $$;

-- 结项 / 终止: finance of the scope or the organisation department closes a grant; unpaid tranches are
-- cancelled and what is still committed is released.
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
    perform private.require_line_finance(al.line_id) from public.application_allocations al where al.application_id = g.application_id;
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

revoke execute on function public.approve_application(bigint, text),
  public.schedule_tranche(bigint, bigint, bigint, date, text, uuid), public.request_tranche(bigint, text),
  public.approve_tranche(bigint), public.pay_tranche(bigint, date, text, uuid), public.cancel_tranche(bigint, text),
  public.return_tranche(bigint, text, date, text, uuid),
  public.add_voucher(bigint, text, text, text, bigint, bigint, date, text, uuid), public.verify_voucher(bigint, boolean, text),
  public.request_grant_change(bigint, public.grant_change_kind, jsonb, text), public.decide_grant_change(bigint, boolean, text),
  public.close_grant(bigint, public.grant_status, text) from public, anon;
grant execute on function public.approve_application(bigint, text),
  public.schedule_tranche(bigint, bigint, bigint, date, text, uuid), public.request_tranche(bigint, text),
  public.approve_tranche(bigint), public.pay_tranche(bigint, date, text, uuid), public.cancel_tranche(bigint, text),
  public.return_tranche(bigint, text, date, text, uuid),
  public.add_voucher(bigint, text, text, text, bigint, bigint, date, text, uuid), public.verify_voucher(bigint, boolean, text),
  public.request_grant_change(bigint, public.grant_change_kind, jsonb, text), public.decide_grant_change(bigint, boolean, text),
  public.close_grant(bigint, public.grant_status, text) to authenticated;
