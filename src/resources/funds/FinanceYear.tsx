// The fiscal year a finance page shows: ?year= in the address (so a link or a reload keeps it), else
// the district's current year; and the years to choose from.
import { useTranslate } from "@refinedev/core";
import { Select } from "antd";
import { useSearchParams } from "react-router";
import { districtDate } from "../../providers/dayjs";

export function useFinanceYear(): [number, (y: number) => void, number[]] {
  const [params, setParams] = useSearchParams();
  const current = Number(districtDate().slice(0, 4));
  const year = Number(params.get("year")) || current;
  const set = (y: number) => setParams((p) => {
    const next = new URLSearchParams(p);
    next.set("year", String(y));
    return next;
  }, { replace: true });
  const years = Array.from({ length: 6 }, (_, i) => current + 1 - i);
  return [year, set, years];
}

/** The year picker of a finance page. */
export function YearSelect({ value, onChange, years }: { value: number; onChange: (y: number) => void; years: number[] }) {
  const translate = useTranslate();
  return (
    <Select<number> value={value} onChange={onChange} aria-label={translate("finance.year")} style={{ width: 120 }} data-testid="finance-year"
      options={years.map((y) => ({ value: y, label: translate("finance.yearLabel", { year: y }) }))} />
  );
}
