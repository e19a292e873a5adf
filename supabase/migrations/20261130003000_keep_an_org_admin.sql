-- The district always keeps an organisation-department administrator (组织部管理员). An org admin could
-- revoke their own last org_admin grant, or the district's last one, and lock everybody out of the
-- organisation tree, the staff page and every district-wide figure: only a database operator could
-- have granted it again. Now revoking an org_admin grant is refused
--   * when it is the caller's own last active org_admin grant (hint role_grants_own_last_admin): an
--     administrator steps down by asking another one, who then holds the role;
--   * when no other active org_admin grant held by an account (a pending invitation holds nothing yet)
--     would remain over that district (hint role_grants_last_org_admin).
-- Two admins revoking each other at once would each see the other's grant still active: revocations of
-- org_admin grants of one district take a transaction-level advisory lock on the district first, so the
-- second one re-reads after the first commits (read committed: each statement takes a new snapshot).
-- This is the only lock the path takes besides the row itself, so it cannot join a cycle.
create or replace function private.role_grants_keep_an_org_admin() returns trigger
language plpgsql security definer set search_path = '' as $$
begin
  if old.role <> 'org_admin' or old.revoked_at is not null or new.revoked_at is null then
    return new;
  end if;
  perform pg_advisory_xact_lock(hashtextextended('role_grants_org_admin:' || old.org_unit_id::text, 0));
  if old.user_id = (select auth.uid()) and not exists (
       select 1 from public.role_grants g
        where g.user_id = old.user_id and g.role = 'org_admin' and g.revoked_at is null and g.id <> old.id) then
    raise exception 'you cannot revoke your own last organisation-department administrator grant'
      using errcode = '23514', hint = 'role_grants_own_last_admin';
  end if;
  if not exists (
       select 1 from public.role_grants g
        where g.org_unit_id = old.org_unit_id and g.role = 'org_admin' and g.revoked_at is null
          and g.user_id is not null and g.id <> old.id) then
    raise exception 'the district would have no organisation-department administrator left'
      using errcode = '23514', hint = 'role_grants_last_org_admin';
  end if;
  return new;
end $$;
revoke all on function private.role_grants_keep_an_org_admin() from public, anon, authenticated;

-- Runs after role_grants_check (triggers fire in name order), which has already frozen every other column.
create trigger role_grants_keep_an_org_admin before update of revoked_at on public.role_grants
  for each row execute function private.role_grants_keep_an_org_admin();
