// The organisation tree: browse, add a sub-unit, edit, move and delete inside one's scope.
import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { useCreate, useDelete, useTranslate, useUpdate } from "@refinedev/core";
import { Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, Modal, Popconfirm, Row, Space, Tag, Tree, Typography } from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { PageTitle } from "../../components/Page";
import { useIsPhone } from "../../components/Responsive";
import { useOrgUnits, UnitSelect } from "../../components/UnitSelect";
import { childLevel, LEVEL_ORDER, manages, managesStrictly } from "../../domain/scope";
import { useScope } from "../../providers/scope";
import type { OrgUnit } from "../../types/app";

type Mode = { kind: "create"; parent: OrgUnit } | { kind: "edit"; unit: OrgUnit } | { kind: "move"; unit: OrgUnit };

interface UnitForm {
  name: string;
  description?: string;
  established_on?: dayjs.Dayjs | null;
  parent_id?: number;
}

export default function OrgTreePage() {
  const translate = useTranslate();
  const phone = useIsPhone();
  const { units, loading } = useOrgUnits();
  const { scope } = useScope();
  const [selectedId, setSelectedId] = useState<number>();
  const [search, setSearch] = useState("");
  const [mode, setMode] = useState<Mode>();
  const [form] = Form.useForm<UnitForm>();
  const { mutateAsync: create, mutation: createState } = useCreate<OrgUnit>();
  const { mutateAsync: update, mutation: updateState } = useUpdate<OrgUnit>();
  const { mutate: remove } = useDelete();

  const treeData = useMemo(() => {
    type Node = { key: number; title: React.ReactNode; children: Node[] };
    const nodes = new Map<number, Node>();
    const roots: Node[] = [];
    const hit = (u: OrgUnit) => !search || u.name.includes(search);
    const keep = new Set<number>();
    if (search) {
      for (const u of units) if (hit(u)) [u.id, u.district_id, u.street_id, u.community_id].forEach((id) => id && keep.add(id));
    }
    for (const u of units) {
      if (search && !keep.has(u.id)) continue;
      nodes.set(u.id, {
        key: u.id,
        title: (
          <span>
            {u.name}
            {u.level === "team" && <Typography.Text type="secondary"> · {translate("lists.peopleCount", { n: u.active_member_count })}</Typography.Text>}
          </span>
        ),
        children: [],
      });
    }
    for (const u of units) {
      const n = nodes.get(u.id);
      if (!n) continue;
      const p = u.parent_id ? nodes.get(u.parent_id) : undefined;
      if (p) p.children.push(n);
      else roots.push(n);
    }
    return roots;
  }, [units, search, translate]);

  const selected = units.find((u) => u.id === selectedId);
  const parent = selected?.parent_id ? units.find((u) => u.id === selected.parent_id) : undefined;

  const open = (m: Mode) => {
    setMode(m);
    form.resetFields();
    if (m.kind === "edit") {
      form.setFieldsValue({ name: m.unit.name, description: m.unit.description ?? "", established_on: m.unit.established_on ? dayjs(m.unit.established_on) : null });
    }
    if (m.kind === "move") form.setFieldsValue({ parent_id: m.unit.parent_id ?? undefined });
  };

  const submit = async (v: UnitForm) => {
    if (!mode) return;
    const established_on = v.established_on ? v.established_on.format("YYYY-MM-DD") : null;
    if (mode.kind === "create") {
      const r = await create({
        resource: "org_units",
        values: { name: v.name.trim(), description: v.description || null, established_on, parent_id: mode.parent.id, level: childLevel(mode.parent.level) },
        successNotification: () => ({ type: "success", message: translate("notifications.success") }),
      });
      setSelectedId(r.data.id);
    } else if (mode.kind === "edit") {
      await update({
        resource: "org_units", id: mode.unit.id,
        values: { name: v.name.trim(), description: v.description || null, established_on },
        successNotification: () => ({ type: "success", message: translate("notifications.success") }),
      });
    } else {
      await update({
        resource: "org_units", id: mode.unit.id, values: { parent_id: v.parent_id },
        successNotification: () => ({ type: "success", message: translate("orgTree.moved") }),
      });
    }
    setMode(undefined);
  };

  const parentLevel = (u: OrgUnit) => LEVEL_ORDER[LEVEL_ORDER.indexOf(u.level) - 1];

  return (
    <Row gutter={16}>
      <Col xs={24} md={10} xl={8}>
        <Card title={<PageTitle style={{ fontSize: "inherit" }}>{translate("orgTree.title")}</PageTitle>} size="small" loading={loading}>
          <Input.Search placeholder={translate("orgTree.search")} aria-label={translate("orgTree.search")} allowClear onChange={(e) => setSearch(e.target.value.trim())} style={{ marginBottom: 8 }} />
          {treeData.length === 0 ? (
            <Empty description={translate("common.empty")} />
          ) : (
            <Tree
              key={search}
              treeData={treeData}
              defaultExpandedKeys={search ? [...units.map((u) => u.id)] : units.filter((u) => u.level === "district" || u.level === "street").map((u) => u.id)}
              selectedKeys={selectedId ? [selectedId] : []}
              onSelect={(keys) => {
                setSelectedId(keys[0] as number | undefined);
                // on a phone the details are below the tree: bring them into view
                if (phone && keys[0]) setTimeout(() => document.getElementById("org-unit-details")?.scrollIntoView({ behavior: "smooth", block: "start" }), 50);
              }}
              height={phone ? 420 : 640}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} md={14} xl={16}>
        <Card
          size="small" id="org-unit-details" style={{ marginTop: phone ? 16 : 0 }}
          title={selected ? <Space>{selected.name}<Tag>{translate(`levels.${selected.level}`)}</Tag></Space> : translate("orgTree.title")}
          extra={
            selected && (
              <Space wrap>
                {childLevel(selected.level) && manages(scope, selected) && (
                  <Button icon={<PlusOutlined />} onClick={() => open({ kind: "create", parent: selected })}>
                    {translate("orgTree.addChild")}（{translate(`levels.${childLevel(selected.level)}`)}）
                  </Button>
                )}
                {(managesStrictly(scope, selected) || (selected.parent_id === null && manages(scope, selected))) && (
                  <Button icon={<EditOutlined />} onClick={() => open({ kind: "edit", unit: selected })}>{translate("buttons.edit")}</Button>
                )}
                {(selected.level === "team" || selected.level === "community") && managesStrictly(scope, selected) && (
                  <Button icon={<DragOutlined />} onClick={() => open({ kind: "move", unit: selected })}>{translate("orgTree.move")}</Button>
                )}
                {selected.parent_id !== null && managesStrictly(scope, selected) && (
                  <Popconfirm
                    title={translate("orgTree.deleteConfirm", { name: selected.name })}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove({ resource: "org_units", id: selected.id }, { onSuccess: () => setSelectedId(selected.parent_id ?? undefined) })}
                  >
                    <Button danger icon={<DeleteOutlined />}>{translate("buttons.delete")}</Button>
                  </Popconfirm>
                )}
              </Space>
            )
          }
        >
          {selected ? (
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={translate("common.level")}>{translate(`levels.${selected.level}`)}</Descriptions.Item>
              <Descriptions.Item label={translate("orgTree.parent")}>{parent?.name ?? "—"}</Descriptions.Item>
              {selected.level === "team" && (
                <Descriptions.Item label={translate("orgTree.members")}>
                  <Link to={`/teams/${selected.id}`}>{translate("lists.peopleCount", { n: selected.active_member_count })} · {translate("teams.roster")}</Link>
                </Descriptions.Item>
              )}
              {selected.level !== "team" && (
                <Descriptions.Item label={translate("nav.teams")}>
                  {units.filter((u) => u.level === "team" && [u.district_id, u.street_id, u.community_id].includes(selected.id)).length}
                </Descriptions.Item>
              )}
            </Descriptions>
          ) : (
            <Empty description={translate(phone ? "lists.selectAbove" : "orgTree.selectHint")} />
          )}
        </Card>
      </Col>
      <Modal
        open={!!mode}
        title={!mode ? "" : mode.kind === "create"
          ? translate("lists.addChildTitle", { parent: mode.parent.name, level: translate(`levels.${childLevel(mode.parent.level)}`) })
          : translate(mode.kind === "move" ? "lists.moveUnitTitle" : "lists.editUnitTitle", { name: mode.unit.name })}
        onCancel={() => setMode(undefined)}
        onOk={() => form.submit()}
        confirmLoading={createState.isPending || updateState.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} preserve>
          {mode?.kind === "move" ? (
            <>
              <Typography.Paragraph type="secondary">{translate("orgTree.moveHint")}</Typography.Paragraph>
              <Form.Item name="parent_id" label={translate("orgTree.moveTo")} rules={[{ required: true }]}>
                <UnitSelect levels={[parentLevel(mode.unit)]} managedOnly />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item name="name" label={translate("common.name")} rules={[{ required: true, whitespace: true, max: 60 }]}>
                <Input />
              </Form.Item>
              <Form.Item name="established_on" label={translate("orgTree.established")}>
                <DatePicker style={{ width: "100%" }} />
              </Form.Item>
              <Form.Item name="description" label={translate("orgTree.description")} rules={[{ max: 2000 }]}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Row>
  );
}
