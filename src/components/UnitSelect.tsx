// Picks an org unit of given levels from the tree the user may read (optionally only managed ones).
import { useList, useTranslate } from "@refinedev/core";
import { Select, type SelectProps } from "antd";
import { useMemo } from "react";
import { canEditRoster, manages, type OrgLevel } from "../domain/scope";
import { useScope } from "../providers/scope";
import type { OrgUnit } from "../types/app";

interface Props extends Omit<SelectProps<number>, "options"> {
  levels: OrgLevel[];
  managedOnly?: boolean;
  /** only teams whose roster and service the user keeps (admins of the scope, the team's leaders) */
  keptOnly?: boolean;
  streetId?: number;
}

export function useOrgUnits() {
  const { result, query } = useList<OrgUnit>({
    resource: "org_units",
    pagination: { mode: "off" },
    sorters: [{ field: "path", order: "asc" }],
    meta: { select: "id,parent_id,level,name,description,established_on,district_id,street_id,community_id,active_member_count,sort_order" },
  });
  return { units: result?.data ?? [], loading: query.isLoading };
}

export function UnitSelect({ levels, managedOnly, keptOnly, streetId, ...rest }: Props) {
  const translate = useTranslate();
  const { units, loading } = useOrgUnits();
  const { scope } = useScope();
  const options = useMemo(() => {
    const byId = new Map(units.map((u) => [u.id, u]));
    return units
      .filter((u) => levels.includes(u.level) && (!managedOnly || manages(scope, u)) && (!keptOnly || canEditRoster(scope, u))
        && (!streetId || u.street_id === streetId))
      .map((u) => {
        const parent = u.parent_id ? byId.get(u.parent_id) : undefined;
        // A team under a community also names its street ("街道 / 社区 / 团队"): names repeat across streets.
        const street = u.level === "team" && u.street_id && u.street_id !== u.parent_id ? byId.get(u.street_id) : undefined;
        const prefix = u.level === "team" || u.level === "community" ? `${street ? `${street.name} / ` : ""}${parent?.name ?? ""} / ` : "";
        return { value: u.id, label: `${prefix}${u.name}`, title: translate(`levels.${u.level}`) };
      });
  }, [units, levels, managedOnly, keptOnly, scope, streetId, translate]);
  // a filter's select has no visible label: its placeholder names it for screen readers (inside a
  // Form.Item the item's label names it through the id the item passes)
  const name = rest["aria-label"] ?? (!rest.id && typeof rest.placeholder === "string" ? rest.placeholder : undefined);
  return <Select<number> showSearch optionFilterProp="label" loading={loading} options={options} allowClear {...rest} aria-label={name} />;
}
