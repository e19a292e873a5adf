// Staff and role grants inside the admin's scope: invite by email with a role, revoke.
import { PlusOutlined } from "@ant-design/icons";
import { List, useTable } from "@refinedev/antd";
import { useCreate, useTranslate, useUpdate, type CrudFilter } from "@refinedev/core";
import { Alert, Button, Checkbox, Form, Input, Modal, Popconfirm, Select, Table, Tag } from "antd";
import { districtNow } from "../../providers/dayjs";
import { useState } from "react";
import { useOrgUnits, UnitSelect } from "../../components/UnitSelect";
import { grantableRoles, type AppRole } from "../../domain/scope";
import { useScope } from "../../providers/scope";
import type { RoleGrant } from "../../types/app";

interface InviteForm {
  email: string;
  org_unit_id: number;
  role: AppRole;
  note?: string;
}

export default function StaffList() {
  const translate = useTranslate();
  const { scope } = useScope();
  const { units } = useOrgUnits();
  const [showRevoked, setShowRevoked] = useState(false);
  const [inviting, setInviting] = useState(false);
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
  const { mutateAsync: create, mutation } = useCreate<RoleGrant>();
  const { mutate: update } = useUpdate<RoleGrant>();

  const invite = async (v: InviteForm) => {
    await create({ resource: "role_grants", values: { ...v, email: v.email.trim().toLowerCase(), note: v.note || null } });
    setInviting(false);
    form.resetFields();
  };

  return (
    <List
      title={translate("staff.title")}
      headerButtons={() => (
        <>
          <Checkbox checked={showRevoked} onChange={(e) => setShowRevoked(e.target.checked)}>{translate("staff.showRevoked")}</Checkbox>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setInviting(true)}>{translate("staff.invite")}</Button>
        </>
      )}
    >
      <Table {...tableProps} rowKey="id" locale={{ emptyText: translate("common.empty") }}
        pagination={{ ...tableProps.pagination, showTotal: (total) => translate("common.total", { total }) }}>
        <Table.Column<RoleGrant> dataIndex="email" title={translate("staff.email")} sorter />
        <Table.Column<RoleGrant> dataIndex="role" title={translate("staff.role")} render={(r) => <Tag color="red">{translate(`roles.${r}`)}</Tag>} />
        <Table.Column<RoleGrant> title={translate("staff.unit")} render={(_, g) => g.org_units?.name} />
        <Table.Column<RoleGrant> dataIndex="note" title={translate("staff.note")} />
        <Table.Column<RoleGrant> dataIndex="granted_at" title={translate("staff.grantedAt")} sorter render={(d) => districtNow(d).format("YYYY-MM-DD HH:mm")} />
        <Table.Column<RoleGrant> title={translate("staff.state")} render={(_, g) =>
          g.revoked_at ? <Tag>{translate("staff.revoked")}</Tag> : g.user_id ? <Tag color="green">{translate("staff.activeGrant")}</Tag> : <Tag color="orange">{translate("staff.pending")}</Tag>} />
        <Table.Column<RoleGrant> title={translate("table.actions")} render={(_, g) =>
          !g.revoked_at && (
            <Popconfirm title={translate("staff.revokeConfirm", { email: g.email, role: translate(`roles.${g.role}`) })} okButtonProps={{ danger: true }}
              onConfirm={() => update({ resource: "role_grants", id: g.id, values: { revoked_at: new Date().toISOString() } })}>
              <Button size="small" danger>{translate("staff.revoke")}</Button>
            </Popconfirm>
          )} />
      </Table>
      <Modal open={inviting} title={translate("staff.invite")} onCancel={() => setInviting(false)} onOk={() => form.submit()} confirmLoading={mutation.isPending} forceRender>
        <Alert type="info" showIcon message={translate("staff.inviteHint")} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" onFinish={invite}>
          <Form.Item name="email" label={translate("staff.email")} rules={[{ required: true, type: "email" }]}>
            <Input />
          </Form.Item>
          <Form.Item name="org_unit_id" label={translate("staff.unit")} rules={[{ required: true }]}>
            <UnitSelect levels={["district", "street", "community", "team"]} managedOnly onChange={() => form.setFieldValue("role", undefined)} />
          </Form.Item>
          <Form.Item name="role" label={translate("staff.role")} rules={[{ required: true }]}>
            <Select options={roles.map((r) => ({ value: r, label: translate(`roles.${r}`) }))} disabled={!unit} />
          </Form.Item>
          <Form.Item name="note" label={translate("staff.note")} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </List>
  );
}
