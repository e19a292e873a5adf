// The one way pages reach Supabase Storage: voucher files (凭证) in the private bucket `vouchers`, under
// `<grant_id>/<tranche_id>/<uuid>.<ext>`. The bucket's policies on storage.objects decide who may upload
// (the grantee, into its own grant's folder) and read (finance in scope, the organisation department, the
// grantee); the voucher's row is written by the add_voucher RPC after the file is stored.
import type { BackendError } from "../domain/errors";
import { supabaseClient } from "./supabase";

const BUCKET = "vouchers";

export type StorageResult<T> = { data: T; error: null } | { data: null; error: BackendError };

/** A Storage refusal in the shape the error mapping reads (status 403 → forbidden, 413 → too large…). */
function storageError(e: unknown): BackendError {
  const x = (e ?? {}) as { message?: string; statusCode?: string | number; status?: number; error?: string; name?: string };
  const status = Number(x.statusCode ?? x.status) || undefined;
  return {
    name: x.name,
    message: x.message,
    status,
    code: status === 403 || status === 401 ? "42501" : status === 413 ? "storage_too_large" : status === 415 ? "storage_bad_type"
      : status === 409 ? "23505" : x.error,
  };
}

/** Stores one voucher file (never overwriting one that exists). */
export async function uploadVoucherFile(path: string, file: File | Blob, contentType: string): Promise<StorageResult<string>> {
  const { data, error } = await supabaseClient.storage.from(BUCKET).upload(path, file, { contentType, upsert: false, cacheControl: "3600" });
  if (error) return { data: null, error: storageError(error) };
  return { data: data.path, error: null };
}

/** Removes a stored voucher file whose row could not be written (so no orphan file is left). */
export async function removeVoucherFile(path: string): Promise<void> {
  await supabaseClient.storage.from(BUCKET).remove([path]);
}

/** A short-lived link to open a voucher file (5 minutes). */
export async function voucherFileUrl(path: string, download?: string): Promise<StorageResult<string>> {
  const { data, error } = await supabaseClient.storage.from(BUCKET).createSignedUrl(path, 300, download ? { download } : undefined);
  if (error || !data) return { data: null, error: storageError(error) };
  return { data: data.signedUrl, error: null };
}
