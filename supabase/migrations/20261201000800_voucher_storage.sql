-- Vouchers (凭证) in Supabase Storage (issue 9): a private bucket `vouchers` and policies on storage.objects.
-- Object names are <grant_id>/<tranche_id>/<uuid>.<ext> (ASCII only: the original name is kept in
-- grant_vouchers.file_name). Who may:
--   upload (insert): the grantee — a leader of the grant's team — into the folder of a PAID tranche of its own
--                    grant (vouchers come after the money), while the grant is active or completed;
--   read (select):   finance whose scope holds the grant's team, and the organisation department;
--   overwrite, remove: nobody (no update/delete policy; service_role bypasses RLS for maintenance).
-- A leader sees its vouchers as rows (grant_vouchers), not the files; nobody else reads them. The size and type
-- limits are the bucket's (10 MB; JPEG, PNG, WebP, HEIC, PDF), enforced by the Storage server.
-- Applies unchanged on a hosted project: `postgres` may insert bucket rows and create policies on
-- storage.objects there (RLS is already enabled; altering the table is not allowed and not done here).

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('vouchers', 'vouchers', false, 10 * 1024 * 1024,
        array['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'])
on conflict (id) do update set public = excluded.public, file_size_limit = excluded.file_size_limit,
  allowed_mime_types = excluded.allowed_mime_types;

-- The grant and tranche an object name points at, or nulls for a name that is not <digits>/<digits>/<file>
-- (a malformed path is a refusal, never a cast error).
create or replace function private.voucher_path_ids(p_name text, out grant_id bigint, out tranche_id bigint)
language sql immutable set search_path = '' as $$
  select case when p_name ~ '^[0-9]{1,18}/[0-9]{1,18}/[^/]+$' then split_part(p_name, '/', 1)::bigint end,
         case when p_name ~ '^[0-9]{1,18}/[0-9]{1,18}/[^/]+$' then split_part(p_name, '/', 2)::bigint end
$$;

create or replace function private.can_upload_voucher(p_name text) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from private.voucher_path_ids(p_name) p
      join public.grants g on g.id = p.grant_id
      join public.grant_tranches t on t.id = p.tranche_id and t.grant_id = g.id
     where t.status = 'paid' and g.status in ('active', 'completed')
       and g.team_id = any (private.led_team_ids()))
$$;

create or replace function private.can_read_voucher(p_name text) returns boolean
language sql stable security definer set search_path = '' as $$
  select exists (
    select 1 from private.voucher_path_ids(p_name) p
      join public.grants g on g.id = p.grant_id
     where g.team_id = any (private.finance_unit_ids()) or private.is_org_admin())
$$;

revoke all on function private.voucher_path_ids(text), private.can_upload_voucher(text), private.can_read_voucher(text) from public, anon;
grant execute on function private.voucher_path_ids(text), private.can_upload_voucher(text), private.can_read_voucher(text) to authenticated;

drop policy if exists vouchers_insert_grantee on storage.objects;
drop policy if exists vouchers_select_finance on storage.objects;
create policy vouchers_insert_grantee on storage.objects for insert to authenticated
  with check (bucket_id = 'vouchers' and private.can_upload_voucher(name));
create policy vouchers_select_finance on storage.objects for select to authenticated
  using (bucket_id = 'vouchers' and private.can_read_voucher(name));
