-- Self-assessment reads its round `for share`, as review and award do since 20261129004000: a close of the
-- round (an update of its row) waits for a self-assessment under way, and one that starts after the close
-- sees it closed. Before, a self-assessment racing a close read the round as still open and went in.
-- Lock order as in 20261129004000: the round before the rating (share locks on the round do not conflict
-- with each other, so a review holding the rating and asking for the round never waits on this).

create or replace function public.self_assess_rating(p_round_id bigint, p_subject_kind public.rating_subject,
                                                     p_subject_id bigint, p_scores jsonb, p_note text default null)
returns bigint
language plpgsql security definer set search_path = '' as $$
declare
  rr public.rating_rounds;
  v_unit bigint;
  v_total numeric;
  v_id bigint;
  r public.ratings;
begin
  select * into rr from public.rating_rounds where id = p_round_id for share;
  if rr.id is null or rr.closed then
    raise exception 'the round is not open' using errcode = '23514', hint = 'rating_round_closed';
  end if;
  v_unit := case p_subject_kind when 'team' then (select id from public.org_units where id = p_subject_id and level = 'team')
                                else (select org_unit_id from public.projects where id = p_subject_id) end;
  if v_unit is null
     or not (v_unit in (select unnest(private.managed_unit_ids()))
             or (p_subject_kind = 'team' and v_unit in (select unnest(private.led_team_ids())))) then
    raise exception 'you may assess only the teams and projects you lead or manage' using errcode = '42501';
  end if;
  if not exists (select 1 from public.org_units u, public.org_units o
                  where u.id = v_unit and o.id = rr.org_unit_id and u.path operator(extensions.<@) o.path) then
    raise exception 'the subject lies outside the round''s organisation' using errcode = '23514', hint = 'rating_outside_round';
  end if;
  v_total := private.rating_check_scores(p_round_id, p_scores);
  select * into r from public.ratings
   where round_id = p_round_id and (project_id = p_subject_id and p_subject_kind = 'project' or team_id = p_subject_id and p_subject_kind = 'team')
   for update;
  if r.id is not null and r.status <> 'self_assessed' then
    raise exception 'the rating has been reviewed and can no longer be changed' using errcode = '23514', hint = 'rating_locked';
  end if;
  if r.id is null then
    insert into public.ratings (round_id, subject_kind, project_id, team_id, unit_id, self_total, note, submitted_by)
    values (p_round_id, p_subject_kind, case when p_subject_kind = 'project' then p_subject_id end,
            case when p_subject_kind = 'team' then p_subject_id end, v_unit, v_total, p_note, auth.uid())
    returning id into v_id;
  else
    update public.ratings set self_total = v_total, note = p_note, submitted_by = auth.uid(), submitted_at = now()
     where id = r.id;
    v_id := r.id;
  end if;
  insert into public.rating_scores (rating_id, criterion_id, self_score)
  select v_id, c.id, (p_scores ->> c.id::text)::numeric from public.rating_criteria c where c.round_id = p_round_id
  on conflict (rating_id, criterion_id) do update set self_score = excluded.self_score;
  return v_id;
end $$;
