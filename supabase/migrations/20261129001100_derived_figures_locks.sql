-- Kept figures exact under concurrency (派生数据在并发下准确). Outside review found totals that drifted for
-- good when operations interleaved: approvals while a team changed street, twenty roster additions at once
-- (READ COMMITTED recounts that cannot see each other), residents left under their community's old street,
-- lowered star thresholds that queued nobody, and a rebuild that disagreed with the triggers on which
-- community earned past points. Each kept figure now either takes the locks it needs or is recorded so
-- that it cannot disagree; tests/db/derived-concurrency.test.ts compares every one of them with its
-- re-derivation after concurrent approvals, reversals, roster changes, moves and threshold changes.
--
-- THE LOCK ORDER (every writer of a kept figure takes its locks in this order, never backwards):
--   1. org_units rows: higher level first (street → community → team), ascending id within a level.
--      A move locks the moved unit, then its children; an approval or reversal takes FOR SHARE on its
--      team, so a team cannot change street while its hours are being added, and vice versa.
--   2. volunteers rows, ascending id (passbook writers: FOR NO KEY UPDATE before the balance check;
--      an approval too, so the home it records on the passbook entry cannot change under it).
--   3. per-person-per-day advisory locks of service_records (keys ascending: record_service takes them
--      sorted up front, the insert trigger takes its own key again, which is then a no-op).
--   4. rewards rows (stock).
--   5. star_levels, table lock: approvals take SHARE (the thresholds cannot change under them), a
--      threshold change takes ROW EXCLUSIVE by its UPDATE and then re-levels and re-queues.
--   6. kept rows, last: volunteer_service_totals, star_awards, the monthly totals (upserts that add).
-- The row under review (a service_records row, a points_ledger entry being reversed) is locked by the
-- statement itself before step 1; nothing that holds one of the locks above waits for such a row.
-- A PATCH of a volunteer's home locks the volunteer row before its trigger takes FOR SHARE on the new
-- community; a community move only waits for its own current residents, so that cannot close a cycle.
-- A community move takes its residents' rows (step 2) after its teams' monthly rows (step 6): the teams
-- move first (their triggers carry the months), then org_units_rehome_residents runs. This cannot close a
-- cycle either: every approval for one of those residents first takes FOR KEY SHARE on their community,
-- which the move holds FOR UPDATE, so it waits before it holds anything the move could want.
--
-- Rules chosen:
-- - active_member_count moves by +1/−1 under the team's row lock (an UPDATE re-reads the latest count),
--   never by a recount that misses rows other transactions have not committed yet.
-- - A resident's street is the current street of the home community: moving a community re-homes its
--   residents (volunteers.home_street_id and volunteer_service_totals.home_street_id) in the same transaction.
-- - Points count for the community the person lived in when the entry was made. The entry records it
--   (points_ledger.community_id, filled by a trigger whatever the writer sends; the ledger is written only
--   by triggers and security-definer functions, so no insert grant is needed); the monthly trigger and
--   private.rebuild_service_effects() both read it. Entries made before this migration get the current home.
-- - A threshold change re-levels everyone and queues every level now reached that has no award yet.

-- Steps 1, 2 and 5 for an approval (or a reversal, which is approved when made): the person's home
-- community (FOR KEY SHARE: the passbook entry and its monthly row will reference it, and a community
-- being moved holds it FOR UPDATE), the team (FOR SHARE: no change of street meanwhile), the person
-- (FOR NO KEY UPDATE, as every passbook writer takes it, so a reversal never has to upgrade a weaker lock;
-- the home cannot change until the entry recorded it), then the thresholds. All before any
-- kept row, so a move that already holds kept rows never waits for an approval that waits for the move.
-- If the home changed between the first read and the person's lock (a home change committed just
-- then), the new community is locked too: the only place where an org unit follows a person's lock.
create or replace function private.lock_for_approval(p_team_id bigint, p_volunteer_id uuid) returns void
language plpgsql security definer set search_path = '' as $$
declare
  home bigint;
  home_now bigint;
begin
  select home_community_id into home from public.volunteers where id = p_volunteer_id;
  perform 1 from public.org_units where id = home for key share;
  perform 1 from public.org_units where id = p_team_id for share;
  select home_community_id into home_now from public.volunteers where id = p_volunteer_id for no key update;
  if home_now is distinct from home then
    perform 1 from public.org_units where id = home_now for key share;
  end if;
  lock table public.star_levels in share mode;
end $$;
revoke all on function private.lock_for_approval(bigint, uuid) from public, anon;
grant execute on function private.lock_for_approval(bigint, uuid) to authenticated;

-- The key of the per-person-per-day lock (step 3), one definition for the trigger and record_service.
create or replace function private.person_day_lock_key(p_volunteer_id uuid, p_day date) returns bigint
language sql immutable parallel safe set search_path = '' as $$
  select hashtextextended(p_volunteer_id::text || p_day::text, 7)
$$;
revoke all on function private.person_day_lock_key(uuid, date) from public, anon;
grant execute on function private.person_day_lock_key(uuid, date) to authenticated;

-- Shape and placement of a new record (as before), with the district's day and the locks of an approval.
create or replace function private.service_records_before_insert() returns trigger
language plpgsql set search_path = '' as $$
declare
  a public.service_activities;
  day_total numeric;
  api_user boolean := current_user in ('authenticated', 'anon');
begin
  select * into a from public.service_activities where id = new.activity_id;
  if a.id is null then
    raise exception 'activity % not found', new.activity_id using errcode = '23503';
  end if;
  new.team_id := a.team_id;
  new.service_date := a.service_date;
  new.recorded_at := now();
  if new.kind = 'service' then
    if a.service_date > private.district_today() then
      raise exception 'service cannot be recorded for a future day' using errcode = '23514', hint = 'service_records_future';
    end if;
    if not private.on_roster(a.team_id, new.volunteer_id, a.service_date) then
      raise exception 'the volunteer was not on the team''s roster that day' using errcode = '23514', hint = 'service_records_not_member';
    end if;
    if api_user then
      new.status := 'pending';
      new.reviewed_by := null;
      new.reviewed_at := null;
      new.review_note := null;
      new.recorded_by := auth.uid();
    end if;
  elsif api_user then
    raise exception 'a reversal is made with reverse_service_record' using errcode = '42501', hint = 'service_records_reversal_rpc';
  end if;
  if new.status = 'approved' then
    perform private.lock_for_approval(new.team_id, new.volunteer_id);
  end if;
  perform pg_advisory_xact_lock(private.person_day_lock_key(new.volunteer_id, new.service_date));
  day_total := private.day_hours(new.volunteer_id, new.service_date);
  if new.status <> 'rejected' and day_total + new.hours > 24 then
    raise exception 'more than 24 hours of service on % (already %)', new.service_date, day_total
      using errcode = '23514', hint = 'service_records_daily_limit';
  end if;
  return new;
end $$;

-- Review (as before); an approval takes its locks before the totals triggers run.
create or replace function private.service_records_before_update() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if old.status <> 'pending' then
    raise exception 'an approved or rejected record is final; correct it with a reversing record'
      using errcode = '23514', hint = 'service_records_final';
  end if;
  if (new.activity_id, new.volunteer_id, new.team_id, new.service_date, new.hours, new.kind, new.reverses_id,
      new.recorded_by, new.recorded_at, new.note)
     is distinct from
     (old.activity_id, old.volunteer_id, old.team_id, old.service_date, old.hours, old.kind, old.reverses_id,
      old.recorded_by, old.recorded_at, old.note) then
    raise exception 'only the review of a record can change' using errcode = '23514', hint = 'service_records_final';
  end if;
  if new.status = 'pending' then
    return new;
  end if;
  if auth.uid() is not null and auth.uid() = old.recorded_by then
    raise exception 'nobody approves their own entries' using errcode = '42501', hint = 'service_records_own_entry';
  end if;
  if new.status = 'approved' then
    perform private.lock_for_approval(new.team_id, new.volunteer_id);
  end if;
  new.reviewed_by := coalesce(auth.uid(), new.reviewed_by);
  new.reviewed_at := now();
  return new;
end $$;

-- A team that moves to another street takes its hours along (as before), taking the street rows it touches
-- in one order (street, month) first: two teams moving at once between the same streets used to update
-- those rows in whatever order each plan produced, and could wait on each other in a cycle.
create or replace function private.org_units_move_monthly() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  perform 1 from public.service_monthly_street_totals s
   where s.street_id in (old.street_id, new.street_id)
     and s.month in (select m.month from public.service_monthly_totals m where m.team_id = new.id)
   order by s.street_id, s.month
     for no key update;
  insert into public.service_monthly_street_totals as s (street_id, month, hours, records)
  select new.street_id, m.month, m.hours, m.records from public.service_monthly_totals m where m.team_id = new.id
   order by m.month
  on conflict (street_id, month) do update set hours = s.hours + excluded.hours, records = s.records + excluded.records;
  update public.service_monthly_street_totals s set hours = s.hours - m.hours, records = s.records - m.records
    from public.service_monthly_totals m
   where m.team_id = new.id and s.street_id = old.street_id and s.month = m.month;
  return null;
end $$;

-- Roster size by +1/-1 under the team's row lock (the old recount missed uncommitted additions: 27 of 40).
create or replace function private.team_memberships_count() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  delta integer := case when tg_op <> 'DELETE' and new.left_on is null then 1 else 0 end
                 - case when tg_op <> 'INSERT' and old.left_on is null then 1 else 0 end;
begin
  if delta <> 0 then
    update public.org_units set active_member_count = active_member_count + delta
     where id = case when tg_op = 'DELETE' then old.team_id else new.team_id end;
  end if;
  return null;
end $$;
update public.org_units u
   set active_member_count = (select count(*) from public.team_memberships m where m.team_id = u.id and m.left_on is null)
 where active_member_count <> (select count(*) from public.team_memberships m where m.team_id = u.id and m.left_on is null);

-- A new home (or a new person) reads the community's street under FOR SHARE, so that a concurrent move
-- of that community either waits for this row or is seen by it. Runs after volunteers_check.
create or replace function private.volunteers_home_street() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'INSERT' or new.home_community_id is distinct from old.home_community_id then
    select street_id into new.home_street_id from public.org_units where id = new.home_community_id for share;
  end if;
  return new;
end $$;
create trigger volunteers_home_street before insert or update on public.volunteers
  for each row execute function private.volunteers_home_street();

-- Residents follow their community to its new street (volunteers_totals_row carries it to the totals).
create or replace function private.org_units_rehome_residents() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.volunteers set home_street_id = new.street_id
   where home_community_id = new.id and home_street_id is distinct from new.street_id;
  return null;
end $$;
create trigger org_units_rehome_residents after update on public.org_units
  for each row when (new.level = 'community' and old.street_id is distinct from new.street_id)
  execute function private.org_units_rehome_residents();
update public.volunteers v set home_street_id = c.street_id
  from public.org_units c where c.id = v.home_community_id and v.home_street_id is distinct from c.street_id;
update public.volunteer_service_totals t set home_community_id = v.home_community_id, home_street_id = v.home_street_id
  from public.volunteers v
 where v.id = t.volunteer_id and (t.home_community_id, t.home_street_id) is distinct from (v.home_community_id, v.home_street_id);

-- Changing the thresholds re-levels everyone and queues each level now reached (the queue keeps what was
-- reached before).
create or replace function private.star_levels_relevel() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  update public.volunteer_service_totals
     set star_level = public.star_level_for(approved_hours)
   where star_level is distinct from public.star_level_for(approved_hours);
  insert into public.star_awards (volunteer_id, level, hours_at_eligibility, eligible_on)
  select t.volunteer_id, t.star_level, t.approved_hours, private.district_today()
    from public.volunteer_service_totals t
   where t.star_level > 0
     and not exists (select 1 from public.star_awards a where a.volunteer_id = t.volunteer_id and a.level = t.star_level)
  on conflict (volunteer_id, level) do nothing;
  return null;
end $$;
insert into public.star_awards (volunteer_id, level, hours_at_eligibility, eligible_on)
select t.volunteer_id, t.star_level, t.approved_hours, coalesce(t.last_service_on, private.district_today())
  from public.volunteer_service_totals t
 where t.star_level > 0
   and not exists (select 1 from public.star_awards a where a.volunteer_id = t.volunteer_id and a.level = t.star_level)
on conflict (volunteer_id, level) do nothing;

-- The community that earned or spent the points, recorded on the entry.
alter table public.points_ledger add column community_id bigint references public.org_units (id) on delete restrict;
comment on column public.points_ledger.community_id is
  'home community of the person when the entry was made (trigger-filled); points_monthly_totals and the rebuild count by it';
alter table public.points_ledger disable trigger points_ledger_guard;
update public.points_ledger l set community_id = v.home_community_id from public.volunteers v where v.id = l.volunteer_id;
alter table public.points_ledger enable trigger points_ledger_guard;
alter table public.points_ledger alter column community_id set not null;
create index points_ledger_community on public.points_ledger (community_id, created_at);

create or replace function private.points_ledger_community() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  select home_community_id into new.community_id from public.volunteers where id = new.volunteer_id;
  return new;
end $$;
create trigger points_ledger_community before insert on public.points_ledger
  for each row execute function private.points_ledger_community();

create or replace function private.points_ledger_monthly() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  insert into public.points_monthly_totals as m (community_id, month, issued, redeemed)
  values (new.community_id, date_trunc('month', private.district_day(new.created_at))::date,
          case when new.entry_type in ('earn', 'earn_reversal') then new.points else 0 end,
          case when new.entry_type in ('redeem', 'redeem_reversal') then -new.points else 0 end)
  on conflict (community_id, month) do update
    set issued = m.issued + excluded.issued, redeemed = m.redeemed + excluded.redeemed;
  return null;
end $$;
delete from public.points_monthly_totals;
insert into public.points_monthly_totals (community_id, month, issued, redeemed)
select l.community_id, date_trunc('month', private.district_day(l.created_at))::date,
       coalesce(sum(l.points) filter (where l.entry_type in ('earn', 'earn_reversal')), 0),
       coalesce(-sum(l.points) filter (where l.entry_type in ('redeem', 'redeem_reversal')), 0)
  from public.points_ledger l group by 1, 2;

-- Re-derives everything that approved service and the ledger imply, by the same rules as the triggers
-- (the community recorded on each entry; residents under their community's current street).
create or replace function private.rebuild_service_effects() returns void
language plpgsql security definer set search_path = '' as $$
begin
  -- the monthly points are recomputed below: skip the per-row trigger during the bulk insert
  alter table public.points_ledger disable trigger points_ledger_monthly;
  insert into public.points_ledger (volunteer_id, entry_type, points, service_record_id, created_by, created_at)
  select r.volunteer_id, 'earn', private.points_for(r.hours, pr), r.id, r.reviewed_by, coalesce(r.reviewed_at, now())
    from public.service_records r
    cross join lateral (select * from public.points_rules p where p.effective_from <= r.service_date
                         order by p.effective_from desc limit 1) pr
   where r.status = 'approved' and r.kind = 'service'
     and not exists (select 1 from public.points_ledger l where l.service_record_id = r.id);
  alter table public.points_ledger enable trigger points_ledger_monthly;

  delete from public.volunteer_service_totals;
  insert into public.volunteer_service_totals (volunteer_id, approved_hours, approved_records, last_service_on, star_level,
                                               home_community_id, home_street_id, counted)
  select v.id, coalesce(r.hours, 0), coalesce(r.records, 0), r.last_on, public.star_level_for(coalesce(r.hours, 0)),
         v.home_community_id, c.street_id, v.status <> 'withdrawn'
    from public.volunteers v
    join public.org_units c on c.id = v.home_community_id
    left join (select volunteer_id, sum(hours) as hours, sum(sign(hours))::int as records,
                      max(service_date) filter (where kind = 'service') as last_on
                 from public.service_records where status = 'approved' group by volunteer_id) r on r.volunteer_id = v.id;

  insert into public.star_awards (volunteer_id, level, hours_at_eligibility, eligible_on)
  select t.volunteer_id, t.star_level, t.approved_hours, coalesce(t.last_service_on, private.district_today())
    from public.volunteer_service_totals t where t.star_level > 0
  on conflict (volunteer_id, level) do nothing;

  delete from public.service_monthly_totals;
  insert into public.service_monthly_totals (team_id, month, hours, records)
  select team_id, date_trunc('month', service_date)::date, sum(hours), sum(sign(hours))::int
    from public.service_records where status = 'approved' group by 1, 2;

  delete from public.service_monthly_street_totals;
  insert into public.service_monthly_street_totals (street_id, month, hours, records)
  select t.street_id, m.month, sum(m.hours), sum(m.records)
    from public.service_monthly_totals m join public.org_units t on t.id = m.team_id group by 1, 2;

  delete from public.points_monthly_totals;
  insert into public.points_monthly_totals (community_id, month, issued, redeemed)
  select l.community_id, date_trunc('month', private.district_day(l.created_at))::date,
         coalesce(sum(l.points) filter (where l.entry_type in ('earn', 'earn_reversal')), 0),
         coalesce(-sum(l.points) filter (where l.entry_type in ('redeem', 'redeem_reversal')), 0)
    from public.points_ledger l group by 1, 2;
end $$;
revoke all on function private.rebuild_service_effects() from public, anon;
revoke all on function private.volunteers_home_street(), private.org_units_rehome_residents(), private.org_units_move_monthly(),
  private.star_levels_relevel(), private.points_ledger_community(), private.points_ledger_monthly(),
  private.team_memberships_count() from public, anon;
