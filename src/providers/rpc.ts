// One way for pages to call an RPC: the database's refusal becomes the one mapped message in the
// user's language (errorMessage), success may say what happened, and the caller learns which it was.
import { App } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { errorMessage } from "./data";
import { supabaseClient } from "./supabase";

export type RpcResult<T> = { ok: true; data: T } | { ok: false };

export function useRpcAction() {
  const { message } = App.useApp();
  return useCallback(
    async <T = unknown>(fn: string, args: Record<string, unknown>, success?: (data: T) => string): Promise<RpcResult<T>> => {
      const { data, error } = await supabaseClient.rpc(fn, args);
      if (error) {
        message.error(errorMessage(error));
        return { ok: false };
      }
      if (success) message.success(success(data as T));
      return { ok: true, data: data as T };
    },
    [message],
  );
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
