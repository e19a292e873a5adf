-- Two writes that took several API calls become one RPC each, so a failure half-way leaves nothing
-- half-written (a rating round without its criteria; a volunteer saved without the phone just typed):
--   create_rating_round(name, year, unit, criteria[, bands, request key]) → the round's id
--   save_volunteer(volunteer, phone[, id, request key])                   → the volunteer's id
-- Both are SECURITY INVOKER, like enrol_new_volunteer: every statement runs with the caller's rights, so
-- the same policies and column grants as the table writes they replace decide (no scope check is
-- repeated here and none can be bypassed). A function is one transaction: any refusal rolls back all.

-- ─── a rating round with its criteria ─────────────────────────────────────────────────────────
-- p_criteria: [{"name": "服务时长", "max_score": 30}, …] in display order (sort_order 1, 2, …).
create function public.create_rating_round(
  p_name text,
  p_year smallint,
  p_org_unit_id bigint,
  p_criteria jsonb,
  p_star_bands numeric[] default null,
  p_request_key uuid default null
) returns bigint
language plpgsql security invoker set search_path = '' as $$
declare
  v_id bigint;
  v_first text;
begin
  if jsonb_typeof(p_criteria) is distinct from 'array' or jsonb_array_length(p_criteria) = 0 then
    raise exception 'a rating round needs at least one criterion' using errcode = '23514', hint = 'rating_criteria_missing';
  end if;
  v_first := private.request_replay('create_rating_round', p_request_key);
  if v_first is not null then
    return v_first::bigint;
  end if;
  if p_star_bands is null then
    -- the column's default bands (the app mirrors them: tests/db/mirrored-constants.test.ts)
    insert into public.rating_rounds (name, year, org_unit_id) values (btrim(p_name), p_year, p_org_unit_id)
    returning id into v_id;
  else
    insert into public.rating_rounds (name, year, org_unit_id, star_bands) values (btrim(p_name), p_year, p_org_unit_id, p_star_bands)
    returning id into v_id;
  end if;
  insert into public.rating_criteria (round_id, name, max_score, sort_order)
  select v_id, btrim(c.value ->> 'name'), (c.value ->> 'max_score')::numeric, c.ordinality
    from jsonb_array_elements(p_criteria) with ordinality c;
  perform private.request_done(p_request_key, v_id::text);
  return v_id;
end $$;
comment on function public.create_rating_round(text, smallint, bigint, jsonb, numeric[], uuid) is
  '评星轮次 with its criteria in one transaction; security invoker: rating_rounds / rating_criteria policies apply';
revoke execute on function public.create_rating_round(text, smallint, bigint, jsonb, numeric[], uuid) from public, anon;
grant execute on function public.create_rating_round(text, smallint, bigint, jsonb, numeric[], uuid) to authenticated;

-- ─── a volunteer with the phone number ────────────────────────────────────────────────────────
-- p_id null: a new person (the database chooses the id); otherwise the person is updated, each column
-- only when p_volunteer names it (the writable columns of the grant, nothing else is read).
-- p_phone: the number to keep; null or blank clears it (on an update) or stores none (on a create).
-- The phone is written only when it changes, so saving a person whose number one may not see (finance
-- sees none) never touches volunteer_contacts.
create function public.save_volunteer(
  p_volunteer jsonb,
  p_phone text default null,
  p_id uuid default null,
  p_request_key uuid default null
) returns uuid
language plpgsql security invoker set search_path = '' as $$
declare
  v_id uuid;
  v_first text;
  v_phone text := nullif(btrim(p_phone), '');
  v_old text;
  v_has_contact boolean;
begin
  if p_id is null then
    v_first := private.request_replay('save_volunteer', p_request_key);
    if v_first is not null then
      return v_first::uuid;
    end if;
    insert into public.volunteers (name, gender, birth_year, home_community_id, former_unit, former_post,
                                   former_level, is_party_member, talent_category_ids, skills, community_posts,
                                   guidance_group_ids, status, note)
    select r.name, r.gender, r.birth_year, r.home_community_id, r.former_unit, r.former_post, r.former_level,
           coalesce(r.is_party_member, false), coalesce(r.talent_category_ids, '{}'), coalesce(r.skills, '{}'),
           coalesce(r.community_posts, '{}'), coalesce(r.guidance_group_ids, '{}'), coalesce(r.status, 'active'), r.note
      from jsonb_populate_record(null::public.volunteers, p_volunteer) r
    returning id into v_id;
  else
    update public.volunteers v set
      name = case when p_volunteer ? 'name' then r.name else v.name end,
      gender = case when p_volunteer ? 'gender' then r.gender else v.gender end,
      birth_year = case when p_volunteer ? 'birth_year' then r.birth_year else v.birth_year end,
      home_community_id = case when p_volunteer ? 'home_community_id' then r.home_community_id else v.home_community_id end,
      former_unit = case when p_volunteer ? 'former_unit' then r.former_unit else v.former_unit end,
      former_post = case when p_volunteer ? 'former_post' then r.former_post else v.former_post end,
      former_level = case when p_volunteer ? 'former_level' then r.former_level else v.former_level end,
      is_party_member = case when p_volunteer ? 'is_party_member' then coalesce(r.is_party_member, false) else v.is_party_member end,
      talent_category_ids = case when p_volunteer ? 'talent_category_ids' then coalesce(r.talent_category_ids, '{}') else v.talent_category_ids end,
      skills = case when p_volunteer ? 'skills' then coalesce(r.skills, '{}') else v.skills end,
      community_posts = case when p_volunteer ? 'community_posts' then coalesce(r.community_posts, '{}') else v.community_posts end,
      guidance_group_ids = case when p_volunteer ? 'guidance_group_ids' then coalesce(r.guidance_group_ids, '{}') else v.guidance_group_ids end,
      status = case when p_volunteer ? 'status' then coalesce(r.status, v.status) else v.status end,
      note = case when p_volunteer ? 'note' then r.note else v.note end
      from jsonb_populate_record(null::public.volunteers, p_volunteer) r
     where v.id = p_id
    returning v.id into v_id;
    if v_id is null then
      -- RLS hides the person (or they are gone): say so instead of a silent success
      raise exception 'volunteer not found in your scope' using errcode = '42501';
    end if;
  end if;

  select c.phone, true into v_old, v_has_contact from public.volunteer_contacts c where c.volunteer_id = v_id;
  if v_phone is distinct from v_old then
    if v_phone is null then
      delete from public.volunteer_contacts where volunteer_id = v_id;
    elsif coalesce(v_has_contact, false) then
      update public.volunteer_contacts set phone = v_phone where volunteer_id = v_id;
    else
      insert into public.volunteer_contacts (volunteer_id, phone) values (v_id, v_phone);
    end if;
  end if;
  if p_id is null then
    perform private.request_done(p_request_key, v_id::text);
  end if;
  return v_id;
end $$;
comment on function public.save_volunteer(jsonb, text, uuid, uuid) is
  'a volunteer and the phone number in one transaction; security invoker: volunteers / volunteer_contacts policies apply';
revoke execute on function public.save_volunteer(jsonb, text, uuid, uuid) from public, anon;
grant execute on function public.save_volunteer(jsonb, text, uuid, uuid) to authenticated;
