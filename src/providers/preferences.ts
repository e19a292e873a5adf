// Per-person display preferences, kept in public.user_settings (own row only, RLS): today the
// 长辈版 / 大字模式 switch. Read and written through Refine's data hooks; the switch is optimistic
// (the page grows at once, the database follows) and remembered per user, not per browser.
// The frame (AppLayout) reads and saves the setting, once (useLargeTextSetting); the switches on the
// pages use the shared state (useLargeText), without Refine hooks of their own: on a phone each set
// of them cost a noticeable part of the leader's first screen (tests/bench/phone.ts).
// The root of the app listens to the applied value (providers/large-text.ts) to pick the theme.
import { useCreate, useGetIdentity, useList, useUpdate } from "@refinedev/core";
import { useCallback, useEffect, useSyncExternalStore } from "react";
import { errorMessage } from "./data";
import { t } from "./i18n";
import { publish, state, subscribe, useLargeTextApplied } from "./large-text";
import type { Tables } from "../types/database";

export type UserSettings = Tables<"user_settings">;

const RESOURCE = "user_settings";

export { resetLargeText, useLargeTextApplied } from "./large-text";

// One write at a time, in order (see setLargeText).
let writes: Promise<unknown> = Promise.resolve();
const lastSeenKey = (userId: string) => `largeText:${userId}`;
function remember(userId: string, on: boolean) {
  try {
    localStorage.setItem(lastSeenKey(userId), on ? "1" : "0");
  } catch {
    // storage full or refused: the database still has it
  }
}
/** The frame's save function, for the switches on the pages. */
let save: ((on: boolean) => void) | undefined;

/** Reads the signed-in person's 长辈版 setting and keeps the save function: the frame calls this, once. */
export function useLargeTextSetting(): void {
  const { data: identity } = useGetIdentity<{ id: string }>();
  const userId = identity?.id;
  const { result, query } = useList<UserSettings>({
    resource: RESOURCE,
    // RLS shows only one's own row; the filter also keys the cache by person.
    filters: [{ field: "user_id", operator: "eq", value: userId }],
    pagination: { mode: "off" },
    queryOptions: { enabled: !!userId },
  });
  const row = result?.data?.[0];
  const { mutateAsync: create } = useCreate<UserSettings>();
  const { mutateAsync: update } = useUpdate<UserSettings>();

  // what this person had last time on this browser shows at once (no jump to large text a second later);
  // the database's answer follows and is what counts
  useEffect(() => {
    if (!userId || query.isSuccess || state.pending !== undefined) return;
    const last = localStorage.getItem(lastSeenKey(userId));
    if (last !== null) publish({ applied: last === "1" });
  }, [userId, query.isSuccess]);
  useEffect(() => {
    if (!userId || !query.isSuccess) return;
    const on = row?.large_text ?? false;
    remember(userId, on);
    publish({ applied: on, rowOf: row ? userId : state.rowOf === userId ? userId : undefined });
  }, [userId, query.isSuccess, row]);

  const setLargeText = useCallback(
    (on: boolean) => {
      if (!userId) return;
      const errorNotification = (e?: unknown) => ({ type: "error" as const, message: t("frame.largeTextSaveFailed"), description: errorMessage(e) });
      publish({ pending: on });
      // One write at a time, in order: the first switch creates the row, later ones update it.
      writes = writes.then(async () => {
        try {
          if (state.rowOf === userId) {
            await update({ resource: RESOURCE, id: userId, values: { large_text: on }, meta: { idColumnName: "user_id" }, successNotification: false, errorNotification });
          } else {
            await create({ resource: RESOURCE, values: { large_text: on }, successNotification: false, errorNotification });
          }
          remember(userId, on);
          publish({ applied: on, rowOf: userId });
        } catch {
          // the error notification comes from Refine; the screen shows what the database holds
        } finally {
          if (state.pending === on) publish({ pending: undefined });
        }
      });
    },
    [userId, create, update],
  );

  // the switches work once the setting is read: before that a tap would guess whether to create or update
  const ready = !!userId && query.isSuccess;
  useEffect(() => {
    if (!ready) return undefined;
    save = setLargeText;
    return () => {
      if (save === setLargeText) save = undefined;
    };
  }, [ready, setLargeText]);
  const loading = !ready && !query.isError;
  useEffect(() => {
    if (state.loading !== loading) publish({ loading });
  }, [loading]);
}

const loadingNow = () => state.loading;

/**
 * 长辈版 for the signed-in person, inside the frame: `largeText` is what the screen shows; `setLargeText`
 * switches at once and saves in the background (a refused save switches back and Refine shows the error).
 */
export function useLargeText(): { largeText: boolean; setLargeText: (on: boolean) => void; toggle: () => void; loading: boolean } {
  const largeText = useLargeTextApplied();
  const loading = useSyncExternalStore(subscribe, loadingNow, () => false);
  const setLargeText = useCallback((on: boolean) => save?.(on), []);
  return { largeText, setLargeText, toggle: () => setLargeText(!largeText), loading };
}
