// Staff and role grants inside the admin's scope: invite an email with a role over a unit (the
// invite-staff edge function checks the grant with the admin's own JWT, then mails the invitation),
// see who has accepted, resend a pending invitation, revoke. Below `md` the list is a list of cards.
import { MailOutlined, PlusOutlined } from "@ant-design/icons";
import { useTable } from "@refinedev/antd";
import { useGetIdentity, useInvalidate, useTranslate, useUpdate, type CrudFilter } from "@refinedev/core";
import { Alert, Button, Checkbox, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { RecordCard, ResponsiveTable } from "../../components/Responsive";
import { districtNow } from "../../providers/dayjs";
import { useOrgUnits, UnitSelect } from "../../components/UnitSelect";
import { INVITE_EXPIRY_SECONDS } from "../../domain/invitation";
import { linkTarget } from "../../domain/password";
import { grantableRoles, type AppRole } from "../../domain/scope";
import { useFunctionAction } from "../../providers/rpc";
import { useScope } from "../../providers/scope";
import type { RoleGrant } from "../../types/app";
import { List } from "../../components/Page";

interface InviteForm {
  email: string;
  org_unit_id: number;
  role: AppRole;
  note?: string;
}

/** What invite-staff answers: no email is needed when the address already has a confirmed account. */
interface InviteResult {
  grant_id: number;
  invitation: "sent" | "resent" | "not_needed";
}

export default function StaffList() {
  const translate = useTranslate();
  const { data: me } = useGetIdentity<{ id: string }>();
  const { scope } = useScope();
  const { units } = useOrgUnits();
  const callFunction = useFunctionAction();
  const invalidate = useInvalidate();
  const [showRevoked, setShowRevoked] = useState(false);
  const [inviting, setInviting] = useState(false);
  const [sending, setSending] = useState<number | "new">();
  const [form] = Form.useForm<InviteForm>();
  const unitId = Form.useWatch("org_unit_id", form);
  const unit = units.find((u) => u.id === unitId);
  const roles = unit ? grantableRoles(scope, unit) : [];
  const permanent: CrudFilter[] = showRevoked ? [] : [{ field: "revoked_at", operator: "null", value: true }];
  const { tableProps } = useTable<RoleGrant>({
    resource: "role_grants",
    meta: { select: "*, org_units(name, level)" },
    filters: { permanent },
    sorters: { initial: [{ field: "granted_at", order: "desc" }] },
    pagination: { pageSize: 20 },
  });
  const { mutate: update } = useUpdate<RoleGrant>();

  const send = async (key: number | "new", grant: InviteForm, resend: boolean) => {
    setSending(key);
    const email = grant.email.trim().toLowerCase();
    const result = await callFunction<InviteResult>(
      "invite-staff",
      { email, role: grant.role, org_unit_id: grant.org_unit_id, note: grant.note || undefined, redirect_to: linkTarget(window.location.origin, "/accept-invite") },
      (r) => translate(r?.invitation === "not_needed" ? "staff.granted" : resend || r?.invitation === "resent" ? "staff.resent" : "staff.invited", { email }),
    );
    setSending(undefined);
    if (result.ok) await invalidate({ resource: "role_grants", invalidates: ["list"] });
    return result.ok;
  };

  const invite = async (v: InviteForm) => {
    if (await send("new", v, false)) {
      setInviting(false);
      form.resetFields();
    }
  };

  const state = (g: RoleGrant) =>
    g.revoked_at ? <Tag>{translate("staff.revoked")}</Tag>
      : g.user_id ? <Tag color="green">{translate("staff.activeGrant")}</Tag>
        : <Tag color="orange">{translate("staff.pending")}</Tag>;

  // The database refuses to revoke one's own last org_admin grant (role_grants_own_last_admin): not offered.
  const ownLastAdmin = (g: RoleGrant) => g.role === "org_admin" && !!me?.id && g.user_id === me.id
    && !scope.some((s) => s.role === "org_admin" && s.grant_id !== g.id);

  const actions = (g: RoleGrant) => !g.revoked_at && (
    <Space wrap>
      {!g.user_id && (
        <Button icon={<MailOutlined />} loading={sending === g.id} data-testid={`resend-${g.id}`}
          onClick={() => send(g.id, { email: g.email, role: g.role, org_unit_id: g.org_unit_id }, true)}>
          {translate("staff.resend")}
        </Button>
      )}
      {ownLastAdmin(g) ? (
        <Tooltip title={translate("lists.ownGrantHint")}>
          <Tag data-testid={`own-grant-${g.id}`}>{translate("lists.ownGrant")}</Tag>
        </Tooltip>
      ) : (
        <Popconfirm title={translate("lists.revokeConfirm", { email: g.email, role: translate(`roles.${g.role}`), unit: g.org_units?.name ?? "" })}
          okButtonProps={{ danger: true }} okText={translate("staff.revoke")}
          onConfirm={() => update({
            resource: "role_grants", id: g.id, values: { revoked_at: new Date().toISOString() },
            successNotification: () => ({ type: "success", message: translate("staff.revoked"), description: `${g.email} · ${translate(`roles.${g.role}`)} · ${g.org_units?.name ?? ""}` }),
          })}>
          <Button danger data-testid={`revoke-${g.id}`}>{translate("staff.revoke")}</Button>
        </Popconfirm>
      )}
    </Space>
  );

  return (
    <>
      <List
        title={translate("staff.title")}
        headerButtons={() => (
          <Space wrap>
            <Checkbox checked={showRevoked} onChange={(e) => setShowRevoked(e.target.checked)} style={{ minHeight: 44, alignItems: "center" }}>{translate("staff.showRevoked")}</Checkbox>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setInviting(true)} data-testid="staff-invite">{translate("staff.invite")}</Button>
          </Space>
        )}
      >
        <ResponsiveTable<RoleGrant> {...tableProps} rowKey="id" locale={{ emptyText: translate("common.empty") }}
          pagination={{ ...tableProps.pagination, showTotal: (total) => translate("common.total", { total }) }}
          card={(g) => (
            <RecordCard testId="grant-card" title={<span style={{ wordBreak: "break-all" }}>{g.email}</span>} extra={state(g)}
              fields={[
                { label: translate("staff.role"), value: <Tag color="red">{translate(`roles.${g.role}`)}</Tag> },
                { label: translate("staff.unit"), value: g.org_units?.name },
                {
                  label: translate("staff.grantedAt"),
                  value: <span data-testid="grant-sent">{districtNow(g.granted_at).format("YYYY-MM-DD HH:mm")}
                    {!g.user_id && !g.revoked_at && <Typography.Text type="secondary"> · {translate("staff.validFor", { hours: INVITE_EXPIRY_SECONDS / 3600 })}</Typography.Text>}</span>,
                },
                ...(g.note ? [{ label: translate("staff.note"), value: g.note }] : []),
              ]}
              actions={actions(g)} />
          )}>
          <Table.Column<RoleGrant> dataIndex="email" title={translate("staff.email")} sorter />
          <Table.Column<RoleGrant> dataIndex="role" title={translate("staff.role")} render={(r) => <Tag color="red">{translate(`roles.${r}`)}</Tag>} />
          <Table.Column<RoleGrant> title={translate("staff.unit")} render={(_, g) => g.org_units?.name} />
          <Table.Column<RoleGrant> dataIndex="note" title={translate("staff.note")} />
          <Table.Column<RoleGrant> dataIndex="granted_at" title={translate("staff.grantedAt")} sorter render={(d) => districtNow(d).format("YYYY-MM-DD HH:mm")} />
          <Table.Column<RoleGrant> title={translate("staff.state")} render={(_, g) => state(g)} />
          <Table.Column<RoleGrant> title={translate("table.actions")} render={(_, g) => actions(g)} />
        </ResponsiveTable>
        <Modal open={inviting} title={translate("staff.invite")} onCancel={() => setInviting(false)} onOk={() => form.submit()}
          okText={translate("staff.sendInvite")} confirmLoading={sending === "new"} forceRender>
          <Alert type="info" showIcon message={translate("staff.inviteHint")} style={{ marginBottom: 16 }} />
          <Form form={form} layout="vertical" onFinish={invite}>
            <Form.Item name="email" label={translate("staff.email")} rules={[
              { required: true, message: translate("pages.login.errors.requiredEmail") },
              { type: "email", message: translate("pages.login.errors.validEmail") },
            ]}>
              <Input size="large" inputMode="email" autoComplete="off" />
            </Form.Item>
            <Form.Item name="org_unit_id" label={translate("staff.unit")} rules={[{ required: true, message: translate("staff.chooseUnit") }]}>
              <UnitSelect size="large" placeholder={translate("staff.unitSearch")} levels={["district", "street", "community", "team"]} managedOnly onChange={() => form.setFieldValue("role", undefined)} />
            </Form.Item>
            <Form.Item name="role" label={translate("staff.role")} required rules={[{ required: Boolean(unit), message: translate("staff.chooseRole") }]}
              extra={unit ? undefined : translate("staff.unitFirst")}>
              <Select size="large" options={roles.map((r) => ({ value: r, label: translate(`roles.${r}`) }))} disabled={!unit} />
            </Form.Item>
            <Form.Item name="note" label={translate("staff.note")} rules={[{ max: 200 }]}>
              <Input size="large" />
            </Form.Item>
          </Form>
        </Modal>
      </List>
    </>
  );
}
