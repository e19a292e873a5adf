// The signed-in user's grants (RPC my_scope), loaded once per sign-in and shared by the access
// control provider, menus and list filters.
import { useEffect, useState } from "react";
import type { ScopeGrant } from "../domain/scope";
import { supabaseClient } from "./supabase";

let cached: Promise<ScopeGrant[]> | undefined;

export function loadScope(): Promise<ScopeGrant[]> {
  cached ??= (async () => {
    const { data: session } = await supabaseClient.auth.getSession();
    if (!session.session) return [];
    const { data, error } = await supabaseClient.rpc("my_scope");
    if (error) {
      cached = undefined;
      throw error;
    }
    return (data ?? []) as ScopeGrant[];
  })();
  return cached;
}

export function clearScope() {
  cached = undefined;
}

export function useScope(): { scope: ScopeGrant[]; loading: boolean } {
  const [state, setState] = useState<{ scope: ScopeGrant[]; loading: boolean }>({ scope: [], loading: true });
  useEffect(() => {
    let live = true;
    loadScope()
      .then((scope) => live && setState({ scope, loading: false }))
      .catch(() => live && setState({ scope: [], loading: false }));
    return () => {
      live = false;
    };
  }, []);
  return state;
}
