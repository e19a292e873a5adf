// One way for pages to call an RPC: the database's refusal becomes the one mapped message in the
// user's language (errorMessage), success may say what happened, and the caller learns which it was.
import { App } from "antd";
import { useCallback } from "react";
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
