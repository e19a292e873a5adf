-- Enrol a new person into a team in one transaction: the volunteer, the membership and the phone
-- number either all land or none does. Runs with the caller's rights, so RLS decides.
create or replace function public.enrol_new_volunteer(
  p_team_id bigint,
  p_volunteer jsonb,
  p_role public.member_role default 'member',
  p_phone text default null,
  p_joined_on date default current_date
) returns uuid
language plpgsql security invoker set search_path = '' as $$
declare
  v_id uuid := gen_random_uuid();
begin
  insert into public.volunteers (id, name, gender, birth_year, home_community_id, former_unit, former_post,
                                 former_level, is_party_member, talent_category_ids, skills, community_posts,
                                 guidance_group_ids, note)
  select v_id, r.name, r.gender, r.birth_year, r.home_community_id, r.former_unit, r.former_post, r.former_level,
         coalesce(r.is_party_member, false), coalesce(r.talent_category_ids, '{}'), coalesce(r.skills, '{}'),
         coalesce(r.community_posts, '{}'), coalesce(r.guidance_group_ids, '{}'), r.note
    from jsonb_populate_record(null::public.volunteers, p_volunteer) r;
  insert into public.team_memberships (team_id, volunteer_id, role, joined_on)
  values (p_team_id, v_id, p_role, coalesce(p_joined_on, current_date));
  if nullif(btrim(p_phone), '') is not null then
    insert into public.volunteer_contacts (volunteer_id, phone) values (v_id, btrim(p_phone));
  end if;
  return v_id;
end $$;
revoke execute on function public.enrol_new_volunteer(bigint, jsonb, public.member_role, text, date) from public, anon;
grant execute on function public.enrol_new_volunteer(bigint, jsonb, public.member_role, text, date) to authenticated;
