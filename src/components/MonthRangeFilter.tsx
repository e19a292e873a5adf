// The dashboard's month range: presets 本月 / 今年 / 去年 / 自定义; a custom range is picked with a
// range picker on wide screens and, on phones, with two single-panel month pickers (a range picker's
// two panels are 576 px wide and open off-screen on a 390 px phone).
import { useTranslate } from "@refinedev/core";
import { DatePicker, Segmented, Space } from "antd";
import dayjs from "dayjs";
import { presetOf, presetRange, RANGE_PRESETS, type MonthRange, type RangePreset } from "../domain/periods";
import { districtDate, districtToday } from "../providers/dayjs";
import { PhonePickers } from "./FilterForm";
import { useIsPhone } from "./Responsive";

export function MonthRangeFilter({ value, onChange, custom, onCustom }: {
  value: MonthRange;
  onChange: (r: MonthRange) => void;
  /** the custom picker stays open after the user chose 自定义, even when the range equals a preset */
  custom: boolean;
  onCustom: (on: boolean) => void;
}) {
  const translate = useTranslate();
  const phone = useIsPhone();
  const today = districtDate();
  const preset: RangePreset = custom ? "custom" : presetOf(value, today);
  const month = (m: string) => dayjs(`${m}-01`);
  const future = (d: dayjs.Dayjs) => d.isAfter(districtToday(), "month");
  return (
    <Space wrap size={8} data-testid="dashboard-range">
      <Segmented<RangePreset> value={preset} data-testid="range-presets"
        options={RANGE_PRESETS.map((p) => ({ value: p, label: translate(`lists.presets.${p}`) }))}
        onChange={(p) => {
          onCustom(p === "custom");
          const r = presetRange(p, today);
          if (r) onChange(r);
        }} />
      {preset === "custom" && (phone ? (
        <PhonePickers>
        <Space wrap size={8}>
          <DatePicker picker="month" value={month(value.from)} allowClear={false} disabledDate={future} inputReadOnly
            aria-label={translate("lists.fromMonth")} placeholder={translate("lists.fromMonth")} style={{ width: 140 }}
            onChange={(d) => d && onChange({ from: d.format("YYYY-MM"), to: d.format("YYYY-MM") > value.to ? d.format("YYYY-MM") : value.to })} />
          <DatePicker picker="month" value={month(value.to)} allowClear={false} disabledDate={(d) => future(d) || d.isBefore(month(value.from), "month")}
            inputReadOnly aria-label={translate("lists.toMonth")} placeholder={translate("lists.toMonth")} style={{ width: 140 }}
            onChange={(d) => d && onChange({ from: value.from, to: d.format("YYYY-MM") })} placement="bottomRight" />
        </Space>
        </PhonePickers>
      ) : (
        <DatePicker.RangePicker picker="month" value={[month(value.from), month(value.to)]} allowClear={false} disabledDate={future}
          aria-label={translate("dashboard.range")}
          onChange={(v) => v?.[0] && v[1] && onChange({ from: v[0].format("YYYY-MM"), to: v[1].format("YYYY-MM") })} />
      ))}
    </Space>
  );
}
