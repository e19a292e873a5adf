-- A closed rating round is final: nothing in it is reviewed or awarded any more. Self-assessment
-- already refused a closed round; review_rating and award_rating did not look at `closed`, so after the
-- organisation department closed a round a street admin could still review a rating in it and issue a
-- certificate number. Both now refuse with the same hint as self-assessment (rating_round_closed,
-- mapped to errors.roundClosed). They read the round `for share`: closing the round (an update of the
-- row) waits for a review or award under way, and one that starts after the close sees it closed.
-- Lock order: the rating row, then its round (self_assess_rating and closing take only the round).
-- The seed's closed 2025 round writes its awarded ratings directly as the table owner, not through
-- these functions, so it is unaffected.

create or replace function public.review_rating(p_rating_id bigint, p_scores jsonb) returns smallint
language plpgsql security definer set search_path = '' as $$
declare
  r public.ratings;
  rr public.rating_rounds;
  v_total numeric;
  v_max numeric;
  v_star smallint;
begin
  select * into r from public.ratings where id = p_rating_id for update;
  if r.id is null or not (r.unit_id in (select unnest(private.managed_unit_ids()))) then
    raise exception 'rating not found in your scope' using errcode = '42501';
  end if;
  select * into rr from public.rating_rounds where id = r.round_id for share;
  if rr.closed then
    raise exception 'the round is closed' using errcode = '23514', hint = 'rating_round_closed';
  end if;
  if r.status = 'awarded' then
    raise exception 'an awarded rating is final' using errcode = '23514', hint = 'rating_locked';
  end if;
  if r.submitted_by = auth.uid() then
    raise exception 'nobody reviews their own assessment' using errcode = '42501', hint = 'rating_own_review';
  end if;
  v_total := private.rating_check_scores(r.round_id, p_scores);
  select sum(max_score) into v_max from public.rating_criteria where round_id = r.round_id;
  select count(*)::smallint into v_star from unnest(rr.star_bands) b where b <= v_total * 100 / v_max;
  update public.ratings set review_total = v_total, star_level = v_star, status = 'reviewed',
                           reviewed_by = auth.uid(), reviewed_at = now()
   where id = r.id;
  update public.rating_scores s set review_score = (p_scores ->> s.criterion_id::text)::numeric where s.rating_id = r.id;
  return v_star;
end $$;

create or replace function public.award_rating(p_rating_id bigint) returns text
language plpgsql security definer set search_path = '' as $$
declare
  r public.ratings;
  rr public.rating_rounds;
  v_no text;
begin
  select * into r from public.ratings where id = p_rating_id for update;
  if r.id is null or not (r.unit_id in (select unnest(private.managed_unit_ids()))) then
    raise exception 'rating not found in your scope' using errcode = '42501';
  end if;
  select * into rr from public.rating_rounds where id = r.round_id for share;
  if rr.closed then
    raise exception 'the round is closed' using errcode = '23514', hint = 'rating_round_closed';
  end if;
  if r.status <> 'reviewed' then
    raise exception 'only a reviewed rating is awarded' using errcode = '23514', hint = 'rating_not_reviewed';
  end if;
  if r.star_level >= 3 then
    v_no := format('PX%s-%s-%s', rr.year, r.star_level, lpad(nextval('public.rating_certificate_seq')::text, 4, '0'));
  end if;
  update public.ratings set status = 'awarded', awarded_by = auth.uid(), awarded_at = now(), certificate_no = v_no
   where id = r.id;
  return v_no;
end $$;

revoke execute on function public.review_rating(bigint, jsonb), public.award_rating(bigint) from public, anon;
grant execute on function public.review_rating(bigint, jsonb), public.award_rating(bigint) to authenticated;
