-- What a hosted Supabase project already provides and a plain PostgreSQL lacks.
-- Set-up of the local stack only: never a migration. Runs as the bootstrap superuser
-- `supabase_admin` (as on hosted, where it owns the platform); migrations and the seed then run as
-- `postgres`, which is NOT a superuser: BYPASSRLS, CREATEROLE, CREATEDB, owner of the database,
-- member of anon / authenticated / service_role with admin option. Passwords are set by the stack.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'postgres') then
    create role postgres login;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'supabase_auth_admin') then
    create role supabase_auth_admin nologin noinherit createrole;
  end if;
end $$;

alter role postgres with login nosuperuser createrole createdb replication bypassrls;
alter database postgres owner to postgres;
grant anon, authenticated, service_role to postgres with admin option;

-- Hosted's role settings. PostgREST applies the impersonated role's settings on every request.
alter role authenticated set statement_timeout = '8s';
alter role anon set statement_timeout = '3s';
alter role authenticator set lock_timeout = '8s';

grant anon, authenticated, service_role to authenticator;

create schema if not exists extensions authorization postgres;
grant usage on schema extensions to anon, authenticated, service_role;
create extension if not exists pgcrypto with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;

set role postgres;
grant usage on schema public to anon, authenticated, service_role;
-- No automatic privileges on new objects, as on a hosted project created today: every migration grants
-- explicitly. The revokes undo the automatic grants of data folders made by earlier versions of this file.
alter default privileges in schema public revoke all on tables from anon, authenticated, service_role;
alter default privileges in schema public revoke all on functions from anon, authenticated, service_role;
alter default privileges in schema public revoke all on sequences from anon, authenticated, service_role;

reset role;
alter role anon set search_path = public, extensions;
alter role authenticated set search_path = public, extensions;
alter role service_role set search_path = public, extensions;
alter role postgres set search_path = public, extensions;

create schema if not exists auth authorization supabase_auth_admin;
grant usage on schema auth to anon, authenticated, service_role, postgres;

create table if not exists auth.users (
  instance_id uuid,
  id uuid primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text,
  phone_confirmed_at timestamptz,
  banned_until timestamptz,
  deleted_at timestamptz,
  is_sso_user boolean not null default false,
  is_anonymous boolean not null default false
);
create unique index if not exists users_email_key on auth.users (lower(email));

create table if not exists auth.refresh_tokens (
  instance_id uuid,
  id bigserial primary key,
  token varchar(255) unique,
  user_id varchar(255),
  revoked boolean,
  created_at timestamptz,
  updated_at timestamptz,
  parent varchar(255),
  session_id uuid
);
create index if not exists refresh_tokens_session_idx on auth.refresh_tokens (session_id);

create or replace function auth.uid() returns uuid language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email() returns text language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

create or replace function auth.jwt() returns jsonb language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt() to anon, authenticated, service_role, postgres;

-- The auth schema belongs to Supabase Auth. `postgres` may read and write its rows and create
-- triggers and foreign keys on them (as on hosted), but not alter, drop or add tables there.
do $$
declare r record;
begin
  for r in select c.oid::regclass as rel from pg_class c
           where c.relnamespace = 'auth'::regnamespace and c.relkind = 'r' loop
    execute format('alter table %s owner to supabase_auth_admin', r.rel);
  end loop;
  for r in select p.oid::regprocedure as fn from pg_proc p where p.pronamespace = 'auth'::regnamespace loop
    execute format('alter function %s owner to supabase_auth_admin', r.fn);
  end loop;
end $$;
grant all on all tables in schema auth to postgres;
grant usage, select on all sequences in schema auth to postgres;

-- `supabase db push` creates and fills supabase_migrations.* itself, as postgres (as on hosted).

-- ───────────────────────────── Storage ─────────────────────────────
-- The `storage` schema of a hosted project (Supabase Storage's own migrations create it there): tables
-- buckets and objects owned by `supabase_storage_admin`, RLS enabled on both with no policy (so anon and
-- authenticated see nothing until the project's migrations add policies), all privileges on the two
-- tables to anon / authenticated / service_role (RLS decides), and to postgres with grant option.
-- `postgres` may create, alter and drop POLICIES on storage.objects / storage.buckets, create triggers on
-- them, and read and write their rows (insert into storage.buckets creates a bucket), as on hosted; it
-- may not alter, drop or add tables or functions in this schema (hosted answers "must be owner of table
-- objects" to `alter table storage.objects enable row level security`): the event triggers below refuse
-- that DDL. Deleting rows of storage.objects / storage.buckets directly in SQL is refused as on hosted
-- (storage.protect_delete); the storage server sets storage.allow_delete_query for its own deletes.
-- The local storage server (supabase/local/storage.ts) logs in as supabase_storage_admin and runs every
-- request's queries as the JWT's role (anon / authenticated / service_role) with request.jwt.claims set.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'supabase_storage_admin') then
    create role supabase_storage_admin login noinherit createrole noreplication;
  end if;
end $$;
-- The storage server switches to the API roles through authenticator, as hosted's does.
grant authenticator to supabase_storage_admin;
-- Ownership privileges without SET ROLE: CREATE POLICY needs them (hosted grants policy rights on these
-- tables to postgres); everything else an owner could do is refused by storage.guard_ddl below.
grant supabase_storage_admin to postgres with inherit true, set false;
alter role supabase_storage_admin set search_path = storage;

create schema if not exists storage authorization supabase_admin;
grant usage on schema storage to postgres, anon, authenticated, service_role;
grant all on schema storage to supabase_storage_admin;

do $$
begin
  if not exists (select 1 from pg_type where typname = 'buckettype' and typnamespace = 'storage'::regnamespace) then
    create type storage.buckettype as enum ('STANDARD', 'ANALYTICS', 'VECTOR');
  end if;
end $$;

create table if not exists storage.buckets (
  id text primary key,
  name text not null,
  owner uuid,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  public boolean default false,
  avif_autodetection boolean default false,
  file_size_limit bigint,
  allowed_mime_types text[],
  owner_id text,
  type storage.buckettype not null default 'STANDARD'
);
comment on column storage.buckets.owner is 'Field is deprecated, use owner_id instead';
create unique index if not exists bname on storage.buckets using btree (name);

create table if not exists storage.objects (
  id uuid primary key default gen_random_uuid(),
  bucket_id text constraint "objects_bucketId_fkey" references storage.buckets (id),
  name text,
  owner uuid,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  last_accessed_at timestamptz default now(),
  metadata jsonb,
  path_tokens text[] generated always as (string_to_array(name, '/')) stored,
  version text,
  owner_id text,
  user_metadata jsonb
);
comment on column storage.objects.owner is 'Field is deprecated, use owner_id instead';
create unique index if not exists bucketid_objname on storage.objects using btree (bucket_id, name);
create index if not exists name_prefix_search on storage.objects using btree (name text_pattern_ops);

alter table storage.buckets enable row level security;
alter table storage.objects enable row level security;

-- Helpers for policies, as Supabase defines them: foldername('a/b/c.pdf') = {a,b}, filename = 'c.pdf',
-- extension = 'pdf'.
create or replace function storage.foldername(name text) returns text[] language plpgsql immutable as $$
declare _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[1:array_length(_parts, 1) - 1];
end
$$;

create or replace function storage.filename(name text) returns text language plpgsql immutable as $$
declare _parts text[];
begin
  select string_to_array(name, '/') into _parts;
  return _parts[array_length(_parts, 1)];
end
$$;

create or replace function storage.extension(name text) returns text language plpgsql immutable as $$
declare _parts text[]; _filename text;
begin
  select string_to_array(name, '/') into _parts;
  select _parts[array_length(_parts, 1)] into _filename;
  return reverse(split_part(reverse(_filename), '.', 1));
end
$$;

-- The operation the storage server is performing (e.g. 'object.upload'), for operation-aware policies.
create or replace function storage.operation() returns text language plpgsql stable as $$
begin
  return current_setting('storage.operation', true);
end
$$;

-- What POST /storage/v1/object/list/{bucket} runs, as the caller (security invoker: RLS decides):
-- the entries one level below `prefix` (which ends in '/' or is ''), folders with a null id.
create or replace function storage.search(
  prefix text, bucketname text, limits int default 100, levels int default 1, offsets int default 0,
  search text default '', sortcolumn text default 'name', sortorder text default 'asc'
) returns table (name text, id uuid, updated_at timestamptz, created_at timestamptz,
                 last_accessed_at timestamptz, metadata jsonb)
language plpgsql stable security invoker set search_path = '' as $$
declare
  v_start int := length(coalesce(prefix, '')) + 1;
  v_pattern text := replace(replace(replace(coalesce(prefix, '') || coalesce(search, ''), '\', '\\'), '%', '\%'), '_', '\_') || '%';
  v_col text := case lower(coalesce(sortcolumn, 'name'))
                  when 'updated_at' then 'updated_at' when 'created_at' then 'created_at'
                  when 'last_accessed_at' then 'last_accessed_at' else 'name' end;
  v_dir text := case when lower(coalesce(sortorder, 'asc')) = 'desc' then 'desc' else 'asc' end;
begin
  return query execute format($q$
    with hits as (
      select substr(o.name, $1) as rest, o.id, o.updated_at, o.created_at, o.last_accessed_at, o.metadata
      from storage.objects o
      where o.bucket_id = $2 and o.name ilike $3
    ), entries as (
      select split_part(h.rest, '/', 1) as name, null::uuid as id, null::timestamptz as updated_at,
             null::timestamptz as created_at, null::timestamptz as last_accessed_at, null::jsonb as metadata
      from hits h where strpos(h.rest, '/') > 0 group by 1
      union all
      select h.rest, h.id, h.updated_at, h.created_at, h.last_accessed_at, h.metadata
      from hits h where strpos(h.rest, '/') = 0
    )
    select * from entries e
    order by %s e.%I %s, e.name collate "C"
    limit $4 offset $5
  $q$, case when v_col = 'name' then '' else '(e.id is not null),' end, v_col, v_dir)
  using v_start, bucketname, v_pattern, least(greatest(coalesce(limits, 100), 1), 1000), greatest(coalesce(offsets, 0), 0);
end
$$;

create or replace function storage.update_updated_at_column() returns trigger language plpgsql as $$
begin
  new.updated_at = now();
  return new;
end
$$;
create or replace trigger update_objects_updated_at before update on storage.objects
  for each row execute function storage.update_updated_at_column();

create or replace function storage.enforce_bucket_name_length() returns trigger language plpgsql as $$
begin
  if length(new.name) > 100 then
    raise exception 'bucket name "%" is too long (% characters). Max is 100.', new.name, length(new.name);
  end if;
  return new;
end
$$;
create or replace trigger enforce_bucket_name_length_trigger before insert or update of name on storage.buckets
  for each row execute function storage.enforce_bucket_name_length();

-- As hosted: rows of storage.objects / storage.buckets are deleted through the Storage API (which also
-- removes the files), never by a plain DELETE.
create or replace function storage.protect_delete() returns trigger language plpgsql as $$
begin
  if coalesce(current_setting('storage.allow_delete_query', true), 'false') != 'true' then
    raise exception 'Direct deletion from storage tables is not allowed. Use the Storage API instead.'
      using hint = 'This prevents accidental data loss from orphaned objects.', errcode = '42501';
  end if;
  return null;
end
$$;
create or replace trigger protect_buckets_delete before delete on storage.buckets
  for each statement execute function storage.protect_delete();
create or replace trigger protect_objects_delete before delete on storage.objects
  for each statement execute function storage.protect_delete();

alter table storage.buckets owner to supabase_storage_admin;
alter table storage.objects owner to supabase_storage_admin;
do $$
declare r record;
begin
  for r in select p.oid::regprocedure as fn from pg_proc p
           where p.pronamespace = 'storage'::regnamespace and p.proname not in ('guard_ddl', 'guard_drop') loop
    execute format('alter function %s owner to supabase_storage_admin', r.fn);
  end loop;
end $$;
alter type storage.buckettype owner to supabase_storage_admin;

grant all on storage.buckets, storage.objects to anon, authenticated, service_role;
grant all on storage.buckets, storage.objects to postgres with grant option;
grant execute on all functions in schema storage to postgres, anon, authenticated, service_role;

-- postgres may manage policies and triggers on the storage tables, nothing else there (see above).
create or replace function storage.guard_ddl() returns event_trigger language plpgsql as $$
declare r record;
begin
  if session_user in ('supabase_admin', 'supabase_storage_admin') then
    return;
  end if;
  for r in select * from pg_event_trigger_ddl_commands() loop
    if r.schema_name = 'storage' and r.command_tag not in
       ('CREATE POLICY', 'ALTER POLICY', 'CREATE TRIGGER', 'ALTER TRIGGER', 'GRANT', 'REVOKE', 'COMMENT') then
      raise exception '%', case when r.command_tag like 'CREATE %' then 'permission denied for schema storage'
                                else format('must be owner of %s %s', lower(r.object_type), r.object_identity) end
        using errcode = '42501', hint = 'The storage schema belongs to Supabase Storage: migrations may add policies on storage.objects and rows to storage.buckets, nothing else.';
    end if;
  end loop;
end
$$;

create or replace function storage.guard_drop() returns event_trigger language plpgsql as $$
declare r record;
begin
  if session_user in ('supabase_admin', 'supabase_storage_admin') then
    return;
  end if;
  for r in select * from pg_event_trigger_dropped_objects() loop
    if r.schema_name = 'storage' and r.original and r.object_type not in ('policy', 'trigger') then
      raise exception 'must be owner of % %', r.object_type, r.object_identity using errcode = '42501';
    end if;
  end loop;
end
$$;
revoke execute on function storage.guard_ddl(), storage.guard_drop() from public, anon, authenticated, service_role;

do $$
begin
  if not exists (select 1 from pg_event_trigger where evtname = 'storage_guard_ddl') then
    create event trigger storage_guard_ddl on ddl_command_end execute function storage.guard_ddl();
  end if;
  if not exists (select 1 from pg_event_trigger where evtname = 'storage_guard_drop') then
    create event trigger storage_guard_drop on sql_drop execute function storage.guard_drop();
  end if;
end $$;
