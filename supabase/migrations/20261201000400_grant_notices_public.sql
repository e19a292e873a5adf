-- 公示 without signing in (issue 9): public.grant_notices() is the ONLY object anon may execute. It returns
-- what is meant to be published — project, team, street, amount, purpose, notice dates and how to object —
-- for applications in their notice period, and those approved in the last 30 days (district day). Nothing
-- else about money, people or the workflow is reachable without signing in.
create or replace function public.grant_notices()
returns table (application_id bigint, title text, team_name text, street_name text, project_name text,
               purpose public.budget_purpose, amount_fen bigint, notice_start date, notice_end date,
               status public.application_status, objection_contact text)
language sql stable security definer set search_path = '' as $$
  select a.id, a.title, t.name, s.name, p.name, a.purpose, a.amount_requested_fen, a.notice_start, a.notice_end,
         a.status, (select f.objection_contact from public.fund_settings f)
    from public.grant_applications a
    join public.org_units t on t.id = a.team_id
    left join public.org_units s on s.id = t.street_id
    left join public.projects p on p.id = a.project_id
   where a.notice_start is not null
     and (a.status = 'in_notice'
          or (a.status = 'approved' and exists (
                select 1 from public.application_transitions x
                 where x.application_id = a.id and x.to_status = 'approved'
                   and private.district_day(x.at) >= private.district_today() - 30)))
   order by a.notice_end desc, a.id desc
$$;
comment on function public.grant_notices() is '公示: applications in notice (and approved in the last 30 days) — the only function anon may call';
revoke execute on function public.grant_notices() from public;
grant execute on function public.grant_notices() to anon, authenticated;
