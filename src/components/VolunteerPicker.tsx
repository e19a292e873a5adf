// Picks a volunteer the user can read, by a server-side search on the name (RLS decides who appears).
import { useList } from "@refinedev/core";
import { Select, Typography } from "antd";
import { useState } from "react";

interface Props {
  value?: string;
  onChange?: (v: string, name?: string) => void;
  /** leave out people who have withdrawn */
  activeOnly?: boolean;
  /** a person already chosen by the page: shown, not changeable */
  fixed?: { id: string; name: string };
  placeholder?: string;
  /** set by Form.Item, so its label names the picker */
  id?: string;
}

export function VolunteerPicker({ value, onChange, activeOnly, fixed, placeholder, id }: Props) {
  const [q, setQ] = useState("");
  const { result, query } = useList<{ id: string; name: string; birth_year: number | null; home_community?: { name: string } }>({
    resource: "volunteers",
    filters: [
      ...(q ? [{ field: "name", operator: "contains" as const, value: q }] : []),
      ...(activeOnly ? [{ field: "status", operator: "ne" as const, value: "withdrawn" }] : []),
    ],
    pagination: { pageSize: 20 },
    meta: { select: "id, name, birth_year, home_community:org_units!home_community_id(name)" },
    queryOptions: { enabled: !fixed },
  });
  // shown as text: a disabled select is grey on grey (1.8:1) and offers a control that does nothing
  if (fixed) return <Typography.Text id={id} strong>{fixed.name}</Typography.Text>;
  return (
    <Select id={id} aria-label={placeholder} showSearch filterOption={false} onSearch={setQ} loading={query.isFetching} value={value} placeholder={placeholder}
      onChange={(v, option) => onChange?.(v, (option as { name?: string } | undefined)?.name)}
      options={(result?.data ?? []).map((v) => ({ value: v.id, name: v.name, label: `${v.name}（${v.birth_year ?? "?"}，${v.home_community?.name ?? ""}）` }))} />
  );
}
