// The signed-in user's grants (RPC my_scope), loaded once per sign-in and shared by the access
// control provider, menus and list filters.
import { useEffect, useState } from "react";
import type { ScopeGrant } from "../domain/scope";
import { supabaseClient } from "./supabase";

let cached: Promise<ScopeGrant[]> | undefined;
/** The grants once they have arrived, so a page rendered after that has them at once (no loading render). */
let known: ScopeGrant[] | undefined;
/** Counts sign-outs (clearScope), so grants that arrive after one are not kept. */
let generation = 0;

export function loadScope(): Promise<ScopeGrant[]> {
  if (cached) return cached;
  const mine = generation;
  cached = (async () => {
    const { data: session } = await supabaseClient.auth.getSession();
    if (!session.session) return [];
    const { data, error } = await supabaseClient.rpc("my_scope");
    if (error) {
      if (mine === generation) cached = undefined;
      throw error;
    }
    const grants = (data ?? []) as ScopeGrant[];
    // not if the person signed out (clearScope) while this was on its way
    if (mine === generation) known = grants;
    return grants;
  })();
  return cached;
}

export function clearScope() {
  cached = undefined;
  known = undefined;
  generation++;
}

export function useScope(): { scope: ScopeGrant[]; loading: boolean } {
  const [state, setState] = useState<{ scope: ScopeGrant[]; loading: boolean }>(() => (known ? { scope: known, loading: false } : { scope: [], loading: true }));
  useEffect(() => {
    let live = true;
    loadScope()
      // the same grants as shown already: no second render
      .then((scope) => live && setState((s) => (s.scope === scope && !s.loading ? s : { scope, loading: false })))
      .catch(() => live && setState({ scope: [], loading: false }));
    return () => {
      live = false;
    };
  }, []);
  return state;
}
