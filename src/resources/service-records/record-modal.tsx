// Records one activity for many members of a team at once (RPC record_service: one transaction, under the
// caller's RLS), as a short flow a leader finishes on a phone without typing: the members are a large tick
// list, the day defaults to today and the hours to 2 (presets and a stepper change them), the activity's
// name is optional. When the 24-hour rule refuses the batch, the refusal names who is over and by how much
// and offers to record the others; what was chosen stays chosen.
import { MinusOutlined, PlusOutlined } from "@ant-design/icons";
import { useList, useOne, useTranslate } from "@refinedev/core";
import { Alert, App, Button, Checkbox, Collapse, DatePicker, Form, Input, Modal, Radio, Select, Space, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useMemo, useRef, useState } from "react";
import { UnitSelect } from "../../components/UnitSelect";
import { useIsPhone } from "../../components/Responsive";
import { districtToday } from "../../providers/dayjs";
import { errorMessage } from "../../providers/data";
import {
  dailyLimitOverflow, DEFAULT_SERVICE_HOURS, HOUR_PRESETS, projectFitsTeam, stepHours, validServiceHours,
  type DailyOverflow, type ProjectScope,
} from "../../domain/service";
import { callRpc, useRequestKey } from "../../providers/rpc";
import type { Membership, NamedRef } from "../../types/app";
import "../../leader.css";

interface Values {
  team_id: number;
  service_date: Dayjs;
  title?: string;
  place?: string;
  project_id?: number;
  hours: number;
  volunteer_ids: string[];
  note?: string;
}

interface Props {
  open: boolean;
  teamId?: number;
  /** Opened for one team (the roster, the leader's home): the team is named, not chosen. */
  teamFixed?: boolean;
  onClose: () => void;
  onRecorded: () => void;
}

/** The members as a tick list: each row is one large target (the whole row toggles). */
function MemberTicks({ members, value = [], onChange, over }: {
  members: { id: string; name: string }[];
  value?: string[];
  onChange?: (v: string[]) => void;
  over: Map<string, DailyOverflow>;
}) {
  const translate = useTranslate();
  const chosen = new Set(value);
  const toggle = (id: string, on: boolean) => onChange?.(on ? [...value, id] : value.filter((v) => v !== id));
  return (
    <div className="tick-list" role="group" aria-label={translate("leader.record.who")}>
      {members.map((m) => (
        <div key={m.id} data-testid={`tick-${m.name}`}>
          <Checkbox className={`tick-row${chosen.has(m.id) ? " tick-row-on" : ""}`} checked={chosen.has(m.id)}
            onChange={(e) => toggle(m.id, e.target.checked)}>
            <span className="tick-name">{m.name}</span>
            {over.has(m.id) && (
              <Typography.Text type="danger" className="tick-over">
                {translate("leader.record.hoursValue", { h: `+${over.get(m.id)!.over_by}` })}
              </Typography.Text>
            )}
          </Checkbox>
        </div>
      ))}
    </div>
  );
}

/** Hours per person: big minus/plus around the value, and one-tap presets. */
function HoursPicker({ value = DEFAULT_SERVICE_HOURS, onChange }: { value?: number; onChange?: (h: number) => void }) {
  const translate = useTranslate();
  return (
    <Space direction="vertical" size={8} style={{ width: "100%" }}>
      <div className="hours-stepper">
        <Button size="large" icon={<MinusOutlined />} aria-label={translate("leader.record.less")} onClick={() => onChange?.(stepHours(value, -1))} />
        <span className="hours-value" aria-live="polite" data-testid="record-hours">{translate("leader.record.hoursValue", { h: value })}</span>
        <Button size="large" icon={<PlusOutlined />} aria-label={translate("leader.record.more")} onClick={() => onChange?.(stepHours(value, 1))} />
      </div>
      <Radio.Group className="big-choices" optionType="button" value={HOUR_PRESETS.includes(value) ? value : undefined}
        onChange={(e) => onChange?.(e.target.value)}
        options={HOUR_PRESETS.map((h) => ({ value: h, label: translate("leader.record.hoursValue", { h }) }))} />
    </Space>
  );
}

/** The day: today, yesterday, or another past day from a picker (never a future one). */
function DayPicker({ value, onChange }: { value?: Dayjs; onChange?: (d: Dayjs) => void }) {
  const translate = useTranslate();
  const phone = useIsPhone();
  const today = districtToday();
  const which = !value || value.isSame(today, "day") ? "today" : value.isSame(today.subtract(1, "day"), "day") ? "yesterday" : "other";
  const [picking, setPicking] = useState(false);
  return (
    <Space direction="vertical" size={8} style={{ width: "100%" }}>
      <Radio.Group className="big-choices" optionType="button" value={picking ? "other" : which}
        onChange={(e) => {
          const v = e.target.value as string;
          setPicking(v === "other");
          if (v === "today") onChange?.(today);
          if (v === "yesterday") onChange?.(today.subtract(1, "day"));
        }}
        options={[
          { value: "today", label: translate("leader.record.today") },
          { value: "yesterday", label: translate("leader.record.yesterday") },
          { value: "other", label: translate("leader.record.otherDay") },
        ]} />
      {(picking || which === "other") && (
        <DatePicker size="large" value={value} allowClear={false} inputReadOnly={phone} style={{ width: "100%" }}
          aria-label={translate("service.date")}
          disabledDate={(d) => d.isAfter(today, "day")} onChange={(d) => d && onChange?.(d)} />
      )}
    </Space>
  );
}

export function RecordServiceModal({ open, teamId, teamFixed, onClose, onRecorded }: Props) {
  const translate = useTranslate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  // the last 24-hour refusal, for this opening of the dialog and the day and hours it was given
  const [refusal, setRefusal] = useState<{ key: string; day: string; hours: number; over: DailyOverflow[] }>();
  const requestKey = useRequestKey(open);
  const team = Form.useWatch("team_id", form) ?? (teamFixed ? teamId : undefined);
  const day = Form.useWatch("service_date", form);
  const hours = Form.useWatch("hours", form);
  const chosen = Form.useWatch("volunteer_ids", form);
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({ team_id: teamId, service_date: districtToday(), hours: DEFAULT_SERVICE_HOURS, volunteer_ids: [] });
  }, [open, teamId, form]);
  const { result: roster, query } = useList<Membership>({
    resource: "team_memberships",
    filters: [{ field: "team_id", operator: "eq", value: team }, { field: "left_on", operator: "null", value: true }],
    pagination: { mode: "off" },
    sorters: [{ field: "id", order: "asc" }],
    meta: { select: "id, volunteer_id, joined_on, volunteers(id, name)" },
    queryOptions: { enabled: open && !!team },
  });
  const { result: projects } = useList<NamedRef & ProjectScope>({
    resource: "projects", pagination: { mode: "off" }, sorters: [{ field: "id", order: "asc" }], meta: { select: "id, name, level, org_unit_id" },
    queryOptions: { enabled: open },
  });
  // the team's recent activity names: one tap instead of typing
  const { result: recent } = useList<{ id: number; title: string }>({
    resource: "service_activities", filters: [{ field: "team_id", operator: "eq", value: team }],
    sorters: [{ field: "id", order: "desc" }], pagination: { currentPage: 1, pageSize: 20 }, meta: { select: "id, title" },
    queryOptions: { enabled: open && !!team },
  });
  // only the projects the database accepts for this team: district ones and those of the team's street
  const { result: teamUnit } = useOne<{ id: number; name: string; street_id: number | null; district_id: number | null }>({
    resource: "org_units", id: team, meta: { select: "id, name, street_id, district_id" }, queryOptions: { enabled: open && !!team },
  });
  const projectOptions = (projects?.data ?? []).filter((p) => projectFitsTeam(p, teamUnit)).map((p) => ({ value: p.id, label: p.name }));
  const recentTitles = useMemo(() => [...new Set((recent?.data ?? []).map((a) => a.title))].slice(0, 4), [recent]);
  const members = (roster?.data ?? [])
    .filter((m) => !day || m.joined_on <= day.format("YYYY-MM-DD"))
    .map((m) => ({ id: m.volunteer_id, name: m.volunteers?.name ?? m.volunteer_id }));
  // a changed day or hours, or a new opening, makes the refusal's figures stale
  const over = refusal && refusal.key === requestKey && refusal.day === day?.format("YYYY-MM-DD") && refusal.hours === hours ? refusal.over : undefined;
  const overById = useMemo(() => new Map((over ?? []).map((o) => [o.volunteer_id, o])), [over]);
  const count = chosen?.length ?? 0;

  // the refusal is read where it appears, at the top of the sheet, whatever was scrolled to
  const overRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (over) overRef.current?.scrollIntoView({ block: "start", behavior: "smooth" });
  }, [over]);

  const submit = async (v: Values, except: ReadonlySet<string> = new Set()) => {
    const ids = v.volunteer_ids.filter((id) => !except.has(id));
    setSaving(true);
    const { error } = await callRpc("record_service", {
      p_team_id: v.team_id ?? team, p_service_date: v.service_date.format("YYYY-MM-DD"),
      p_title: v.title?.trim() || translate("leader.record.defaultActivity"), p_hours: v.hours,
      p_volunteer_ids: ids, p_place: v.place?.trim() || null, p_project_id: v.project_id ?? null, p_note: v.note?.trim() || null,
      p_request_key: requestKey,
    });
    setSaving(false);
    if (error) {
      // the dialog stays open with everything chosen; a 24-hour refusal names who and by how much
      const named = dailyLimitOverflow(error);
      if (named) setRefusal({ key: requestKey, day: v.service_date.format("YYYY-MM-DD"), hours: v.hours, over: named });
      else message.error(errorMessage(error));
      return;
    }
    if (except.size) {
      const names = (over ?? []).map((o) => o.name ?? "").join("、");
      message.warning({ content: translate("leader.record.savedOthers", { n: ids.length, names }), duration: 10 });
    } else {
      message.success(translate("service.recordedOk", { n: ids.length }));
    }
    form.resetFields();
    setRefusal(undefined);
    onRecorded();
    onClose();
  };
  const others = (chosen ?? []).filter((id) => !overById.has(id)).length;

  return (
    <Modal open={open} onCancel={onClose} destroyOnHidden width={640}
      title={teamFixed && teamUnit ? translate("leader.record.title", { team: teamUnit.name }) : translate("service.record")}
      footer={[
        <Button key="cancel" size="large" onClick={onClose}>{translate("buttons.cancel")}</Button>,
        <Button key="ok" size="large" type="primary" loading={saving} onClick={() => form.submit()} data-testid="record-submit">
          {translate("leader.record.submit", { n: count })}
        </Button>,
      ]}>
      <Form form={form} layout="vertical" onFinish={(v) => submit(v)} preserve className="record-flow">
        {over && (
          <div ref={overRef}>
          <Alert type="error" showIcon style={{ marginBottom: 16 }} data-testid="record-over" message={translate("leader.record.overTitle")}
            description={
              <Space direction="vertical" style={{ width: "100%" }}>
                <ul className="over-list">
                  {over.map((o) => (
                    <li key={o.volunteer_id}>
                      {translate("leader.record.overLine", { name: o.name ?? "—", already: o.day_hours, hours: hours ?? "", over: o.over_by })}
                    </li>
                  ))}
                </ul>
                {others > 0 ? (
                  <Button type="primary" size="large" block loading={saving} data-testid="record-save-others"
                    onClick={() => submit(form.getFieldsValue(true) as Values, new Set(overById.keys()))}>
                    {translate("leader.record.saveOthers", { n: others })}
                  </Button>
                ) : (
                  <Typography.Text>{translate("leader.record.noOthers")}</Typography.Text>
                )}
              </Space>
            } />
          </div>
        )}
        {!teamFixed && (
          <Form.Item name="team_id" label={translate("service.team")} rules={[{ required: true }]}>
            <UnitSelect levels={["team"]} keptOnly onChange={() => form.setFieldsValue({ volunteer_ids: [], project_id: undefined })} />
          </Form.Item>
        )}
        <Form.Item label={
          <Space wrap>
            <span>{translate("leader.record.who")}</span>
            <Typography.Text type="secondary">{translate("leader.record.selected", { n: count })}</Typography.Text>
          </Space>
        } required>
          <Space style={{ marginBottom: 8 }}>
            <Button disabled={!members.length} onClick={() => form.setFieldValue("volunteer_ids", members.map((m) => m.id))}>
              {translate("leader.record.selectAll")}
            </Button>
            <Button disabled={!count} onClick={() => form.setFieldValue("volunteer_ids", [])}>{translate("leader.record.selectNone")}</Button>
          </Space>
          <Form.Item name="volunteer_ids" noStyle rules={[{ required: true, type: "array", min: 1, message: translate("errors.noMembers") }]}>
            <MemberTicks members={members} over={overById} />
          </Form.Item>
          {!query.isFetching && team && members.length === 0 && <Typography.Text type="secondary">{translate("leader.record.noMembers")}</Typography.Text>}
        </Form.Item>
        <Form.Item name="service_date" label={translate("leader.record.when")} rules={[{ required: true }]}>
          <DayPicker />
        </Form.Item>
        <Form.Item name="hours" label={translate("leader.record.howLong")}
          rules={[{ required: true }, { validator: (_, h) => (validServiceHours(h) ? Promise.resolve() : Promise.reject(new Error(translate("errors.hoursRange")))) }]}>
          <HoursPicker />
        </Form.Item>
        <Form.Item label={translate("leader.record.activity")} htmlFor="record-title">
          <Form.Item name="title" noStyle rules={[{ max: 80 }]}>
            <Input id="record-title" size="large" maxLength={80} placeholder={translate("leader.record.defaultActivity")} />
          </Form.Item>
          {recentTitles.length > 0 && (
            <Space wrap style={{ marginTop: 8 }}>
              {recentTitles.map((title) => (
                <Button key={title} onClick={() => form.setFieldValue("title", title)}>{title}</Button>
              ))}
            </Space>
          )}
        </Form.Item>
        <Collapse ghost items={[{
          key: "details", label: translate("leader.record.details"), forceRender: true,
          children: (
            <>
              <Form.Item name="place" label={translate("service.place")} rules={[{ max: 80 }]}>
                <Input size="large" maxLength={80} />
              </Form.Item>
              <Form.Item name="project_id" label={translate("service.project")}>
                <Select size="large" allowClear showSearch optionFilterProp="label" options={projectOptions} data-testid="record-project" />
              </Form.Item>
              <Form.Item name="note" label={translate("service.note")} rules={[{ max: 200 }]}>
                <Input size="large" maxLength={200} />
              </Form.Item>
            </>
          ),
        }]} />
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {translate("service.hoursHint")}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
