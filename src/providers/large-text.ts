// The 长辈版 / 大字模式 state the frame shows, without Refine: the root's theme (components/Frame.tsx)
// reads it before anyone is signed in; providers/preferences.ts loads and saves it per person.
import { useSyncExternalStore } from "react";
import { LARGE_TEXT_CLASS } from "../theme";

// The value the frame applies, shared by every caller of useLargeText and read by the root theme.
// `pending` holds a switch the database has not confirmed yet; `loading`, that the person's setting is still
// being read.
export const state: { applied: boolean; pending: boolean | undefined; rowOf: string | undefined; loading: boolean } = {
  applied: false, pending: undefined, rowOf: undefined, loading: false,
};
const listeners = new Set<() => void>();

export function publish(patch: Partial<typeof state>) {
  Object.assign(state, patch);
  const on = state.pending ?? state.applied;
  if (typeof document !== "undefined") document.documentElement.classList.toggle(LARGE_TEXT_CLASS, on);
  listeners.forEach((l) => l());
}

export function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}
const snapshot = () => state.pending ?? state.applied;

/** The large-text state the theme should show now (for the root of the app; pages use useLargeText). */
export function useLargeTextApplied(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}

/** Back to normal text when nobody is signed in (the frame calls it as it unmounts on sign-out). */
export function resetLargeText() {
  publish({ applied: false, pending: undefined, rowOf: undefined, loading: false });
}
