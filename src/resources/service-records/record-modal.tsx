// Records one activity (date, place, activity or project, hours) for many members of a team at once
// (RPC record_service: one transaction, under the caller's RLS). What was typed stays on refusal.
import { useList, useOne, useTranslate } from "@refinedev/core";
import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { UnitSelect } from "../../components/UnitSelect";
import { districtToday } from "../../providers/dayjs";
import { MAX_HOURS_PER_DAY, projectFitsTeam, type ProjectScope, validServiceHours } from "../../domain/service";
import { useRequestKey, useRpcAction } from "../../providers/rpc";
import type { Membership, NamedRef } from "../../types/app";

interface Values {
  team_id: number;
  service_date: Dayjs;
  title: string;
  place?: string;
  project_id?: number;
  hours: number;
  volunteer_ids: string[];
  note?: string;
}

interface Props {
  open: boolean;
  teamId?: number;
  onClose: () => void;
  onRecorded: () => void;
}

export function RecordServiceModal({ open, teamId, onClose, onRecorded }: Props) {
  const translate = useTranslate();
  const run = useRpcAction();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const requestKey = useRequestKey(open);
  const team = Form.useWatch("team_id", form);
  const day = Form.useWatch("service_date", form);
  useEffect(() => {
    if (open) form.setFieldsValue({ team_id: teamId, service_date: districtToday(), hours: 2, volunteer_ids: [] });
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
  // only the projects the database accepts for this team: district ones and those of the team's street
  const { result: teamUnit } = useOne<{ id: number; street_id: number | null; district_id: number | null }>({
    resource: "org_units", id: team, meta: { select: "id, street_id, district_id" }, queryOptions: { enabled: open && !!team },
  });
  const projectOptions = (projects?.data ?? []).filter((p) => projectFitsTeam(p, teamUnit)).map((p) => ({ value: p.id, label: p.name }));
  const members = (roster?.data ?? []).filter((m) => !day || m.joined_on <= day.format("YYYY-MM-DD"));

  const submit = async (v: Values) => {
    setSaving(true);
    const r = await run("record_service", {
      p_team_id: v.team_id, p_service_date: v.service_date.format("YYYY-MM-DD"), p_title: v.title.trim(), p_hours: v.hours,
      p_volunteer_ids: v.volunteer_ids, p_place: v.place?.trim() || null, p_project_id: v.project_id ?? null, p_note: v.note?.trim() || null,
      p_request_key: requestKey,
    }, () => translate("service.recordedOk", { n: v.volunteer_ids.length }));
    setSaving(false);
    // on refusal the dialog stays open with what was typed
    if (!r.ok) return;
    form.resetFields();
    onRecorded();
    onClose();
  };

  return (
    <Modal open={open} title={translate("service.record")} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: saving, ...{ "data-testid": "record-submit" } }}
      width={640} destroyOnHidden>
      <Alert type="info" showIcon message={translate("service.hoursHint")} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} preserve>
        <Form.Item name="team_id" label={translate("service.team")} rules={[{ required: true }]}>
          <UnitSelect levels={["team"]} keptOnly onChange={() => form.setFieldsValue({ volunteer_ids: [], project_id: undefined })} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="service_date" label={translate("service.date")} rules={[{ required: true }]} style={{ width: "50%" }}>
            <DatePicker style={{ width: "100%" }} disabledDate={(d) => d.isAfter(districtToday(), "day")} allowClear={false} />
          </Form.Item>
          <Form.Item name="hours" label={translate("service.hours")} style={{ width: "50%" }}
            rules={[{ required: true }, { validator: (_, h) => (validServiceHours(h) ? Promise.resolve() : Promise.reject(new Error(translate("errors.hoursRange")))) }]}>
            <InputNumber min={0.01} max={MAX_HOURS_PER_DAY} step={0.5} precision={2} style={{ width: "100%" }} addonAfter={translate("dashboard.hoursUnit")} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="title" label={translate("service.activity")} rules={[{ required: true, whitespace: true }, { max: 80 }]}>
          <Input maxLength={80} placeholder="理论宣讲进社区" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="place" label={translate("service.place")} rules={[{ max: 80 }]} style={{ width: "50%" }}>
            <Input maxLength={80} placeholder="社区党群服务中心" />
          </Form.Item>
          <Form.Item name="project_id" label={translate("service.project")} style={{ width: "50%" }}>
            <Select allowClear showSearch optionFilterProp="label" options={projectOptions} data-testid="record-project" />
          </Form.Item>
        </Space.Compact>
        <Form.Item label={translate("service.members")} required>
          <Space direction="vertical" style={{ width: "100%" }}>
            <Form.Item name="volunteer_ids" noStyle rules={[{ required: true, type: "array", min: 1, message: translate("errors.noMembers") }]}>
              <Select mode="multiple" loading={query.isFetching} placeholder={translate("service.pickMembers")} optionFilterProp="label"
                data-testid="record-members" options={members.map((m) => ({ value: m.volunteer_id, label: m.volunteers?.name ?? m.volunteer_id }))} />
            </Form.Item>
            <Button size="small" disabled={!members.length} onClick={() => form.setFieldValue("volunteer_ids", members.map((m) => m.volunteer_id))}>
              {translate("service.selectAll")}
            </Button>
          </Space>
        </Form.Item>
        <Form.Item name="note" label={translate("service.note")} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
