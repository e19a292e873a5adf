-- Idempotent writes (幂等写入) and record_service without deadlocks.
-- A write whose answer is lost (a dropped connection on a phone) used to be recorded twice when the app
-- retried. The RPCs that create records or move points now take a client request key (a uuid the app
-- makes once per dialog submission and sends again on retry): the first call claims the key and stores its
-- result; a repeat with the same key does nothing and returns that first result; a repeat while the first
-- is still running waits for it (the key's unique index), and if the first failed the repeat runs afresh.
-- Keys live in private.request_keys, scoped to the caller (auth.uid()), granted to nobody: only the
-- security-definer helpers below read and write them. Calls without a key behave as before.
--
-- record_service (SECURITY INVOKER, so RLS decides as before) takes the per-person-per-day locks of all its
-- members up front, in ascending key order (step 3 of the lock order in 20261129001100), so two bursts with
-- overlapping members cannot wait on each other in a cycle (86 of 480 calls ended in 40P01 before). A
-- deadlock or serialization failure with anything else is retried once inside the call; a second one is
-- reported as SQLSTATE 40001 with hint retry_conflict, which the app shows as "please try again" (and
-- retries once itself, with the same request key). It adds no column to the tables it inserts into, so
-- the column-level insert grants stay as the grants migration sets them.

create table private.request_keys (
  user_id uuid not null,
  request_key uuid not null,
  fn text not null,
  result text,
  created_at timestamptz not null default now(),
  primary key (user_id, request_key)
);
comment on table private.request_keys is 'client request keys of idempotent RPCs and their first result (per caller)';
create index request_keys_created on private.request_keys (created_at);
alter table private.request_keys enable row level security;
revoke all on table private.request_keys from public, anon, authenticated, service_role;

-- Claims p_key for this call (null: go ahead) or returns the result of the earlier call with this key.
create or replace function private.request_replay(p_fn text, p_key uuid) returns text
language plpgsql security definer set search_path = '' as $$
declare
  uid uuid := auth.uid();
  k private.request_keys;
begin
  if p_key is null then
    return null;
  end if;
  if uid is null then
    raise exception 'sign in first' using errcode = '42501';
  end if;
  insert into private.request_keys (user_id, request_key, fn) values (uid, p_key, p_fn) on conflict do nothing;
  if found then
    return null;
  end if;
  select * into k from private.request_keys where user_id = uid and request_key = p_key;
  if k.fn <> p_fn or k.result is null then
    raise exception 'this request key belongs to another action' using errcode = '22023', hint = 'request_key_reused';
  end if;
  return k.result;
end $$;

create or replace function private.request_done(p_key uuid, p_result text) returns void
language sql security definer set search_path = '' as $$
  update private.request_keys set result = p_result where user_id = auth.uid() and request_key = p_key and p_key is not null
$$;
revoke all on function private.request_replay(text, uuid), private.request_done(uuid, text) from public, anon;
grant execute on function private.request_replay(text, uuid), private.request_done(uuid, text) to authenticated;

drop function public.record_service(bigint, date, text, numeric, uuid[], text, bigint, text);
create function public.record_service(
  p_team_id bigint,
  p_service_date date,
  p_title text,
  p_hours numeric,
  p_volunteer_ids uuid[],
  p_place text default null,
  p_project_id bigint default null,
  p_note text default null,
  p_request_key uuid default null
) returns bigint
language plpgsql security invoker set search_path = '' as $$
declare
  v_activity bigint;
  v_first text;
  v_key bigint;
begin
  if coalesce(cardinality(p_volunteer_ids), 0) = 0 then
    raise exception 'choose at least one member' using errcode = '23514', hint = 'service_records_no_members';
  end if;
  v_first := private.request_replay('record_service', p_request_key);
  if v_first is not null then
    return v_first::bigint;
  end if;
  for attempt in 1..2 loop
    begin
      for v_key in select distinct private.person_day_lock_key(v, p_service_date) from unnest(p_volunteer_ids) v order by 1 loop
        perform pg_advisory_xact_lock(v_key);
      end loop;
      insert into public.service_activities (team_id, project_id, title, place, service_date)
      values (p_team_id, p_project_id, btrim(p_title), nullif(btrim(p_place), ''), p_service_date)
      returning id into v_activity;
      insert into public.service_records (activity_id, volunteer_id, team_id, service_date, hours, note)
      select v_activity, v, p_team_id, p_service_date, p_hours, nullif(btrim(p_note), '')
        from (select distinct unnest(p_volunteer_ids) as v) s
       order by private.person_day_lock_key(v, p_service_date);
      exit;
    exception when deadlock_detected or serialization_failure then
      if attempt = 2 then
        raise exception 'the records of these members are being changed at the same moment: please try again'
          using errcode = '40001', hint = 'retry_conflict';
      end if;
    end;
  end loop;
  perform private.request_done(p_request_key, v_activity::text);
  return v_activity;
end $$;
revoke execute on function public.record_service(bigint, date, text, numeric, uuid[], text, bigint, text, uuid) from public, anon;
grant execute on function public.record_service(bigint, date, text, numeric, uuid[], text, bigint, text, uuid) to authenticated;

drop function public.reverse_service_record(bigint, text);
create function public.reverse_service_record(p_record_id bigint, p_reason text, p_request_key uuid default null) returns bigint
language plpgsql security definer set search_path = '' as $$
declare
  r public.service_records;
  v_id bigint;
  v_first text;
begin
  v_first := private.request_replay('reverse_service_record', p_request_key);
  if v_first is not null then
    return v_first::bigint;
  end if;
  select * into r from public.service_records where id = p_record_id for update;
  if r.id is null or not (r.team_id in (select unnest(private.managed_unit_ids()))) then
    raise exception 'record not found in your scope' using errcode = '42501';
  end if;
  if r.kind <> 'service' or r.status <> 'approved' then
    raise exception 'only an approved service record is reversed' using errcode = '23514', hint = 'service_records_reverse_approved';
  end if;
  if nullif(btrim(p_reason), '') is null then
    raise exception 'say why the record is reversed' using errcode = '23514', hint = 'service_records_reason';
  end if;
  if exists (select 1 from public.service_records where reverses_id = r.id) then
    raise exception 'the record is already reversed' using errcode = '23505', hint = 'service_records_reverses_id_key';
  end if;
  insert into public.service_records (activity_id, volunteer_id, team_id, service_date, hours, kind, reverses_id,
                                      status, note, recorded_by, reviewed_by, reviewed_at, review_note)
  values (r.activity_id, r.volunteer_id, r.team_id, r.service_date, -r.hours, 'reversal', r.id,
          'approved', left(btrim(p_reason), 200), auth.uid(), auth.uid(), now(), left(btrim(p_reason), 200))
  returning id into v_id;
  perform private.request_done(p_request_key, v_id::text);
  return v_id;
end $$;
revoke execute on function public.reverse_service_record(bigint, text, uuid) from public, anon;
grant execute on function public.reverse_service_record(bigint, text, uuid) to authenticated;

drop function public.redeem_reward(uuid, bigint, integer);
create function public.redeem_reward(p_volunteer_id uuid, p_reward_id bigint, p_quantity integer default 1,
                                     p_request_key uuid default null)
returns bigint
language plpgsql security definer set search_path = '' as $$
declare
  rw public.rewards;
  v_cost bigint;
  v_balance bigint;
  v_id bigint;
  v_first text;
begin
  if p_quantity is null or p_quantity < 1 or p_quantity > 99 then
    raise exception 'quantity must be between 1 and 99' using errcode = '22023', hint = 'redeem_quantity';
  end if;
  if auth.uid() is null or not private.manages_volunteer(p_volunteer_id) then
    raise exception 'you may redeem only for the people you manage' using errcode = '42501', hint = 'redeem_scope';
  end if;
  v_first := private.request_replay('redeem_reward', p_request_key);
  if v_first is not null then
    return v_first::bigint;
  end if;
  perform 1 from public.volunteers where id = p_volunteer_id for no key update;
  select * into rw from public.rewards where id = p_reward_id for update;
  if rw.id is null or not rw.active then
    raise exception 'this reward is not offered' using errcode = '23514', hint = 'reward_inactive';
  end if;
  v_cost := rw.points_cost::bigint * p_quantity;
  select coalesce(sum(points), 0) into v_balance from public.points_ledger where volunteer_id = p_volunteer_id;
  if v_balance < v_cost then
    raise exception 'not enough points: balance %, needed %', v_balance, v_cost using errcode = '23514', hint = 'points_insufficient';
  end if;
  if rw.stock < p_quantity then
    raise exception 'out of stock: % left', rw.stock using errcode = '23514', hint = 'reward_out_of_stock';
  end if;
  update public.rewards set stock = stock - p_quantity where id = rw.id;
  insert into public.points_ledger (volunteer_id, entry_type, points, reward_id, quantity, note)
  values (p_volunteer_id, 'redeem', -v_cost, rw.id, p_quantity, left(rw.name, 200))
  returning id into v_id;
  perform private.request_done(p_request_key, v_id::text);
  return v_id;
end $$;
revoke execute on function public.redeem_reward(uuid, bigint, integer, uuid) from public, anon;
grant execute on function public.redeem_reward(uuid, bigint, integer, uuid) to authenticated;

drop function public.reverse_redemption(bigint, text);
create function public.reverse_redemption(p_entry_id bigint, p_reason text, p_request_key uuid default null) returns bigint
language plpgsql security definer set search_path = '' as $$
declare
  e public.points_ledger;
  v_id bigint;
  v_first text;
begin
  v_first := private.request_replay('reverse_redemption', p_request_key);
  if v_first is not null then
    return v_first::bigint;
  end if;
  select * into e from public.points_ledger where id = p_entry_id;
  if e.id is null or auth.uid() is null or not private.manages_volunteer(e.volunteer_id) then
    raise exception 'entry not found among the people you manage' using errcode = '42501';
  end if;
  if e.entry_type <> 'redeem' then
    raise exception 'only a redemption is undone here' using errcode = '23514', hint = 'points_reverse_redeem_only';
  end if;
  if nullif(btrim(p_reason), '') is null then
    raise exception 'say why the redemption is undone' using errcode = '23514', hint = 'service_records_reason';
  end if;
  perform 1 from public.volunteers where id = e.volunteer_id for no key update;
  perform 1 from public.rewards where id = e.reward_id for update;
  if exists (select 1 from public.points_ledger where reverses_entry_id = e.id) then
    raise exception 'this redemption is already undone' using errcode = '23505', hint = 'points_ledger_reverses_entry_id_key';
  end if;
  update public.rewards set stock = stock + e.quantity where id = e.reward_id;
  insert into public.points_ledger (volunteer_id, entry_type, points, reward_id, quantity, reverses_entry_id, note)
  values (e.volunteer_id, 'redeem_reversal', -e.points, e.reward_id, e.quantity, e.id, left(btrim(p_reason), 200))
  returning id into v_id;
  perform private.request_done(p_request_key, v_id::text);
  return v_id;
end $$;
revoke execute on function public.reverse_redemption(bigint, text, uuid) from public, anon;
grant execute on function public.reverse_redemption(bigint, text, uuid) to authenticated;

-- Enrolment (SECURITY INVOKER as before: RLS decides); the join date defaults to the district's today.
drop function public.enrol_new_volunteer(bigint, jsonb, public.member_role, text, date);
create function public.enrol_new_volunteer(
  p_team_id bigint,
  p_volunteer jsonb,
  p_role public.member_role default 'member',
  p_phone text default null,
  p_joined_on date default null,
  p_request_key uuid default null
) returns uuid
language plpgsql security invoker set search_path = '' as $$
declare
  v_id uuid;
  v_first text;
begin
  v_first := private.request_replay('enrol_new_volunteer', p_request_key);
  if v_first is not null then
    return v_first::uuid;
  end if;
  -- the database chooses the id (callers may not: volunteers.id is not granted for insert)
  insert into public.volunteers (name, gender, birth_year, home_community_id, former_unit, former_post,
                                 former_level, is_party_member, talent_category_ids, skills, community_posts,
                                 guidance_group_ids, note)
  select r.name, r.gender, r.birth_year, r.home_community_id, r.former_unit, r.former_post, r.former_level,
         coalesce(r.is_party_member, false), coalesce(r.talent_category_ids, '{}'), coalesce(r.skills, '{}'),
         coalesce(r.community_posts, '{}'), coalesce(r.guidance_group_ids, '{}'), r.note
    from jsonb_populate_record(null::public.volunteers, p_volunteer) r
  returning id into v_id;
  insert into public.team_memberships (team_id, volunteer_id, role, joined_on)
  values (p_team_id, v_id, p_role, coalesce(p_joined_on, private.district_today()));
  if nullif(btrim(p_phone), '') is not null then
    insert into public.volunteer_contacts (volunteer_id, phone) values (v_id, btrim(p_phone));
  end if;
  perform private.request_done(p_request_key, v_id::text);
  return v_id;
end $$;
revoke execute on function public.enrol_new_volunteer(bigint, jsonb, public.member_role, text, date, uuid) from public, anon;
grant execute on function public.enrol_new_volunteer(bigint, jsonb, public.member_role, text, date, uuid) to authenticated;
