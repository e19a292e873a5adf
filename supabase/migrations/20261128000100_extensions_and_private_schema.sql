-- Extensions used by the schema, and the private schema that holds RLS helper functions.
-- Hosted Supabase projects keep extensions in schema `extensions`.
create schema if not exists extensions;
create extension if not exists ltree with schema extensions;
create extension if not exists pg_trgm with schema extensions;
create extension if not exists pgcrypto with schema extensions;

-- Helpers for policies live here: not exposed through PostgREST (only `public` is).
create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to authenticated, service_role;

-- Keeps updated_at honest on every table that has one.
create or replace function private.touch_updated_at() returns trigger
language plpgsql set search_path = '' as $$
begin
  new.updated_at := now();
  return new;
end $$;
