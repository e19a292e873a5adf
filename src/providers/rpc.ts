// One way for pages to call an RPC (or an edge function): the refusal becomes the one mapped message in
// the user's language (errorMessage), success may say what happened, and the caller learns which it was.
// RPC names, arguments and results are typed from the generated Database["public"]["Functions"].
// Reads go through the data provider's `custom` (Refine's useCustom: cached, keyed by function name, so
// `invalidate({ resource: "<function>", invalidates: ["list"] })` or useRpcAction's `invalidates` refetch them).
// A write that creates records or moves points carries a request key (useRequestKey): the database does
// it once per key, so a lost answer is retried safely, once, with the same key; a deadlock or
// serialization failure (rolled back as a whole) is retried once too before the user is asked to.
import { FunctionsHttpError } from "@supabase/supabase-js";
import { useCustom, useInvalidate, type BaseRecord, type HttpError } from "@refinedev/core";
import { App } from "antd";
import { useCallback, useState } from "react";
import { errorKey, isRetryable, type BackendError } from "../domain/errors";
import type { Database } from "../types/database";
import { errorMessage } from "./data";
import { supabaseClient } from "./supabase";

export type RpcResult<T> = { ok: true; data: T } | { ok: false };

type Functions = Database["public"]["Functions"];
/** Every function the API exposes (schema public). */
export type RpcName = keyof Functions;
/** Its arguments (an empty object for a function without any). An argument with a default may also be
 *  sent as null (SQL arguments are nullable; the generator types only "may be left out"). */
export type RpcArgs<F extends RpcName> = [Functions[F]["Args"]] extends [never] ? Record<string, never> : NullableOptional<Functions[F]["Args"]>;
type NullableOptional<A> = { [K in keyof A]: undefined extends A[K] ? A[K] | null : A[K] };
/** What it returns (rows of a set-returning function as an array). */
export type RpcReturns<F extends RpcName> = Functions[F]["Returns"];

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
  // a new key as the dialog opens, computed while rendering (React's "adjust state when a prop changes")
  const [state, setState] = useState(() => ({ open, key: newRequestKey() }));
  if (state.open !== open) {
    const next = { open, key: open ? newRequestKey() : state.key };
    setState(next);
    return next.key;
  }
  return state.key;
}

/** Whether a failed call may be sent again as it is: a rolled-back conflict always; a lost answer
 *  only when the call carries a request key (the database then does it at most once). */
export function mayRetry(error: BackendError, args: Record<string, unknown>): boolean {
  return isRetryable(error) || (!!args.p_request_key && errorKey(error) === "errors.network");
}

type RpcResponse<T> = { data: T | null; error: BackendError | null };

/** Calls an RPC, retrying once when mayRetry says so. */
export async function callRpc<F extends RpcName>(fn: F, args: RpcArgs<F>): Promise<RpcResponse<RpcReturns<F>>> {
  const send = () => supabaseClient.rpc(fn, args as never) as unknown as Promise<RpcResponse<RpcReturns<F>>>;
  const first = await send();
  if (!first.error || !mayRetry(first.error, args as Record<string, unknown>)) return first;
  return send();
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

type Call = <T>(name: string, args: Record<string, unknown>) => Promise<RpcResponse<T>>;

/** A call whose refusal is shown as the one mapped message and whose success may say what happened;
 *  after a success the given resources (tables, views or RPC reads by function name) are refetched. */
function useAction(call: Call) {
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  return useCallback(
    async <T = unknown>(name: string, args: Record<string, unknown>, success?: (data: T) => string, invalidates: readonly string[] = []): Promise<RpcResult<T>> => {
      const { data, error } = await call<T>(name, args);
      if (error) {
        message.error(errorMessage(error));
        return { ok: false };
      }
      if (success) message.success(success(data as T));
      await Promise.all(invalidates.map((resource) => invalidate({ resource, invalidates: ["resourceAll"] })));
      return { ok: true, data: data as T };
    },
    [call, message, invalidate],
  );
}

/** The one typed RPC mutation: `run("redeem_reward", { …args }, (result) => "done", ["points_ledger"])`
 *  — name and arguments checked against the schema, one retry where safe (callRpc), the refusal shown as
 *  the mapped message, the listed resources invalidated after a success. */
export function useRpcAction() {
  const action = useAction(callRpc as unknown as Call);
  return useCallback(
    <F extends RpcName>(fn: F, args: RpcArgs<F>, success?: (data: RpcReturns<F>) => string, invalidates?: readonly string[]) =>
      action<RpcReturns<F>>(fn, args as Record<string, unknown>, success, invalidates),
    [action],
  );
}

/** The same for Supabase Edge Functions. */
export function useFunctionAction() {
  return useAction(invokeFunction);
}

/**
 * Reads the rows of an RPC (statistics) through the data provider's `custom` (Refine's useCustom, cached
 * under the key of a list of resource `fn`, so a write refetches it by invalidating that resource, e.g.
 * useRpcAction's `invalidates`); refetches when the arguments change. A refusal is returned as the one
 * mapped message (`error`) with no rows.
 */
export function useRpcQuery<T>(fn: RpcName, args: Record<string, unknown>, options: { enabled?: boolean } = {}):
  { data: T[] | undefined; error?: string } {
  const { enabled = true } = options;
  const { query } = useCustom<BaseRecord, HttpError>({
    url: fn,
    method: "post",
    config: { payload: args },
    errorNotification: false,
    queryOptions: { enabled, queryKey: rpcQueryKey(fn, args), retry: false },
  });
  if (query.error) return { data: [], error: query.error.message };
  return { data: query.data?.data as T[] | undefined };
}

/** The react-query key of an RPC read: that of a list of resource `fn` (so Refine's invalidate reaches it). */
export function rpcQueryKey(fn: RpcName, args: Record<string, unknown>): unknown[] {
  return ["data", "default", fn, "list", args];
}
