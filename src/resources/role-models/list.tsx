// Role models (银龄榜样) on the "smiling faces wall" (最美笑脸墙): a gallery of the honour roll with
// titles, stories and awards; the organisation department (and street admins for their street)
// keep it.
import { EditOutlined, PlusOutlined, TrophyOutlined } from "@ant-design/icons";
import { useModalForm } from "@refinedev/antd";
import { useCan, useCreate, useInvalidate, useList, useTranslate } from "@refinedev/core";
import { App, Avatar, Button, Card, Col, Empty, Form, Input, InputNumber, Modal, Row, Select, Skeleton, Space, Switch, Tag, Typography } from "antd";
import { useState } from "react";
import { UnitSelect } from "../../components/UnitSelect";
import { errorMessage } from "../../providers/data";
import type { RoleModel } from "../../types/app";
import { List } from "../../components/Page";

const LEVEL_COLORS = { provincial: "red", municipal: "volcano", district: "gold" } as const;
const PALETTE = ["#c0392b", "#d35400", "#b9770e", "#1e8449", "#2471a3", "#7d3c98"];
const SELECT = "*, street:org_units!street_id(name), role_model_awards(id, level, title, year)";

export default function RoleModelWall() {
  const translate = useTranslate();
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const { data: canCreate } = useCan({ resource: "role_models", action: "create" });
  const [awardFor, setAwardFor] = useState<RoleModel>();
  const [editing, setEditing] = useState<RoleModel>();
  const [awardForm] = Form.useForm();
  const { mutateAsync: createAward } = useCreate();
  const { result, query } = useList<RoleModel>({
    resource: "role_models", meta: { select: SELECT }, pagination: { mode: "off" }, sorters: [{ field: "sort_order", order: "asc" }, { field: "id", order: "asc" }],
  });
  const { result: counts } = useList<{ level: string; awards: number }>({ resource: "role_model_award_counts", pagination: { mode: "off" } });
  const create = useModalForm<RoleModel>({ resource: "role_models", action: "create", redirect: false });
  const edit = useModalForm<RoleModel>({ resource: "role_models", action: "edit", redirect: false });
  const models = result?.data ?? [];
  const count = (level: string) => counts?.data.find((c) => c.level === level)?.awards ?? 0;

  const form = (props: typeof create.formProps) => (
    <Form {...props} layout="vertical">
      <Space.Compact block style={{ flexWrap: "wrap" }}>
        <Form.Item name="name" label={translate("roleModels.name")} rules={[{ required: true, whitespace: true }, { max: 30 }]} style={{ width: "50%" }}><Input maxLength={30} /></Form.Item>
        <Form.Item name="title" label={translate("roleModels.honorific")} rules={[{ required: true, whitespace: true }, { max: 30 }]} style={{ width: "50%" }}><Input maxLength={30} placeholder={translate("lists.honorificExample")} /></Form.Item>
      </Space.Compact>
      <Form.Item name="street_id" label={translate("roleModels.street")}><UnitSelect levels={["street"]} managedOnly /></Form.Item>
      <Form.Item name="story" label={translate("roleModels.story")} rules={[{ max: 4000 }]}><Input.TextArea rows={4} maxLength={4000} showCount /></Form.Item>
      <Form.Item name="photo_url" label={translate("roleModels.photo")} rules={[{ pattern: /^(https:\/\/|\/)/, message: "https://…" }]}><Input /></Form.Item>
      <Space wrap>
        <Form.Item name="sort_order" label="#" initialValue={100}><InputNumber min={0} /></Form.Item>
        <Form.Item name="published" label={translate("roleModels.published")} valuePropName="checked" initialValue={true}><Switch /></Form.Item>
      </Space>
    </Form>
  );

  return (
    <List title={`${translate("roleModels.title")} · ${translate("roleModels.wall")}`} headerButtons={() =>
      canCreate?.can && <Button type="primary" icon={<PlusOutlined />} onClick={() => create.show()}>{translate("roleModels.add")}</Button>}>
      <Typography.Paragraph type="secondary" data-testid="role-model-count">
        {translate("roleModels.count", { n: models.length, p: count("provincial"), m: count("municipal") })}
      </Typography.Paragraph>
      {query.isLoading ? <Skeleton active /> : models.length === 0 ? <Empty description={translate("common.empty")} /> : (
        <Row gutter={[16, 16]}>
          {models.map((m, i) => (
            <Col xs={24} sm={12} lg={8} xl={6} key={m.id}>
              <Card style={{ height: "100%", opacity: m.published ? 1 : 0.75 }} data-testid="role-model-card"
                actions={canCreate?.can ? [
                  <Button key="edit" type="text" icon={<EditOutlined />} style={{ minHeight: 44 }} aria-label={translate("lists.editRoleModel", { name: m.name })}
                    onClick={() => { setEditing(m); edit.show(m.id); }}>{translate("buttons.edit")}</Button>,
                  <Button key="award" type="text" icon={<TrophyOutlined />} style={{ minHeight: 44 }} aria-label={`${translate("roleModels.addAward")} · ${m.name}`}
                    onClick={() => { awardForm.resetFields(); setAwardFor(m); }}>{translate("roleModels.addAward")}</Button>,
                ] : undefined}>
                <Space direction="vertical" align="center" style={{ width: "100%" }}>
                  {m.photo_url ? <Avatar size={96} src={m.photo_url} /> : (
                    <Avatar size={96} style={{ background: PALETTE[i % PALETTE.length], fontSize: 40 }}>{m.name.slice(0, 1)}</Avatar>
                  )}
                  <Tag color="red" style={{ fontSize: 15, padding: "2px 10px", margin: 0 }}>“{m.title}”</Tag>
                  <Typography.Title level={5} style={{ margin: 0 }}>{m.name}</Typography.Title>
                  <Typography.Text type="secondary">{m.street?.name}</Typography.Text>
                  <Space wrap size={[4, 4]} style={{ justifyContent: "center" }}>
                    {(m.role_model_awards ?? []).map((a) => (
                      <Tag key={a.id} color={LEVEL_COLORS[a.level]}>{translate(`roleModels.levels.${a.level}`)} · {a.title}{a.year ? ` ${a.year}` : ""}</Tag>
                    ))}
                  </Space>
                  <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ textAlign: "left", marginBottom: 0 }}>{m.story}</Typography.Paragraph>
                </Space>
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Modal {...create.modalProps} title={translate("roleModels.add")}>{form(create.formProps)}</Modal>
      <Modal {...edit.modalProps} title={translate("lists.editRoleModel", { name: editing?.name ?? "" })}>{form(edit.formProps)}</Modal>
      <Modal open={!!awardFor} title={`${translate("roleModels.addAward")} · ${awardFor?.name ?? ""}`} onCancel={() => setAwardFor(undefined)} onOk={() => awardForm.submit()} destroyOnHidden>
        <Form form={awardForm} layout="vertical" onFinish={async (v: { level: string; title: string; year?: number }) => {
          const error = await createAward({ resource: "role_model_awards", values: { role_model_id: awardFor!.id, level: v.level, title: v.title.trim(), year: v.year ?? null },
            successNotification: false, errorNotification: false }).then(() => null, (e: unknown) => e);
          if (error) {
            message.error(errorMessage(error));
            return;
          }
          setAwardFor(undefined);
          invalidate({ resource: "role_models", invalidates: ["list"] });
          invalidate({ resource: "role_model_award_counts", invalidates: ["list"] });
        }}>
          <Form.Item name="level" label={translate("common.level")} rules={[{ required: true }]}>
            <Select options={(["provincial", "municipal", "district"] as const).map((l) => ({ value: l, label: translate(`roleModels.levels.${l}`) }))} />
          </Form.Item>
          <Form.Item name="title" label={translate("roleModels.awardTitle")} rules={[{ required: true, whitespace: true }, { max: 60 }]}><Input maxLength={60} placeholder={translate("lists.awardTitleExample")} /></Form.Item>
          <Form.Item name="year" label={translate("roleModels.year")}><InputNumber min={2000} max={2100} /></Form.Item>
        </Form>
      </Modal>
    </List>
  );
}
