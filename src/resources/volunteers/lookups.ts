// Reference lists (talent categories, guidance groups) shared by the volunteer pages.
import { useList } from "@refinedev/core";
import type { NamedRef } from "../../types/app";

export function useLookups() {
  const categories = useList<NamedRef>({ resource: "talent_categories", pagination: { mode: "off" }, sorters: [{ field: "sort_order", order: "asc" }] });
  const groups = useList<NamedRef>({ resource: "guidance_groups", pagination: { mode: "off" }, sorters: [{ field: "id", order: "asc" }] });
  const toMap = (rows: NamedRef[] | undefined) => new Map((rows ?? []).map((r) => [r.id, r.name]));
  return {
    categories: categories.result?.data ?? [],
    groups: groups.result?.data ?? [],
    categoryName: toMap(categories.result?.data),
    groupName: toMap(groups.result?.data),
  };
}
