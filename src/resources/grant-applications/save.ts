// Saving a draft application through the table API (column grants let a team's leader write only the
// draft's own columns; a trigger fills who and when) and its itemised budget, then — when asked —
// submitting it (RPC submit_application, which checks that the items add up and targets are set).
import { useCreate, useCreateMany, useDeleteMany, useInvalidate, useUpdate } from "@refinedev/core";
import { App } from "antd";
import { useCallback } from "react";
import { errorMessage } from "../../providers/data";
import { callRpc } from "../../providers/rpc";
import type { ApplicationValues } from "./form";

const quiet = { successNotification: false, errorNotification: false } as const;

function columns(v: ApplicationValues) {
  return {
    purpose: v.purpose,
    project_id: v.purpose === "venue" ? null : v.project_id ?? null,
    venue_name: v.purpose === "venue" ? v.venue_name?.trim() || null : null,
    activity: v.activity?.trim() || null,
    title: v.title.trim(),
    summary: v.summary?.trim() || null,
    amount_requested_fen: v.amount_requested_fen,
    period_start: v.period_start?.format("YYYY-MM-DD"),
    period_end: v.period_end?.format("YYYY-MM-DD"),
    target_hours: v.target_hours ?? 0,
    target_people: v.target_people ?? 0,
    target_activities: v.target_activities ?? 0,
  };
}

/** Saves (creates, or replaces the draft's columns and items) and optionally submits; resolves to the id, or undefined after a refusal (shown). */
export function useSaveApplication() {
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const { mutateAsync: create } = useCreate();
  const { mutateAsync: update } = useUpdate();
  const { mutateAsync: createMany } = useCreateMany();
  const { mutateAsync: deleteMany } = useDeleteMany();
  return useCallback(async (values: ApplicationValues, submit: boolean, existing?: { id: number; itemIds: number[] }): Promise<number | undefined> => {
    try {
      let id = existing?.id;
      if (id === undefined) {
        const r = await create({ resource: "grant_applications", values: { team_id: values.team_id, ...columns(values) }, meta: { select: "id" }, ...quiet });
        id = Number(r.data.id);
      } else {
        await update({ resource: "grant_applications", id, values: columns(values), meta: { select: "id" }, ...quiet });
        if (existing?.itemIds.length) await deleteMany({ resource: "application_budget_items", ids: existing.itemIds, ...quiet });
      }
      if (values.items.length) {
        await createMany({
          resource: "application_budget_items", ...quiet,
          values: values.items.map((i, n) => ({ application_id: id, item: i.item.trim(), amount_fen: i.amount_fen, sort_order: n })),
        });
      }
      if (submit) {
        const { error } = await callRpc("submit_application", { p_id: id, p_reason: null });
        if (error) {
          // the draft is kept; the page opens it so the leader can correct it
          message.error(errorMessage(error));
          await invalidate({ resource: "grant_applications", invalidates: ["resourceAll"] });
          return -id;
        }
      }
      for (const resource of ["grant_applications", "application_budget_items", "application_transitions", "funds_action_counts"]) {
        await invalidate({ resource, invalidates: ["resourceAll"] });
      }
      return id;
    } catch (e) {
      // the data provider's errors arrive mapped already (an HttpError's message)
      message.error((e as { statusCode?: number; message?: string }).statusCode ? String((e as { message?: string }).message) : errorMessage(e));
      return undefined;
    }
  }, [create, update, createMany, deleteMany, invalidate, message]);
}
