// The custom month range of the dashboard (MonthRangeFilter loads this when 自定义 is chosen): a range
// picker on wide screens, two single-panel month pickers on phones.
import { useTranslate } from "@refinedev/core";
import { DatePicker, Space } from "antd";
import dayjs from "dayjs";
import type { MonthRange } from "../domain/periods";
import { districtToday } from "../providers/dayjs";
import { PhonePickers } from "./PhonePickers";
import { useIsPhone } from "./useIsPhone";

export default function MonthRangePickers({ value, onChange }: { value: MonthRange; onChange: (r: MonthRange) => void }) {
  const translate = useTranslate();
  const phone = useIsPhone();
  const month = (m: string) => dayjs(`${m}-01`);
  const future = (d: dayjs.Dayjs) => d.isAfter(districtToday(), "month");
  return phone ? (
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
  );
}
