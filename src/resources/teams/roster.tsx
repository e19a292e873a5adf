// One team's roster: add members, change roles, record leaving. History stays (left_on). On a phone each
// member is a card with their points (a tap opens the passbook) and hours in sight; adding a member asks
// for name, gender and phone only (the rest under "more"), and recording leaving is one named sheet.
import { FieldTimeOutlined, PlusOutlined } from "@ant-design/icons";
import { useCreate, useInvalidate, useList, useOne, useTranslate, useUpdate } from "@refinedev/core";
import { Alert, App, Button, Checkbox, Collapse, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useParams } from "react-router";
import { RecordCard, ResponsiveTable, useIsPhone } from "../../components/Responsive";
import { UnitSelect } from "../../components/UnitSelect";
import { VolunteerPicker } from "../../components/VolunteerPicker";
import { canEditRoster, manages } from "../../domain/scope";
import { captainConflict, MEMBER_ROLES, PHONE_PATTERN, type MemberRole } from "../../domain/volunteer";
import { errorMessage } from "../../providers/data";
import { districtToday } from "../../providers/dayjs";
import { callRpc, useRequestKey } from "../../providers/rpc";
import { useScope } from "../../providers/scope";
import type { Membership, OrgUnit, PointsBalance } from "../../types/app";
import { stars } from "../../domain/stars";
import { Link } from "react-router";
import { RecordServiceModal } from "../service-records/record-modal";
import { STAR_COLOR } from "../../theme";
import { Show } from "../../components/Page";
import "../../leader.css";

const LEAVE_REASONS = ["reasonHealth", "reasonMoved", "reasonOwn"] as const;

/** Large one-tap choices as a form control; the radiogroup role carries the form's aria attributes. */
function BigChoices({ value, onChange, options, ...aria }: {
  value?: string; onChange?: (v: string) => void; options: { value: string; label: string }[]; id?: string; "aria-label"?: string;
  "aria-required"?: boolean | "true" | "false"; "aria-invalid"?: boolean | "true" | "false"; "aria-describedby"?: string;
}) {
  return (
    <div role="radiogroup" {...aria}>
      <Radio.Group className="big-choices" optionType="button" value={value} onChange={(e) => onChange?.(e.target.value)} options={options} />
    </div>
  );
}

const ROLE_COLORS: Record<MemberRole, string> = { captain: "red", vice_captain: "orange", liaison: "blue", member: "default" };

interface AddForm {
  mode: "new" | "existing";
  volunteer_id?: string;
  name?: string;
  gender?: "male" | "female";
  birth_year?: number;
  phone?: string;
  home_community_id?: number;
  is_party_member?: boolean;
  role: MemberRole;
  joined_on: dayjs.Dayjs;
}

export default function TeamRoster() {
  const translate = useTranslate();
  const { message } = App.useApp();
  const phone = useIsPhone();
  const teamId = Number(useParams().id);
  const { scope } = useScope();
  const invalidate = useInvalidate();
  const [showHistory, setShowHistory] = useState(false);
  const [adding, setAdding] = useState(false);
  const [saving, setSaving] = useState(false);
  const enrolKey = useRequestKey(adding);
  const { mutateAsync: createMembership } = useCreate();
  const [leaving, setLeaving] = useState<Membership>();
  const [addForm] = Form.useForm<AddForm>();
  const [leaveForm] = Form.useForm<{ left_on: dayjs.Dayjs; left_reason?: string }>();
  const { result: team, query: teamQuery } = useOne<OrgUnit>({ resource: "org_units", id: teamId });
  const { result: roster, query } = useList<Membership>({
    resource: "team_memberships",
    filters: [{ field: "team_id", operator: "eq", value: teamId }, ...(showHistory ? [] : [{ field: "left_on", operator: "null" as const, value: true }])],
    sorters: [{ field: "left_on", order: "desc" }, { field: "id", order: "asc" }],
    pagination: { mode: "off" },
    meta: { select: "*, volunteers(id, name, gender, birth_year, is_party_member, volunteer_contacts(phone), volunteer_service_totals(approved_hours, star_level))" },
  });
  const { result: balances, query: balancesQuery } = useList<PointsBalance>({
    resource: "points_balances",
    filters: [{ field: "volunteer_id", operator: "in", value: (roster?.data ?? []).map((m) => m.volunteer_id) }],
    pagination: { mode: "off" },
    queryOptions: { enabled: (roster?.data ?? []).length > 0 },
  });
  const balanceOf = new Map((balances?.data ?? []).map((b) => [b.volunteer_id, Number(b.balance)]));
  const [recording, setRecording] = useState(false);
  const { mutateAsync: update } = useUpdate<Membership>();
  const members = roster?.data ?? [];
  const editable = !!team && canEditRoster(scope, team);
  const isAdminHere = !!team && manages(scope, team);
  const mode = Form.useWatch("mode", addForm);
  const chosenRole = Form.useWatch("role", addForm);
  const activeCaptain = captainConflict(members, null, "captain");

  const refresh = () => {
    invalidate({ resource: "team_memberships", invalidates: ["list"] });
    invalidate({ resource: "org_units", invalidates: ["detail", "list"], id: teamId });
  };

  const changeRole = async (m: Membership, role: MemberRole) => {
    const blocker = captainConflict(members, m.id, role);
    if (blocker) {
      message.warning(translate("roster.captainRule", { name: blocker.volunteers?.name ?? "" }));
      return;
    }
    await update({ resource: "team_memberships", id: m.id, values: { role }, successNotification: () => ({ type: "success", message: translate("notifications.success") }) });
  };

  const submitAdd = async (v: AddForm) => {
    setSaving(true);
    const joined_on = v.joined_on.format("YYYY-MM-DD");
    const { error } =
      v.mode === "existing"
        ? await createMembership({ resource: "team_memberships", values: { team_id: teamId, volunteer_id: v.volunteer_id, role: v.role, joined_on },
            successNotification: false, errorNotification: false }).then(() => ({ error: null }), (error: unknown) => ({ error }))
        : await callRpc("enrol_new_volunteer", {
            p_team_id: teamId,
            p_volunteer: { name: v.name?.trim(), gender: v.gender, birth_year: v.birth_year ?? null, home_community_id: v.home_community_id, is_party_member: !!v.is_party_member },
            p_role: v.role,
            p_phone: v.phone?.trim() || null,
            p_joined_on: joined_on,
            p_request_key: enrolKey,
          });
    setSaving(false);
    if (error) {
      // the form stays open with what was typed
      message.error(translate("leader.roster.addFailed", { name: v.name?.trim() || translate("roster.volunteer"), reason: errorMessage(error) }));
      return;
    }
    message.success(v.mode !== "existing" ? translate("leader.roster.addedOk", { name: v.name?.trim() ?? "", team: team?.name ?? "" }) : translate("notifications.success"));
    setAdding(false);
    addForm.resetFields();
    refresh();
  };

  const submitLeave = async (v: { left_on: dayjs.Dayjs; left_reason?: string }) => {
    if (!leaving) return;
    const name = leaving.volunteers?.name ?? "";
    // on refusal the sheet stays open with the date and reason chosen
    const ok = await update({
      resource: "team_memberships", id: leaving.id,
      values: { left_on: v.left_on.format("YYYY-MM-DD"), left_reason: v.left_reason?.trim() || null },
      successNotification: () => ({ type: "success", message: translate("leader.roster.leftOk", { name }) }),
      errorNotification: (e) => ({ type: "error", message: translate("leader.roster.leaveFailed", { name, reason: e?.message ?? "" }) }),
    }).then(() => true, () => false);
    if (!ok) return;
    setLeaving(undefined);
    refresh();
  };

  const openLeave = (m: Membership) => {
    leaveForm.setFieldsValue({ left_on: districtToday(), left_reason: "" });
    setLeaving(m);
  };

  const roleControl = (m: Membership) =>
    editable && !m.left_on ? (
      <Select<MemberRole> size={phone ? "large" : "small"} value={m.role} style={{ width: phone ? 130 : 110 }}
        aria-label={translate("leader.roster.roleOf", { name: m.volunteers?.name ?? "" })}
        options={MEMBER_ROLES.map((r) => ({ value: r, label: translate(`memberRoles.${r}`) }))}
        onChange={(r) => changeRole(m, r)} />
    ) : (
      <Tag color={ROLE_COLORS[m.role]}>{translate(`memberRoles.${m.role}`)}</Tag>
    );
  const phoneOf = (m: Membership) =>
    m.volunteers?.volunteer_contacts?.phone ?? <Typography.Text type="secondary">{translate("roster.noPhone")}</Typography.Text>;
  const pointsLink = (m: Membership, big = false) => (
    <Link to={`/passbook/${m.volunteer_id}`} data-testid={`points-${m.volunteers?.name}`}
      aria-label={translate("leader.roster.openPassbook", { name: m.volunteers?.name ?? "" })}
      style={big ? { fontSize: "1.375em", fontWeight: 600, display: "inline-block", minHeight: 44, minWidth: 44, lineHeight: "44px" } : undefined}>
      {/* while the balances load, no figure rather than a wrong 0 */}
      {balancesQuery.isSuccess ? balanceOf.get(m.volunteer_id) ?? 0 : "…"}
    </Link>
  );
  const memberCard = (m: Membership) => (
    <RecordCard testId={`member-card-${m.volunteers?.name}`}
      title={<Space wrap size={4}>{m.volunteers?.name ?? "—"}
        {m.volunteers?.is_party_member && <Tag color="red">{translate("volunteers.partyMember")}</Tag>}
        {m.left_on && <Tag>{translate("roster.former")}</Tag>}</Space>}
      extra={roleControl(m)}
      fields={[
        { label: translate("roster.points"), value: pointsLink(m, true) },
        { label: translate("roster.hours"), value: `${Number(m.volunteers?.volunteer_service_totals?.approved_hours ?? 0)} ${translate("dashboard.hoursUnit")}` },
        { label: translate("roster.star"), value: <span style={{ color: STAR_COLOR }}>{stars(m.volunteers?.volunteer_service_totals?.star_level ?? 0)}</span> },
        { label: translate("roster.phone"), value: phoneOf(m) },
        ...(m.left_on ? [{ label: translate("roster.left"), value: `${m.left_on}${m.left_reason ? `（${m.left_reason}）` : ""}` }] : []),
      ]}
      actions={editable && !m.left_on ? (
        <Button size="large" onClick={() => openLeave(m)}>{translate("roster.markLeft")}</Button>
      ) : undefined} />
  );

  return (
    <Show
      isLoading={teamQuery.isLoading}
      title={`${team?.name ?? ""} · ${translate("roster.title")}`}
      canEdit={false}
      canDelete={false}
      headerButtons={() => (
        <Space wrap>
          <Checkbox checked={showHistory} onChange={(e) => setShowHistory(e.target.checked)}>{translate("roster.showHistory")}</Checkbox>
          {editable && (
            <Button icon={<FieldTimeOutlined />} data-testid="roster-record" onClick={() => setRecording(true)}>{translate("service.record")}</Button>
          )}
          {editable && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="roster-add" onClick={() => {
              addForm.setFieldsValue({ mode: "new", role: "member", joined_on: districtToday(), home_community_id: team?.community_id ?? undefined });
              setAdding(true);
            }}>
              {translate("roster.add")}
            </Button>
          )}
        </Space>
      )}
    >
      {!editable && team && <Alert type="info" showIcon message={translate("roster.readOnly")} style={{ marginBottom: 16 }} />}
      <ResponsiveTable<Membership> dataSource={members} rowKey="id" loading={query.isLoading} pagination={false} data-testid="roster-table"
        scroll={{ x: "max-content" }}
        locale={{ emptyText: translate("common.empty") }} card={memberCard}>
        <Table.Column<Membership> title={translate("volunteers.name")} render={(_, m) => (
          <Space>
            {m.volunteers?.name ?? "—"}
            {m.volunteers?.is_party_member && <Tag color="red">{translate("lists.partyTag")}</Tag>}
            {m.left_on && <Tag>{translate("roster.former")}</Tag>}
          </Space>
        )} />
        <Table.Column<Membership> title={translate("volunteers.gender")} render={(_, m) => (m.volunteers ? translate(`gender.${m.volunteers.gender}`) : "")} />
        <Table.Column<Membership> title={translate("volunteers.birthYear")} render={(_, m) => m.volunteers?.birth_year ?? ""} />
        <Table.Column<Membership> title={translate("roster.phone")} render={(_, m) => phoneOf(m)} />
        <Table.Column<Membership> title={translate("roster.role")} render={(_, m) => roleControl(m)} />
        <Table.Column<Membership> title={translate("roster.star")} render={(_, m) => (
          <Typography.Text style={{ color: STAR_COLOR, whiteSpace: "nowrap" }}>{stars(m.volunteers?.volunteer_service_totals?.star_level ?? 0)}</Typography.Text>
        )} />
        <Table.Column<Membership> title={translate("roster.hours")} align="right" render={(_, m) => Number(m.volunteers?.volunteer_service_totals?.approved_hours ?? 0)} />
        <Table.Column<Membership> title={translate("roster.points")} align="right" render={(_, m) => pointsLink(m)} />
        <Table.Column<Membership> dataIndex="joined_on" title={translate("roster.joined")} />
        <Table.Column<Membership> title={translate("roster.left")} render={(_, m) => (m.left_on ? `${m.left_on}${m.left_reason ? `（${m.left_reason}）` : ""}` : "")} />
        {editable && (
          <Table.Column<Membership> title={translate("table.actions")} render={(_, m) =>
            !m.left_on && (
              <Space>
                <Button size="small" onClick={() => openLeave(m)}
                  aria-label={`${translate("roster.markLeft")} · ${m.volunteers?.name ?? ""}`}>
                  {translate("roster.markLeft")}
                </Button>
              </Space>
            )} />
        )}
      </ResponsiveTable>

      <Modal open={adding} title={translate("leader.roster.addTitle", { team: team?.name ?? "" })} onCancel={() => setAdding(false)} onOk={() => addForm.submit()}
        confirmLoading={saving} okText={translate("buttons.save")} okButtonProps={{ size: "large" }} cancelButtonProps={{ size: "large" }} forceRender>
        <Form form={addForm} layout="vertical" onFinish={submitAdd} size="large">
          {isAdminHere && (
            <Form.Item name="mode">
              <Radio.Group optionType="button" options={[{ value: "new", label: translate("roster.addNew") }, { value: "existing", label: translate("roster.addExisting") }]} />
            </Form.Item>
          )}
          {mode === "existing" ? (
            <Form.Item name="volunteer_id" label={translate("roster.pickVolunteer")} rules={[{ required: true }]}>
              <VolunteerPicker />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="name" label={translate("volunteers.name")} rules={[{ required: true, whitespace: true, max: 30 }]}>
                <Input data-testid="new-volunteer-name" autoComplete="off" />
              </Form.Item>
              <Form.Item name="gender" label={translate("volunteers.gender")} rules={[{ required: true }]}>
                <BigChoices aria-label={translate("volunteers.gender")} options={[{ value: "male", label: translate("gender.male") }, { value: "female", label: translate("gender.female") }]} />
              </Form.Item>
              <Form.Item name="phone" label={translate("volunteers.phone")} extra={translate("volunteers.phoneHint")}
                rules={[{ pattern: PHONE_PATTERN, message: translate("errors.phone") }]}>
                <Input inputMode="tel" autoComplete="off" />
              </Form.Item>
            </>
          )}
          <Collapse ghost items={[{
            key: "more", label: translate("leader.roster.moreFields"), forceRender: true,
            children: (
              <>
                {mode !== "existing" && (
                  <>
                    <Space wrap>
                      <Form.Item name="birth_year" label={translate("volunteers.birthYear")} rules={[{ type: "number", min: 1920, max: 2010 }]}>
                        <InputNumber style={{ width: 140 }} inputMode="numeric" />
                      </Form.Item>
                      <Form.Item name="is_party_member" valuePropName="checked" label=" ">
                        <Checkbox>{translate("volunteers.partyMember")}</Checkbox>
                      </Form.Item>
                    </Space>
                    <Form.Item name="home_community_id" label={translate("volunteers.homeCommunity")} rules={[{ required: true }]}>
                      {/* the database places a new person's home only in the caller's home scope: an admin's
                          units, a leader's team street */}
                      <UnitSelect levels={["community"]} {...(isAdminHere ? { managedOnly: true } : { streetId: team?.street_id ?? undefined })} />
                    </Form.Item>
                  </>
                )}
                <Space wrap>
                  <Form.Item name="role" label={translate("roster.role")} rules={[{ required: true }]}>
                    <Select<MemberRole> style={{ width: 140 }} options={MEMBER_ROLES.map((r) => ({ value: r, label: translate(`memberRoles.${r}`) }))} />
                  </Form.Item>
                  <Form.Item name="joined_on" label={translate("roster.joined")} rules={[{ required: true }]}>
                    <DatePicker inputReadOnly={phone} allowClear={false} />
                  </Form.Item>
                </Space>
              </>
            ),
          }]} />
          {chosenRole === "captain" && activeCaptain && (
            <Alert type="warning" showIcon message={translate("roster.captainRule", { name: activeCaptain.volunteers?.name ?? "" })} />
          )}
        </Form>
      </Modal>

      <Modal open={!!leaving} title={translate("leader.roster.leaveTitle", { name: leaving?.volunteers?.name ?? "" })} onCancel={() => setLeaving(undefined)}
        onOk={() => leaveForm.submit()} okText={translate("roster.markLeft")} okButtonProps={{ danger: true, size: "large", ...{ "data-testid": "leave-submit" } }}
        cancelButtonProps={{ size: "large" }} forceRender>
        <Typography.Paragraph style={{ fontSize: "1.0625em" }}>
          {translate("leader.roster.leaveIntro", { name: leaving?.volunteers?.name ?? "", team: team?.name ?? "" })}
        </Typography.Paragraph>
        <Form form={leaveForm} layout="vertical" onFinish={submitLeave} size="large">
          <Form.Item name="left_on" label={translate("roster.left")} rules={[{ required: true },
            { validator: (_, v: dayjs.Dayjs) => (leaving && v && v.format("YYYY-MM-DD") < leaving.joined_on ? Promise.reject(translate("errors.leftBeforeJoined")) : Promise.resolve()) }]}>
            <DatePicker inputReadOnly={phone} allowClear={false} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item label={translate("roster.leftReason")}>
            <Space direction="vertical" style={{ width: "100%" }}>
              <Space wrap>
                {LEAVE_REASONS.map((r) => (
                  <Button key={r} onClick={() => leaveForm.setFieldValue("left_reason", translate(`leader.roster.${r}`))}>{translate(`leader.roster.${r}`)}</Button>
                ))}
              </Space>
              <Form.Item name="left_reason" noStyle rules={[{ max: 200 }]}>
                <Input aria-label={translate("roster.leftReason")} maxLength={200} />
              </Form.Item>
            </Space>
          </Form.Item>
        </Form>
      </Modal>
      <RecordServiceModal open={recording} teamId={teamId} teamFixed onClose={() => setRecording(false)}
        onRecorded={() => invalidate({ resource: "service_records", invalidates: ["list"] })} />
    </Show>
  );
}
