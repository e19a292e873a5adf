-- Scope and audit columns are decided by the database, never by the client. Column grants (migration
-- 20261129000900) keep them out of the API; the triggers here are the second layer, so that a missing or
-- wrong grant later still cannot widen anyone's scope or forge who did what:
--   * org_units: path and ancestor ids are re-derived from the parent on EVERY insert and update (before,
--     only when parent_id or level changed, so writing `path` directly moved a unit and its grants);
--   * created_by / created_at are the signed-in caller and now on insert, and never change afterwards;
--   * a volunteer's home may be placed or moved only inside the caller's own home scope (both ends);
--   * a project's level matches its unit; a role model's street is a street; a points rule in force is fixed.
-- "API request" below means a request through PostgREST: `auth.role()` is set (anon, authenticated or
-- service_role). Direct SQL (migrations, seed, maintenance) has no JWT and keeps what it writes.

create or replace function private.in_api_request() returns boolean
language sql stable set search_path = '' as $$
  select auth.role() is not null
$$;

-- ─── org_units ───────────────────────────────────────────────────────────────────────────────
-- Security invoker on purpose: current_user then tells an API write (authenticated) from the
-- security-definer maintenance of active_member_count (owner), which alone may change the count.
create or replace function private.org_units_place() returns trigger
language plpgsql set search_path = '' as $$
declare
  p public.org_units;
  api boolean := current_user in ('authenticated', 'anon', 'service_role');
begin
  if tg_op = 'UPDATE' then
    if new.level <> old.level then
      raise exception 'the level of an organisation unit cannot change' using errcode = '23514';
    end if;
    if new.id <> old.id then
      raise exception 'the id of an organisation unit cannot change' using errcode = '23514';
    end if;
    new.created_at := old.created_at;
    if api then
      new.active_member_count := old.active_member_count;
    end if;
  else
    if api then
      new.active_member_count := 0;
      new.created_at := now();
    end if;
  end if;
  if new.parent_id is null then
    new.path := new.id::text::extensions.ltree;
    new.district_id := new.id;
    new.street_id := null;
    new.community_id := null;
    return new;
  end if;
  select * into p from public.org_units where id = new.parent_id;
  if p.id is null then
    raise exception 'parent unit % does not exist', new.parent_id using errcode = '23503';
  end if;
  if not (
    (new.level = 'street' and p.level = 'district') or
    (new.level = 'community' and p.level = 'street') or
    (new.level = 'team' and p.level = 'community')
  ) then
    raise exception 'a % cannot be placed under a %', new.level, p.level
      using errcode = '23514', hint = 'org_units_level_order';
  end if;
  new.path := p.path operator(extensions.||) new.id::text::extensions.ltree;
  new.district_id := p.district_id;
  new.street_id := case when new.level = 'street' then new.id else p.street_id end;
  new.community_id := case when new.level = 'community' then new.id when new.level = 'team' then p.community_id end;
  return new;
end $$;

drop trigger org_units_place on public.org_units;
create trigger org_units_place before insert or update on public.org_units
  for each row execute function private.org_units_place();

-- ─── created_by / created_at ─────────────────────────────────────────────────────────────────
create or replace function private.stamp_created_by() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if tg_op = 'INSERT' then
    if private.in_api_request() then
      new.created_by := auth.uid();
      new.created_at := now();
    end if;
  else
    new.created_by := old.created_by;
    new.created_at := old.created_at;
  end if;
  return new;
end $$;

create trigger volunteers_created_by before insert or update on public.volunteers
  for each row execute function private.stamp_created_by();
create trigger team_memberships_created_by before insert or update on public.team_memberships
  for each row execute function private.stamp_created_by();
create trigger rating_rounds_created_by before insert or update on public.rating_rounds
  for each row execute function private.stamp_created_by();

-- ─── volunteers: where a person's home may be placed ─────────────────────────────────────────
-- A team leader's home scope is the STREET of each team it leads (not only the community): themed
-- teams recruit across their street, and the leader must be able to enrol those people. Admins place
-- homes inside the units they manage. Moving a home needs both the old and the new home in scope, so
-- nobody pulls a person out of another admin's scope or pushes one into it.
create or replace function private.may_place_home(p_community_id bigint) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from public.org_units c
     where c.id = p_community_id and c.level = 'community'
       and (c.id in (select unnest(private.managed_unit_ids()))
            or c.street_id in (select t.street_id from public.org_units t
                                where t.id in (select unnest(private.led_team_ids())))))
$$;

alter policy volunteers_insert on public.volunteers
  with check (private.may_place_home(home_community_id));

create or replace function private.volunteers_home_scope() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if private.in_api_request() and new.home_community_id is distinct from old.home_community_id
     and not (private.may_place_home(old.home_community_id) and private.may_place_home(new.home_community_id)) then
    raise exception 'a home is moved only inside your own scope' using errcode = '42501', hint = 'volunteers_home_scope';
  end if;
  return new;
end $$;
create trigger volunteers_home_scope before update of home_community_id on public.volunteers
  for each row execute function private.volunteers_home_scope();

-- Enrolment no longer chooses the person's id (the API may not write volunteers.id).
create or replace function public.enrol_new_volunteer(
  p_team_id bigint,
  p_volunteer jsonb,
  p_role public.member_role default 'member',
  p_phone text default null,
  p_joined_on date default current_date
) returns uuid
language plpgsql security invoker set search_path = '' as $$
declare
  v_id uuid;
begin
  insert into public.volunteers (name, gender, birth_year, home_community_id, former_unit, former_post,
                                 former_level, is_party_member, talent_category_ids, skills, community_posts,
                                 guidance_group_ids, note)
  select r.name, r.gender, r.birth_year, r.home_community_id, r.former_unit, r.former_post, r.former_level,
         coalesce(r.is_party_member, false), coalesce(r.talent_category_ids, '{}'), coalesce(r.skills, '{}'),
         coalesce(r.community_posts, '{}'), coalesce(r.guidance_group_ids, '{}'), r.note
    from jsonb_populate_record(null::public.volunteers, p_volunteer) r
  returning id into v_id;
  insert into public.team_memberships (team_id, volunteer_id, role, joined_on)
  values (p_team_id, v_id, p_role, coalesce(p_joined_on, current_date));
  if nullif(btrim(p_phone), '') is not null then
    insert into public.volunteer_contacts (volunteer_id, phone) values (v_id, btrim(p_phone));
  end if;
  return v_id;
end $$;

-- ─── projects: the level follows the unit ────────────────────────────────────────────────────
create or replace function private.projects_check() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  lvl public.org_level;
begin
  select level into lvl from public.org_units where id = new.org_unit_id;
  if not ((new.level = 'district' and lvl = 'district') or (new.level = 'street' and lvl = 'street')) then
    raise exception 'a % project belongs to a % unit', new.level, new.level using errcode = '23514', hint = 'projects_level_unit';
  end if;
  if tg_op = 'UPDATE' then
    new.created_at := old.created_at;
  elsif private.in_api_request() then
    new.created_at := now();
  end if;
  return new;
end $$;
create trigger projects_check before insert or update on public.projects
  for each row execute function private.projects_check();

-- ─── role models: street_id names a street ───────────────────────────────────────────────────
create or replace function private.role_models_check() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if new.street_id is not null and (select level from public.org_units where id = new.street_id) is distinct from 'street' then
    raise exception 'a role model belongs to a street' using errcode = '23514', hint = 'role_models_street';
  end if;
  if tg_op = 'UPDATE' then
    new.created_at := old.created_at;
  elsif private.in_api_request() then
    new.created_at := now();
  end if;
  return new;
end $$;
create trigger role_models_check before insert or update on public.role_models
  for each row execute function private.role_models_check();

-- ─── points rules: a rule that has taken effect explains past passbook entries, so it stays ───
create or replace function private.points_rules_fixed() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if old.effective_from <= (now() at time zone 'Asia/Shanghai')::date
     or (tg_op = 'UPDATE' and new.effective_from <= (now() at time zone 'Asia/Shanghai')::date) then
    raise exception 'a points rule in force is not changed: add a rule from a later date' using errcode = '23514', hint = 'points_rule_in_force';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end $$;
create trigger points_rules_fixed before update or delete on public.points_rules
  for each row execute function private.points_rules_fixed();

revoke all on function private.in_api_request(), private.org_units_place(), private.stamp_created_by(),
  private.may_place_home(bigint), private.volunteers_home_scope(), private.projects_check(),
  private.role_models_check(), private.points_rules_fixed() from public, anon;
grant execute on function private.may_place_home(bigint) to authenticated;
revoke execute on function public.enrol_new_volunteer(bigint, jsonb, public.member_role, text, date) from public, anon;
grant execute on function public.enrol_new_volunteer(bigint, jsonb, public.member_role, text, date) to authenticated;
