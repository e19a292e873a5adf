-- Separation of duties in granting roles (attack review of 1 Dec, F4): a street admin could grant itself
-- finance over its own street (role_grants_insert lets an admin grant any role inside its scope) and then read
-- and move the street's money, which DOMAIN.md keeps from admins. Two rules, for calls made as a signed-in
-- person (migrations, the seed and the database owner's tasks are not API calls):
--   * nobody grants a role to themselves (any role: a street admin making itself a team's leader could also
--     apply for that team's money and screen it) — hint role_grants_self;
--   * finance roles are granted by the organisation department only — hint role_grants_finance_by_org.
-- Fires after role_grants_check (triggers fire in name order), which has filled granted_by.
create or replace function private.role_grants_separation() returns trigger
language plpgsql security definer set search_path = '' as $$
declare
  me uuid := auth.uid();
begin
  if me is null then
    return new;
  end if;
  if exists (select 1 from auth.users u where u.id = me and lower(u.email) = lower(new.email)) then
    raise exception 'nobody grants a role to themselves' using errcode = '42501', hint = 'role_grants_self';
  end if;
  if new.role = 'finance' and not private.is_org_admin() then
    raise exception 'only the organisation department grants finance roles' using errcode = '42501', hint = 'role_grants_finance_by_org';
  end if;
  return new;
end $$;

create trigger role_grants_separation before insert on public.role_grants
  for each row execute function private.role_grants_separation();

revoke all on function private.role_grants_separation() from public, anon, authenticated;
