// The dashboard's month range: presets 本月 / 今年 / 去年 / 自定义; a custom range is picked with a
// range picker on wide screens and, on phones, with two single-panel month pickers (a range picker's
// two panels are 576 px wide and open off-screen on a 390 px phone). The pickers (antd's DatePicker,
// about 30 kB) load when 自定义 is chosen: most visits use a preset.
import { useTranslate } from "@refinedev/core";
import { Segmented, Space } from "antd";
import { lazy, Suspense } from "react";
import { presetOf, presetRange, RANGE_PRESETS, type MonthRange, type RangePreset } from "../domain/periods";
import { districtDate } from "../providers/dayjs";

const MonthRangePickers = lazy(() => import("./MonthRangePickers"));

export function MonthRangeFilter({ value, onChange, custom, onCustom }: {
  value: MonthRange;
  onChange: (r: MonthRange) => void;
  /** the custom picker stays open after the user chose 自定义, even when the range equals a preset */
  custom: boolean;
  onCustom: (on: boolean) => void;
}) {
  const translate = useTranslate();
  const today = districtDate();
  const preset: RangePreset = custom ? "custom" : presetOf(value, today);
  return (
    <Space wrap size={8} data-testid="dashboard-range">
      <Segmented<RangePreset> value={preset} data-testid="range-presets"
        options={RANGE_PRESETS.map((p) => ({ value: p, label: translate(`lists.presets.${p}`) }))}
        onChange={(p) => {
          onCustom(p === "custom");
          const r = presetRange(p, today);
          if (r) onChange(r);
        }} />
      {preset === "custom" && (
        <Suspense fallback={null}>
          <MonthRangePickers value={value} onChange={onChange} />
        </Suspense>
      )}
    </Space>
  );
}
