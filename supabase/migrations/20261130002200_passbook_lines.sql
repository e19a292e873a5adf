-- The passbook newest first, a page at a time (issue 8: "the passbook lists newest first with paging and
-- prints a chosen date range"). The running balance after each entry was computed in the browser from the
-- whole history, oldest first; a page of the newest entries cannot know it. This view carries it:
-- balance_after = the sum of the person's entries up to and including this one (created_at, id order).
-- security_invoker, so points_ledger's policies decide which people's lines a caller sees; a query filters
-- on volunteer_id, the window's partition key, so the filter is applied before the window.
create view public.points_ledger_lines with (security_invoker = true) as
select l.id, l.volunteer_id, l.entry_type, l.points, l.service_record_id, l.reward_id, l.quantity,
       l.reverses_entry_id, l.note, l.created_at,
       sum(l.points) over (partition by l.volunteer_id order by l.created_at, l.id)::bigint as balance_after
  from public.points_ledger l;
comment on view public.points_ledger_lines is '积分存折 lines with the balance after each entry';
revoke all on public.points_ledger_lines from public, anon;
grant select on public.points_ledger_lines to authenticated;
