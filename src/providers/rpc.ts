// One way for pages to call an RPC (or an edge function): the refusal becomes the one mapped message in
// the user's language (errorMessage), success may say what happened, and the caller learns which it was.
// A write that creates records or moves points carries a request key (useRequestKey): the database does
// it once per key, so a lost answer is retried safely, once, with the same key; a deadlock or
// serialization failure (rolled back as a whole) is retried once too before the user is asked to.
import { FunctionsHttpError } from "@supabase/supabase-js";
import { App } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { errorKey, isRetryable, type BackendError } from "../domain/errors";
import { errorMessage } from "./data";
import { supabaseClient } from "./supabase";

export type RpcResult<T> = { ok: true; data: T } | { ok: false };

/** A fresh client request key (uuid v4), also where crypto.randomUUID is missing (plain http). */
export function newRequestKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** One request key per opening of a dialog: every submission (and retry) of that dialog sends it. */
export function useRequestKey(open: boolean): string {
  const [key, setKey] = useState(newRequestKey);
  useEffect(() => {
    if (open) setKey(newRequestKey());
  }, [open]);
  return key;
}

/** Whether a failed call may be sent again as it is: a rolled-back conflict always; a lost answer
 *  only when the call carries a request key (the database then does it at most once). */
export function mayRetry(error: BackendError, args: Record<string, unknown>): boolean {
  return isRetryable(error) || (!!args.p_request_key && errorKey(error) === "errors.network");
}

/** Calls an RPC, retrying once when mayRetry says so. */
export async function callRpc<T = unknown>(fn: string, args: Record<string, unknown>): Promise<{ data: T | null; error: BackendError | null }> {
  const first = await supabaseClient.rpc(fn, args);
  if (!first.error || !mayRetry(first.error, args)) return first;
  return supabaseClient.rpc(fn, args);
}

/**
 * An edge function's refusal as the error mapping reads it. A function answers JSON with a `code`
 * (a GoTrue code, a PostgREST/SQLSTATE code from the write it made with the caller's JWT, or its own)
 * and a message, at the top level or under `error`; network and relay failures keep their names.
 */
export async function functionError(error: unknown): Promise<BackendError> {
  if (error instanceof FunctionsHttpError) {
    const response = error.context as Response;
    const body = (await response.clone().json().catch(() => ({}))) as Record<string, unknown>;
    const inner = (typeof body.error === "object" && body.error ? body.error : body) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === "string" ? v : undefined);
    return {
      code: text(inner.code) ?? text(inner.error_code) ?? text(body.code),
      message: text(inner.message) ?? text(inner.msg) ?? text(body.error) ?? error.message,
      details: text(inner.details) ?? null,
      hint: text(inner.hint) ?? null,
      status: response.status,
    };
  }
  const e = error as { name?: string; message?: string };
  return { name: e?.name, message: e?.message };
}

/** Invokes an edge function (`/functions/v1/<name>`) with the caller's session; a refusal as functionError reads it. */
async function invokeFunction<T = unknown>(fn: string, body: Record<string, unknown>): Promise<{ data: T | null; error: BackendError | null }> {
  const { data, error } = await supabaseClient.functions.invoke<T>(fn, { body });
  return { data, error: error ? await functionError(error) : null };
}

type Call = <T>(name: string, args: Record<string, unknown>) => Promise<{ data: T | null; error: BackendError | null }>;

/** A call whose refusal is shown as the one mapped message and whose success may say what happened. */
function useAction(call: Call) {
  const { message } = App.useApp();
  return useCallback(
    async <T = unknown>(name: string, args: Record<string, unknown>, success?: (data: T) => string): Promise<RpcResult<T>> => {
      const { data, error } = await call<T>(name, args);
      if (error) {
        message.error(errorMessage(error));
        return { ok: false };
      }
      if (success) message.success(success(data as T));
      return { ok: true, data: data as T };
    },
    [call, message],
  );
}

/** An RPC through callRpc (one retry where safe). */
export function useRpcAction() {
  return useAction(callRpc);
}

/** The same for Supabase Edge Functions. */
export function useFunctionAction() {
  return useAction(invokeFunction);
}

/**
 * Reads the rows of an RPC (statistics) and keeps them; refetches when the arguments change (showing
 * nothing meanwhile) or when `refreshKey` changes (keeping the last rows until the new ones arrive).
 */
export function useRpcQuery<T>(fn: string, args: Record<string, unknown>, options: { enabled?: boolean; refreshKey?: unknown } = {}):
  { data: T[] | undefined; error?: string } {
  const { enabled = true, refreshKey } = options;
  const [state, setState] = useState<{ data: T[] | undefined; error?: string }>({ data: undefined });
  const key = JSON.stringify(args);
  const fetched = useRef<string>(undefined);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    if (fetched.current !== key) setState({ data: undefined });
    fetched.current = key;
    supabaseClient.rpc(fn, JSON.parse(key)).then(({ data, error }) => {
      if (live) setState(error ? { data: [], error: errorMessage(error) } : { data: (data ?? []) as T[] });
    });
    return () => {
      live = false;
    };
  }, [fn, key, enabled, refreshKey]);
  return state;
}
