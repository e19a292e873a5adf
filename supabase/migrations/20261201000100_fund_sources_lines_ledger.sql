-- Funds (保障体系 · 经费): fund sources, budget lines and the append-only fund ledger (issue 9).
-- Three streams: 专项供 (district special funds, kind 'district_special'), 民间筹 (alliance partners' money,
-- kind 'partner': donation / sponsorship / co-building, cash or in kind) and 重点倾 (budget lines marked
-- is_tilt: only featured or ≥3★ projects may draw on them). Money is integer fen (bigint) everywhere.
--
-- No stored balance: every figure is a view over fund_ledger (append-only: inserted only by the
-- security-definer functions of these migrations, never updated or deleted — a trigger refuses it for
-- everyone, the owner included). A correction is a reversal entry that negates the entry it reverses.
--
-- A source's cap: district money = appropriated_fen + carried in − carried out; partner money = received
-- (receipts net of reversals) + carried in − carried out. Σ line amounts of a source ≤ its cap. A line's
-- available = amount − committed − paid − carried out (committed = commitments − releases − disbursements,
-- paid = disbursements − returns).
--
-- Access: finance (district or a street) manages the sources owned by a unit of its scope and their lines
-- and receipts; it and the organisation department read them (a street's finance: its street's sources only).
-- Nobody else reads money here (leaders and street admins see
-- their applications and grants, not the ledger).
--
-- LOCK ORDER (every funds writer; also in README "Lock order"):
--   F1 fund_sources rows FOR UPDATE, ascending id (line writes, receipts, reversals, year close)
--   F2 grant_applications row FOR UPDATE (every state transition)
--   F3 grants row FOR UPDATE (tranches, vouchers, change requests, evaluation)
--   F4 budget_lines rows FOR UPDATE, ascending id (commitments, releases, disbursements, returns, carries)
--   F5 grant_tranches rows FOR UPDATE, ascending id
--   F6 grant_vouchers rows FOR UPDATE
--   then fund_ledger inserts (no lock needed: append-only).
-- Budget lines are written only through save_budget_line (F1 then F4), never by a plain UPDATE, whose row
-- lock would come before its source's.

create type public.fund_source_kind as enum ('district_special', 'partner');           -- 专项供 | 民间筹
create type public.fund_contribution as enum ('donation', 'sponsorship', 'co_building'); -- 捐赠 | 资助 | 共建
create type public.fund_form as enum ('cash', 'in_kind');                               -- 现金 | 实物
create type public.budget_purpose as enum ('venue', 'incubation', 'activities', 'rewards', 'management');
  -- 阵地打造 | 项目孵化 | 活动开展 | 激励 | 管理
create type public.ledger_kind as enum ('receipt', 'commitment', 'release', 'disbursement', 'return', 'reversal',
                                        'carry_out', 'carry_in');

-- ─── settings (one row, data) ──────────────────────────────────────────────────────────────────
create table public.fund_settings (
  id boolean primary key default true check (id),
  two_approval_threshold_fen bigint not null default 5000000 check (two_approval_threshold_fen > 0),
  warn_ratio numeric(4, 3) not null default 0.9 check (warn_ratio > 0 and warn_ratio <= 1),
  notice_working_days smallint not null default 5 check (notice_working_days between 1 and 30),
  objection_contact text not null default '区委组织部（老干部局）电话 0532-00000000' check (length(objection_contact) between 1 and 200),
  updated_at timestamptz not null default now()
);
comment on table public.fund_settings is '经费规则: two-approval threshold, warning ratio, notice working days, how to object (one row)';
insert into public.fund_settings default values;
create trigger fund_settings_touch before update on public.fund_settings for each row execute function private.touch_updated_at();

-- ─── scope helpers ────────────────────────────────────────────────────────────────────────────
-- units (subtrees) where the caller holds the finance role
create or replace function private.finance_unit_ids() returns bigint[]
language sql stable security definer set search_path = '' as $$
  select private.unit_ids_with('{finance}')
$$;

-- owner units of the sources the caller may read: the subtrees of its org_admin and finance grants (a street's
-- finance reads its street's money, not the district's ledger, whose entries name other streets' applications)
create or replace function private.fund_reader_unit_ids() returns bigint[]
language sql stable security definer set search_path = '' as $$
  select private.unit_ids_with('{org_admin,finance}')
$$;

revoke all on function private.finance_unit_ids(), private.fund_reader_unit_ids() from public, anon;
grant execute on function private.finance_unit_ids(), private.fund_reader_unit_ids() to authenticated;

-- ─── fund sources ─────────────────────────────────────────────────────────────────────────────
create table public.fund_sources (
  id bigint generated always as identity primary key,
  fiscal_year integer not null check (fiscal_year between 2015 and 2100),
  kind public.fund_source_kind not null,
  name text not null check (length(btrim(name)) between 1 and 80),
  org_unit_id bigint not null references public.org_units (id) on delete restrict,
  partner_id bigint references public.alliance_partners (id) on delete restrict,
  contribution public.fund_contribution,
  form public.fund_form not null default 'cash',
  in_kind_valuation text check (length(in_kind_valuation) <= 500),
  restricted_purpose public.budget_purpose,
  appropriated_fen bigint not null default 0 check (appropriated_fen >= 0),
  note text check (length(note) <= 500),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint fund_sources_partner check ((kind = 'partner') = (partner_id is not null)
                                         and (kind = 'partner') = (contribution is not null)),
  constraint fund_sources_in_kind check (form = 'cash' or (kind = 'partner' and in_kind_valuation is not null)),
  unique (fiscal_year, org_unit_id, name)
);
comment on table public.fund_sources is '经费来源: 专项供 (district appropriation per year) and 民间筹 (partner pledges); balances in fund_source_balances';
comment on column public.fund_sources.appropriated_fen is 'district: the appropriation; partner: the pledge (its lines are capped by what was received)';
create index fund_sources_org_unit on public.fund_sources (org_unit_id, fiscal_year);
create index fund_sources_partner on public.fund_sources (partner_id);
create index fund_sources_created_by on public.fund_sources (created_by);

-- ─── budget lines ─────────────────────────────────────────────────────────────────────────────
create table public.budget_lines (
  id bigint generated always as identity primary key,
  source_id bigint not null references public.fund_sources (id) on delete restrict,
  fiscal_year integer not null,
  purpose public.budget_purpose not null,
  is_tilt boolean not null default false,
  name text not null check (length(btrim(name)) between 1 and 80),
  amount_fen bigint not null check (amount_fen > 0),
  note text check (length(note) <= 500),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (source_id, name)
);
comment on table public.budget_lines is '预算科目: a source''s money by purpose; is_tilt = 重点倾 pool (featured or ≥3★ projects only)';
create index budget_lines_source on public.budget_lines (source_id);
create index budget_lines_year on public.budget_lines (fiscal_year, purpose);
create index budget_lines_created_by on public.budget_lines (created_by);

-- ─── closed fiscal years ──────────────────────────────────────────────────────────────────────
create table public.fund_year_closes (
  fiscal_year integer primary key,
  closed_by uuid references auth.users (id) on delete set null,
  closed_at timestamptz not null default now(),
  note text check (length(note) <= 500)
);
comment on table public.fund_year_closes is '年度结转: a closed fiscal year (close_fiscal_year): its lines take no new commitment';
create index fund_year_closes_closed_by on public.fund_year_closes (closed_by);

-- ─── the ledger ───────────────────────────────────────────────────────────────────────────────
create table public.fund_ledger (
  id bigint generated always as identity primary key,
  kind public.ledger_kind not null,
  source_id bigint not null references public.fund_sources (id) on delete restrict,
  line_id bigint references public.budget_lines (id) on delete restrict,
  application_id bigint,   -- foreign keys added by the applications / grants migrations
  tranche_id bigint,
  amount_fen bigint not null check (amount_fen > 0),
  reverses_id bigint unique references public.fund_ledger (id) on delete restrict,
  reversed_kind public.ledger_kind,   -- the kind of the reversed entry (filled by the writer): views negate it
  voucher_no text check (length(voucher_no) <= 60),
  occurred_on date not null default private.district_today(),
  note text check (length(note) <= 500),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  constraint fund_ledger_reversal check ((kind = 'reversal') = (reverses_id is not null)
                                          and (kind = 'reversal') = (reversed_kind is not null)
                                          and reversed_kind is distinct from 'reversal'),
  constraint fund_ledger_line check (kind in ('receipt', 'carry_in', 'reversal', 'carry_out') or line_id is not null),
  constraint fund_ledger_no_line check (kind not in ('receipt', 'carry_in') or line_id is null)
);
comment on table public.fund_ledger is '资金台账 (append-only): receipts, commitments, releases, disbursements, returns, reversals, carries';
-- Covering indexes: every balance is a sum over one source's or one line's entries (or a date range), read
-- by index-only scans that also carry source_id for the RLS filter. Measured with 100,000 entries on 20 lines
-- (bulk-loaded, interleaved): a line's sums went from a bitmap heap scan over ~1,400 pages per line
-- (budget_line_balances 300–500 ms on the loaded 2-core machine) to an index-only scan.
create index fund_ledger_source on public.fund_ledger (source_id) include (kind, reversed_kind, amount_fen, line_id);
create index fund_ledger_line on public.fund_ledger (line_id) include (kind, reversed_kind, amount_fen, source_id, application_id);
create index fund_ledger_application on public.fund_ledger (application_id) include (kind, reversed_kind, amount_fen, line_id, source_id)
  where application_id is not null;
create index fund_ledger_tranche on public.fund_ledger (tranche_id) where tranche_id is not null;
create index fund_ledger_occurred on public.fund_ledger (occurred_on) include (kind, reversed_kind, amount_fen, line_id, source_id, application_id);
create index fund_ledger_created_by on public.fund_ledger (created_by);

-- Nothing that counted is edited or deleted: not through the API, not by the owner.
create or replace function private.fund_ledger_append_only() returns trigger
language plpgsql set search_path = '' as $$
begin
  raise exception 'the fund ledger is append-only: correct an entry by a reversal'
    using errcode = '42501', hint = 'funds.ledger_append_only';
end $$;
create trigger fund_ledger_append_only before update or delete on public.fund_ledger
  for each row execute function private.fund_ledger_append_only();
create trigger fund_ledger_no_truncate before truncate on public.fund_ledger
  for each statement execute function private.fund_ledger_append_only();

-- ─── derived balances ─────────────────────────────────────────────────────────────────────────
-- Signed effect of each entry on its own kind: a reversal counts as minus the reversed kind. The one-row join
-- keeps the view from being automatically updatable (nobody writes through it: 55000, whatever the column).
create view public.fund_ledger_effects with (security_invoker = true) as
  select l.id, l.source_id, l.line_id, l.application_id, l.tranche_id, l.occurred_on,
         coalesce(l.reversed_kind, l.kind) as effective_kind,
         case when l.kind = 'reversal' then -l.amount_fen else l.amount_fen end as signed_fen
    from public.fund_ledger l cross join (values (1)) as read_only(x);
comment on view public.fund_ledger_effects is 'each ledger entry as (effective kind, signed amount): a reversal negates the reversed kind';

create view public.budget_line_balances with (security_invoker = true) as
  select b.id as line_id, b.source_id, b.fiscal_year, b.purpose, b.is_tilt, b.name, b.amount_fen,
         x.committed_fen, x.paid_fen, x.returned_fen, x.released_fen, x.carried_out_fen,
         b.amount_fen - x.committed_fen - x.paid_fen - x.carried_out_fen as available_fen,
         round((x.committed_fen + x.paid_fen)::numeric / b.amount_fen, 4) as used_ratio
    from public.budget_lines b
    cross join lateral (
      select coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'commitment'), 0)
               - coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'release'), 0)
               - coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'disbursement'), 0) as committed_fen,
             coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'disbursement'), 0)
               - coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'return'), 0) as paid_fen,
             coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'return'), 0) as returned_fen,
             coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'release'), 0) as released_fen,
             coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'carry_out'), 0) as carried_out_fen
        from public.fund_ledger_effects e where e.line_id = b.id
    ) x;
comment on view public.budget_line_balances is '科目余额 (derived): committed, paid, returned, available = amount − committed − paid − carried out';

create view public.fund_source_balances with (security_invoker = true) as
  select s.id as source_id, s.fiscal_year, s.kind, s.name, s.org_unit_id, s.partner_id, s.contribution, s.form,
         s.restricted_purpose, s.appropriated_fen,
         x.received_fen, x.carried_in_fen, x.carried_out_fen,
         (case when s.kind = 'district_special' then s.appropriated_fen else x.received_fen end)
           + x.carried_in_fen - x.carried_out_fen as cap_fen,
         coalesce(l.lined_fen, 0) as lined_fen,
         x.committed_fen, x.paid_fen, x.returned_fen,
         (case when s.kind = 'district_special' then s.appropriated_fen else x.received_fen end)
           + x.carried_in_fen - x.carried_out_fen - x.committed_fen - x.paid_fen as available_fen,
         x.released_fen
    from public.fund_sources s
    cross join lateral (
      select coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'receipt'), 0) as received_fen,
             coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'carry_in'), 0) as carried_in_fen,
             coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'carry_out'), 0) as carried_out_fen,
             coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'commitment'), 0)
               - coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'release'), 0)
               - coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'disbursement'), 0) as committed_fen,
             coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'disbursement'), 0)
               - coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'return'), 0) as paid_fen,
             coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'return'), 0) as returned_fen,
             coalesce(sum(e.signed_fen) filter (where e.effective_kind = 'release'), 0) as released_fen
        from public.fund_ledger_effects e where e.source_id = s.id
    ) x
    left join lateral (select sum(b.amount_fen) as lined_fen from public.budget_lines b where b.source_id = s.id) l on true;
comment on view public.fund_source_balances is '来源余额 (derived): cap (appropriated or received, ± carries), lined, committed, paid, available, released';

-- ─── internal figures (security definer; callers lock first) ──────────────────────────────────
create or replace function private.source_cap(p_source_id bigint) returns bigint
language sql stable security definer set search_path = '' as $$
  select (case when s.kind = 'district_special' then s.appropriated_fen
               else coalesce(sum(e.v) filter (where e.k = 'receipt'), 0) end)
         + coalesce(sum(e.v) filter (where e.k = 'carry_in'), 0)
         - coalesce(sum(e.v) filter (where e.k = 'carry_out'), 0)
    from public.fund_sources s
    left join lateral (select coalesce(l.reversed_kind, l.kind) as k,
                              case when l.kind = 'reversal' then -l.amount_fen else l.amount_fen end as v
                         from public.fund_ledger l where l.source_id = s.id) e on true
   where s.id = p_source_id
   group by s.id, s.kind, s.appropriated_fen
$$;

-- (committed, paid, carried out) of a line
create or replace function private.line_used(p_line_id bigint, out committed_fen bigint, out paid_fen bigint, out carried_out_fen bigint)
language sql stable security definer set search_path = '' as $$
  select coalesce(sum(s) filter (where k = 'commitment'), 0) - coalesce(sum(s) filter (where k = 'release'), 0)
           - coalesce(sum(s) filter (where k = 'disbursement'), 0),
         coalesce(sum(s) filter (where k = 'disbursement'), 0) - coalesce(sum(s) filter (where k = 'return'), 0),
         coalesce(sum(s) filter (where k = 'carry_out'), 0)
    from (select coalesce(l.reversed_kind, l.kind) as k,
                 case when l.kind = 'reversal' then -l.amount_fen else l.amount_fen end as s
            from public.fund_ledger l where l.line_id = p_line_id) e
$$;

create or replace function private.line_available(p_line_id bigint) returns bigint
language sql stable security definer set search_path = '' as $$
  select b.amount_fen - u.committed_fen - u.paid_fen - u.carried_out_fen
    from public.budget_lines b cross join private.line_used(b.id) u where b.id = p_line_id
$$;

create or replace function private.year_closed(p_year integer) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (select 1 from public.fund_year_closes where fiscal_year = p_year)
$$;

create or replace function private.require_finance_of(p_unit_id bigint) returns void
language plpgsql stable security definer set search_path = '' as $$
begin
  if auth.uid() is null or not (p_unit_id = any (private.finance_unit_ids())) then
    raise exception 'only finance staff of this scope may do this' using errcode = '42501', hint = 'funds.not_finance_scope';
  end if;
end $$;

revoke all on function private.source_cap(bigint), private.line_used(bigint), private.line_available(bigint),
  private.year_closed(integer), private.require_finance_of(bigint) from public, anon;
grant execute on function private.source_cap(bigint), private.line_used(bigint), private.line_available(bigint),
  private.year_closed(integer), private.require_finance_of(bigint) to authenticated;

-- ─── source writes (table API, column grants) ─────────────────────────────────────────────────
-- Audit columns from the caller; the appropriation or restriction cannot be changed under the lines.
create or replace function private.fund_sources_check() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  v_lined bigint;
begin
  if tg_op = 'INSERT' then
    if private.in_api_request() then
      new.created_by := auth.uid();
      new.created_at := now();
    end if;
    if private.year_closed(new.fiscal_year) then
      raise exception 'fiscal year % is closed', new.fiscal_year using errcode = '23514', hint = 'funds.year_closed';
    end if;
    return new;
  end if;
  new.created_by := old.created_by;
  new.created_at := old.created_at;
  -- the row is locked by this UPDATE (F1): line writers lock it first too
  if new.appropriated_fen <> old.appropriated_fen or new.restricted_purpose is distinct from old.restricted_purpose then
    if private.year_closed(old.fiscal_year) then
      raise exception 'fiscal year % is closed', old.fiscal_year using errcode = '23514', hint = 'funds.year_closed';
    end if;
    select coalesce(sum(amount_fen), 0) into v_lined from public.budget_lines where source_id = old.id;
    if new.kind = 'district_special' and v_lined > private.source_cap(old.id) - old.appropriated_fen + new.appropriated_fen then
      raise exception 'the budget lines of this source exceed the new appropriation' using errcode = '23514', hint = 'funds.source_over_cap';
    end if;
    -- a donor's restriction stays on money already lined or received (lifting it would free the money for
    -- any purpose); it can only be corrected while nothing is on the source
    if old.restricted_purpose is not null and new.restricted_purpose is distinct from old.restricted_purpose
       and (exists (select 1 from public.budget_lines where source_id = old.id)
            or exists (select 1 from public.fund_ledger where source_id = old.id)) then
      raise exception 'this source''s money is restricted to %', old.restricted_purpose using errcode = '23514', hint = 'funds.restricted_purpose';
    end if;
    if new.restricted_purpose is not null and exists (select 1 from public.budget_lines where source_id = old.id and purpose <> new.restricted_purpose) then
      raise exception 'this source has lines for another purpose' using errcode = '23514', hint = 'funds.restricted_purpose';
    end if;
  end if;
  return new;
end $$;
create trigger fund_sources_check before insert or update on public.fund_sources
  for each row execute function private.fund_sources_check();

alter table public.fund_settings enable row level security;
alter table public.fund_sources enable row level security;
alter table public.budget_lines enable row level security;
alter table public.fund_year_closes enable row level security;
alter table public.fund_ledger enable row level security;

create policy fund_settings_select on public.fund_settings for select to authenticated
  using ((select private.has_any_role()));
-- No update policy and no update grant: the rules (two-approval threshold, warning ratio, notice days, how to
-- object) are data changed by a migration, never by one org_admin through the API (who could otherwise raise the
-- threshold, decide alone and put it back).

create policy fund_sources_select on public.fund_sources for select to authenticated
  using (org_unit_id in (select unnest(private.fund_reader_unit_ids())));
create policy fund_sources_insert on public.fund_sources for insert to authenticated
  with check (org_unit_id in (select unnest(private.finance_unit_ids())));
create policy fund_sources_update on public.fund_sources for update to authenticated
  using (org_unit_id in (select unnest(private.finance_unit_ids())))
  with check (org_unit_id in (select unnest(private.finance_unit_ids())));
create policy fund_sources_delete on public.fund_sources for delete to authenticated
  using (org_unit_id in (select unnest(private.finance_unit_ids())));

create policy budget_lines_select on public.budget_lines for select to authenticated
  using (source_id in (select s.id from public.fund_sources s));
create policy fund_year_closes_select on public.fund_year_closes for select to authenticated
  using ((select private.has_any_role()));
create policy fund_ledger_select on public.fund_ledger for select to authenticated
  using (source_id in (select s.id from public.fund_sources s));

-- Least privilege: written next to the tables (nothing is granted automatically on hosted projects).
revoke all on public.fund_settings, public.fund_sources, public.budget_lines, public.fund_year_closes, public.fund_ledger,
  public.fund_ledger_effects, public.budget_line_balances, public.fund_source_balances from anon, authenticated, service_role;
grant select on public.fund_settings to authenticated;
grant select, delete on public.fund_sources to authenticated;
grant insert (fiscal_year, kind, name, org_unit_id, partner_id, contribution, form, in_kind_valuation, restricted_purpose,
              appropriated_fen, note) on public.fund_sources to authenticated;
grant update (name, form, in_kind_valuation, restricted_purpose, appropriated_fen, note) on public.fund_sources to authenticated;
grant select on public.budget_lines, public.fund_year_closes, public.fund_ledger, public.fund_ledger_effects,
  public.budget_line_balances, public.fund_source_balances to authenticated;

-- ─── RPCs: lines, receipts, reversals ─────────────────────────────────────────────────────────
-- Creates (p_id null) or changes a budget line. Locks the source (F1) then the line (F4).
create or replace function public.save_budget_line(
  p_id bigint, p_source_id bigint, p_purpose public.budget_purpose, p_name text, p_amount_fen bigint,
  p_is_tilt boolean default false, p_note text default null, p_request_key uuid default null
) returns bigint
language plpgsql security definer set search_path = '' as $$
declare
  s public.fund_sources;
  b public.budget_lines;
  u record;
  v_first text;
  v_lined bigint;
  v_id bigint;
begin
  v_first := private.request_replay('save_budget_line', p_request_key);
  if v_first is not null then
    return v_first::bigint;
  end if;
  if p_id is not null then
    select * into b from public.budget_lines where id = p_id;
    if b.id is null then
      raise exception 'no such budget line' using errcode = 'P0002', hint = 'funds.not_found';
    end if;
    p_source_id := b.source_id;
  end if;
  select * into s from public.fund_sources where id = p_source_id for update;   -- F1
  if s.id is null then
    raise exception 'no such fund source' using errcode = 'P0002', hint = 'funds.not_found';
  end if;
  perform private.require_finance_of(s.org_unit_id);
  if private.year_closed(s.fiscal_year) then
    raise exception 'fiscal year % is closed', s.fiscal_year using errcode = '23514', hint = 'funds.year_closed';
  end if;
  if coalesce(p_amount_fen, 0) <= 0 then
    raise exception 'the amount must be positive' using errcode = '23514', hint = 'funds.amount_positive';
  end if;
  if s.restricted_purpose is not null and p_purpose <> s.restricted_purpose then
    raise exception 'this money is restricted to %', s.restricted_purpose using errcode = '23514', hint = 'funds.restricted_purpose';
  end if;
  if p_id is not null then
    select * into b from public.budget_lines where id = p_id for update;           -- F4
    select * into u from private.line_used(p_id);
    if p_amount_fen < u.committed_fen + u.paid_fen + u.carried_out_fen then
      raise exception 'the line has more committed and paid than the new amount' using errcode = '23514', hint = 'funds.line_below_used';
    end if;
    -- the purpose and the 重点倾 flag are what the commitments were checked against (tilt eligibility, the
    -- tilt share figures): a line in use keeps both
    if (p_purpose <> b.purpose or coalesce(p_is_tilt, false) <> b.is_tilt) and (u.committed_fen + u.paid_fen) > 0 then
      raise exception 'a line with commitments keeps its purpose and tilt flag' using errcode = '23514', hint = 'funds.line_in_use';
    end if;
  end if;
  select coalesce(sum(amount_fen), 0) into v_lined from public.budget_lines where source_id = s.id and id is distinct from p_id;
  if v_lined + p_amount_fen > private.source_cap(s.id) then
    raise exception 'the lines would exceed what this source has (%)', private.source_cap(s.id)
      using errcode = '23514', hint = 'funds.source_over_cap';
  end if;
  if p_id is null then
    insert into public.budget_lines (source_id, fiscal_year, purpose, is_tilt, name, amount_fen, note, created_by)
    values (s.id, s.fiscal_year, p_purpose, coalesce(p_is_tilt, false), btrim(p_name), p_amount_fen, nullif(btrim(p_note), ''), auth.uid())
    returning id into v_id;
  else
    update public.budget_lines set purpose = p_purpose, is_tilt = coalesce(p_is_tilt, false), name = btrim(p_name),
           amount_fen = p_amount_fen, note = nullif(btrim(p_note), ''), updated_at = now()
     where id = p_id;
    v_id := p_id;
  end if;
  perform private.request_done(p_request_key, v_id::text);
  return v_id;
end $$;

-- A receipt (到账) on a source, with its voucher number. Locks the source (F1).
create or replace function public.record_receipt(
  p_source_id bigint, p_amount_fen bigint, p_occurred_on date default null, p_voucher_no text default null,
  p_note text default null, p_request_key uuid default null
) returns bigint
language plpgsql security definer set search_path = '' as $$
declare
  s public.fund_sources;
  v_first text;
  v_id bigint;
begin
  v_first := private.request_replay('record_receipt', p_request_key);
  if v_first is not null then
    return v_first::bigint;
  end if;
  select * into s from public.fund_sources where id = p_source_id for update;   -- F1
  if s.id is null then
    raise exception 'no such fund source' using errcode = 'P0002', hint = 'funds.not_found';
  end if;
  perform private.require_finance_of(s.org_unit_id);
  if coalesce(p_amount_fen, 0) <= 0 then
    raise exception 'the amount must be positive' using errcode = '23514', hint = 'funds.amount_positive';
  end if;
  if private.year_closed(s.fiscal_year) then
    raise exception 'fiscal year % is closed', s.fiscal_year using errcode = '23514', hint = 'funds.year_closed';
  end if;
  insert into public.fund_ledger (kind, source_id, amount_fen, voucher_no, occurred_on, note, created_by)
  values ('receipt', s.id, p_amount_fen, nullif(btrim(p_voucher_no), ''), coalesce(p_occurred_on, private.district_today()),
          nullif(btrim(p_note), ''), auth.uid())
  returning id into v_id;
  perform private.request_done(p_request_key, v_id::text);
  return v_id;
end $$;

-- Reverses a receipt (a mis-keyed amount): the only entry corrected by hand; commitments, payments and
-- carries have their own counterparts (release, return, the year close). The source keeps its lines covered.
create or replace function public.reverse_ledger_entry(p_entry_id bigint, p_reason text, p_request_key uuid default null)
returns bigint
language plpgsql security definer set search_path = '' as $$
declare
  e public.fund_ledger;
  s public.fund_sources;
  v_first text;
  v_id bigint;
begin
  v_first := private.request_replay('reverse_ledger_entry', p_request_key);
  if v_first is not null then
    return v_first::bigint;
  end if;
  select * into e from public.fund_ledger where id = p_entry_id;
  if e.id is null then
    raise exception 'no such ledger entry' using errcode = 'P0002', hint = 'funds.not_found';
  end if;
  select * into s from public.fund_sources where id = e.source_id for update;   -- F1
  perform private.require_finance_of(s.org_unit_id);
  if e.kind <> 'receipt' then
    raise exception 'only a receipt is reversed by hand' using errcode = '23514', hint = 'funds.not_reversible';
  end if;
  if exists (select 1 from public.fund_ledger where reverses_id = e.id) then
    raise exception 'this entry is already reversed' using errcode = '23514', hint = 'funds.already_reversed';
  end if;
  if coalesce(btrim(p_reason), '') = '' then
    raise exception 'give a reason' using errcode = '23514', hint = 'funds.reason_required';
  end if;
  if private.year_closed(s.fiscal_year) then
    raise exception 'fiscal year % is closed', s.fiscal_year using errcode = '23514', hint = 'funds.year_closed';
  end if;
  if s.kind = 'partner' and (select coalesce(sum(amount_fen), 0) from public.budget_lines where source_id = s.id)
                            > private.source_cap(s.id) - e.amount_fen then
    raise exception 'the lines of this source need this money' using errcode = '23514', hint = 'funds.source_over_cap';
  end if;
  insert into public.fund_ledger (kind, source_id, amount_fen, reverses_id, reversed_kind, voucher_no, note, created_by)
  values ('reversal', e.source_id, e.amount_fen, e.id, e.kind, e.voucher_no, btrim(p_reason), auth.uid())
  returning id into v_id;
  perform private.request_done(p_request_key, v_id::text);
  return v_id;
end $$;

revoke execute on function public.save_budget_line(bigint, bigint, public.budget_purpose, text, bigint, boolean, text, uuid),
  public.record_receipt(bigint, bigint, date, text, text, uuid),
  public.reverse_ledger_entry(bigint, text, uuid) from public, anon;
grant execute on function public.save_budget_line(bigint, bigint, public.budget_purpose, text, bigint, boolean, text, uuid),
  public.record_receipt(bigint, bigint, date, text, text, uuid),
  public.reverse_ledger_entry(bigint, text, uuid) to authenticated;
revoke execute on function private.fund_sources_check(), private.fund_ledger_append_only() from public, anon;
