// A list's search form that fits the screen: inline and wrapping on wide screens; on phones the search
// box stays in view and the other filters fold into a "筛选" sheet (a bottom drawer) whose fields are
// full width. The fields stay mounted inside the one form either way, so initial values and the
// Refine search (searchFormProps.onFinish) work the same.
import { FilterOutlined } from "@ant-design/icons";
import { useTranslate } from "@refinedev/core";
import { Badge, Button, DatePicker, Drawer, Form, Space, type FormProps } from "antd";
import type dayjs from "dayjs";
import { useState, type ReactNode } from "react";
import { FilterActions } from "./FilterActions";
import { PhonePickers } from "./PhonePickers";

// (its own module, so the dashboard can load the month pickers alone; pages import it from here too)
export { PhonePickers };
import { useIsPhone } from "./useIsPhone";
import "./lists.css";

function filled(v: unknown): boolean {
  if (v === undefined || v === null || v === "") return false;
  if (Array.isArray(v)) return v.some(filled);
  return true;
}

export function FilterForm({ formProps, search, searchName = "q", children, initialValues, testId }: {
  formProps: FormProps;
  /** the search box (a Form.Item), always in view */
  search?: ReactNode;
  /** the name of the search field, not counted among the folded filters */
  searchName?: string;
  /** the other filters (Form.Items) */
  children: ReactNode;
  initialValues?: FormProps["initialValues"];
  testId?: string;
}) {
  const translate = useTranslate();
  const phone = useIsPhone();
  const [open, setOpen] = useState(false);
  const form = formProps.form;
  const values = (Form.useWatch([], form) ?? {}) as Record<string, unknown>;
  const active = Object.entries(values).filter(([k, v]) => k !== searchName && filled(v)).length;

  if (!phone) {
    return (
      <Form {...formProps} initialValues={initialValues} layout="inline" className="filter-form" data-testid={testId}>
        {search}
        {children}
        <FilterActions form={form} />
      </Form>
    );
  }
  return (
    <Form {...formProps} initialValues={initialValues} layout="vertical" className="filter-form filter-form-phone" data-testid={testId}>
      <div className="filter-form-bar">
        <div className="filter-form-search">{search}</div>
        <Badge count={active} size="small" offset={[-4, 4]}>
          <Button icon={<FilterOutlined />} onClick={() => setOpen(true)} data-testid="filters-open" aria-haspopup="dialog">
            {translate("lists.filters")}
          </Button>
        </Badge>
      </div>
      <Drawer open={open} onClose={() => setOpen(false)} placement="bottom" height="auto" forceRender title={translate("lists.filtersTitle")}
        className="filter-sheet" styles={{ body: { paddingBottom: 8 } }}
        footer={(
          <Space style={{ width: "100%" }} className="filter-sheet-footer">
            <Button onClick={() => { form?.resetFields(); form?.submit(); setOpen(false); }}>{translate("buttons.reset")}</Button>
            <Button type="primary" onClick={() => { form?.submit(); setOpen(false); }} data-testid="filters-apply">{translate("lists.showResults")}</Button>
          </Space>
        )}>
        {children}
      </Drawer>
    </Form>
  );
}

/** A date range field: a range picker on wide screens; on phones two single-panel pickers (a range
 *  picker's two panels are wider than a phone). Value: [from, to], either may be empty. */
export function DateRangeField({ value, onChange, id }: {
  value?: [dayjs.Dayjs | null, dayjs.Dayjs | null];
  onChange?: (v: [dayjs.Dayjs | null, dayjs.Dayjs | null] | undefined) => void;
  id?: string;
}) {
  const translate = useTranslate();
  const phone = useIsPhone();
  const [from, to] = value ?? [null, null];
  const set = (a: dayjs.Dayjs | null, b: dayjs.Dayjs | null) => onChange?.(a || b ? [a, b] : undefined);
  if (!phone) {
    return <DatePicker.RangePicker id={id} allowEmpty={[true, true]} value={value ?? null} onChange={(v) => set(v?.[0] ?? null, v?.[1] ?? null)} />;
  }
  return (
    <PhonePickers>
    <Space.Compact block className="date-range-field">
      <DatePicker id={id} value={from} inputReadOnly placeholder={translate("lists.from")} aria-label={translate("lists.from")}
        disabledDate={(d) => !!to && d.isAfter(to, "day")} onChange={(d) => set(d, to)} />
      <DatePicker value={to} inputReadOnly placeholder={translate("lists.to")} aria-label={translate("lists.to")}
        disabledDate={(d) => !!from && d.isBefore(from, "day")} onChange={(d) => set(from, d)} placement="bottomRight" />
    </Space.Compact>
    </PhonePickers>
  );
}
