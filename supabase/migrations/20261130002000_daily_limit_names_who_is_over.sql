-- The 24-hour refusal names who is over and by how much (issue 8: "the 24-hour refusal lists who is over
-- and by how much, and offers to save the others"). record_service used to stop at the first member whose
-- day would pass 24 hours, with a message naming nobody. It now checks every member of the batch once it
-- holds their per-person-per-day locks (so the figures cannot move under it), and refuses the batch with
-- hint service_records_daily_limit as before, but with DETAIL a JSON array, one object per person over:
--   {"volunteer_id": uuid, "name": text, "day_hours": hours already recorded that day (pending and
--    approved, every team), "over_by": day_hours + p_hours - 24}
-- Nobody's day is measured before the caller is known to record for the team and every member was on
-- the team's roster that day (else the refusal would read, for any person, team and day, how many hours
-- were recorded): the activity is inserted first (its policy refuses another scope's team with 42501),
-- then a member off the roster is refused with hint service_records_not_member and DETAIL a JSON array of
-- {"volunteer_id", "name"} (the name as the caller may read it, null from outside the scope); only then
-- is the limit checked, so the daily-limit refusal names only people of the caller's own team.
-- The app lists them and offers to record the others (a second call without them). The trigger
-- service_records_before_insert stays the guard for every other writer. Same signature, same grants.
create or replace function public.record_service(
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
  v_over jsonb;
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
      -- the team first: the activity's insert policy decides whether the caller records for this team
      insert into public.service_activities (team_id, project_id, title, place, service_date)
      values (p_team_id, p_project_id, btrim(p_title), nullif(btrim(p_place), ''), p_service_date)
      returning id into v_activity;
      -- then the roster: nobody's day is measured unless they were on this team's roster that day
      -- (DETAIL: who, as a JSON array of {"volunteer_id", "name"}; the name as the caller may read it, so
      -- an id from outside the caller's scope comes back with a null name)
      select jsonb_agg(jsonb_build_object('volunteer_id', d.v, 'name', vo.name) order by vo.name, d.v)
        into v_over
        from (select distinct unnest(p_volunteer_ids) as v) d
        left join public.volunteers vo on vo.id = d.v
       where not private.on_roster(p_team_id, d.v, p_service_date);
      if v_over is not null then
        raise exception 'the volunteer was not on the team''s roster that day'
          using errcode = '23514', hint = 'service_records_not_member', detail = v_over::text;
      end if;
      -- names as the caller may read them (RLS)
      select jsonb_agg(jsonb_build_object('volunteer_id', s.v, 'name', vo.name, 'day_hours', s.day_hours,
                                          'over_by', s.day_hours + p_hours - 24) order by vo.name, s.v)
        into v_over
        from (select d.v, private.day_hours(d.v, p_service_date) as day_hours
                from (select distinct unnest(p_volunteer_ids) as v) d) s
        left join public.volunteers vo on vo.id = s.v
       where p_hours > 0 and s.day_hours + p_hours > 24;
      if v_over is not null then
        raise exception 'more than 24 hours of service on % for % of the members', p_service_date, jsonb_array_length(v_over)
          using errcode = '23514', hint = 'service_records_daily_limit', detail = v_over::text;
      end if;
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
