// The reward catalogue (积分兑换目录) offered by the alliance partners: filter by category, redeem for
// a volunteer; the organisation department adds rewards, sets stock and takes them off the shelf.
import { EditOutlined, PlusOutlined, ShoppingOutlined } from "@ant-design/icons";
import { useModalForm, useTable } from "@refinedev/antd";
import { useCan, useInvalidate, useList, useTranslate } from "@refinedev/core";
import { Button, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton";
import { RecordCard, ResponsiveTable } from "../../components/Responsive";
import { RedeemModal } from "../../components/RedeemModal";
import { REWARD_CATEGORIES, type RewardCategory } from "../../domain/passbook";
import type { NamedRef, Reward } from "../../types/app";
import { List } from "../../components/Page";

const CATEGORY_COLORS: Record<RewardCategory, string> = { daily_goods: "blue", culture_tourism: "purple", health_care: "green" };
const SELECT = "*, alliance_partners(name)";

export default function RewardList() {
  const translate = useTranslate();
  const invalidate = useInvalidate();
  const { data: canEdit } = useCan({ resource: "rewards", action: "edit" });
  const [category, setCategory] = useState<RewardCategory | "all">("all");
  const [redeemFor, setRedeemFor] = useState<number>();
  const [editing, setEditing] = useState<Reward>();
  const mayRedeem = !!useCan({ resource: "rewards", action: "redeem" }).data?.can;
  const { tableProps, filters, sorters, setFilters } = useTable<Reward>({
    resource: "rewards",
    meta: { select: SELECT },
    sorters: { initial: [{ field: "category", order: "asc" }, { field: "points_cost", order: "asc" }] },
    pagination: { pageSize: 20 },
    syncWithLocation: false,
  });
  const { result: partners } = useList<NamedRef>({ resource: "alliance_partners", pagination: { mode: "off" }, sorters: [{ field: "id", order: "asc" }] });
  const { modalProps, formProps, show } = useModalForm<Reward>({
    resource: "rewards", action: "create", redirect: false, meta: { select: SELECT },
    onMutationSuccess: () => invalidate({ resource: "rewards", invalidates: ["list"] }),
  });
  const edit = useModalForm<Reward>({ resource: "rewards", action: "edit", redirect: false, meta: { select: SELECT } });

  const form = (props: typeof formProps) => (
    <Form {...props} layout="vertical">
      <Form.Item name="category" label={translate("rewards.category")} rules={[{ required: true }]}>
        <Select options={REWARD_CATEGORIES.map((c) => ({ value: c, label: translate(`rewards.categories.${c}`) }))} />
      </Form.Item>
      <Form.Item name="name" label={translate("rewards.name")} rules={[{ required: true, whitespace: true }, { max: 60 }]}><Input maxLength={60} /></Form.Item>
      <Form.Item name="partner_id" label={translate("rewards.partner")}>
        <Select allowClear options={(partners?.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="points_cost" label={translate("rewards.cost")} rules={[{ required: true }]}><InputNumber min={1} precision={0} /></Form.Item>
        <Form.Item name="stock" label={translate("rewards.stock")} rules={[{ required: true }]}><InputNumber min={0} precision={0} /></Form.Item>
        <Form.Item name="active" label={translate("rewards.active")} valuePropName="checked" initialValue={true}><Switch /></Form.Item>
      </Space>
      <Form.Item name="description" label={translate("rewards.description")} rules={[{ max: 500 }]}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
    </Form>
  );

  const stockText = (r: Reward) => (r.stock === 0 ? <Tag>{translate("rewards.outOfStock")}</Tag> : r.active ? r.stock : <>{r.stock} <Tag>{translate("rewards.inactive")}</Tag></>);
  const rowActions = (r: Reward, size?: "small") => (
    <Space wrap size={4}>
      {mayRedeem && r.active && r.stock > 0 && <Button size={size} type={size ? "default" : "primary"} icon={<ShoppingOutlined />} onClick={() => setRedeemFor(r.id)}>{translate("rewards.redeem")}</Button>}
      {canEdit?.can && (
        <Button size={size} icon={<EditOutlined />} onClick={() => { setEditing(r); edit.show(r.id); }} aria-label={translate("lists.editReward", { name: r.name })}>
          {size ? undefined : translate("buttons.edit")}
        </Button>
      )}
    </Space>
  );

  return (
    <List
      title={translate("rewards.title")}
      headerButtons={() => (
        <Space wrap>
          <ExportButton<Reward> resource="rewards" filters={filters} sorters={sorters} select={SELECT} filename="rewards" columns={[
            { title: translate("rewards.category"), value: (r) => translate(`rewards.categories.${r.category}`) },
            { title: translate("rewards.name"), value: (r) => r.name },
            { title: translate("rewards.partner"), value: (r) => r.alliance_partners?.name },
            { title: translate("rewards.cost"), value: (r) => r.points_cost },
            { title: translate("rewards.stock"), value: (r) => r.stock },
            { title: translate("rewards.active"), value: (r) => (r.active ? translate("common.yes") : translate("common.no")) },
          ]} />
          {mayRedeem && <Button icon={<ShoppingOutlined />} onClick={() => setRedeemFor(0)}>{translate("rewards.redeem")}</Button>}
          {canEdit?.can && <Button type="primary" icon={<PlusOutlined />} onClick={() => show()}>{translate("rewards.add")}</Button>}
        </Space>
      )}
    >
      <Typography.Paragraph type="secondary">{translate("rewards.alliance")}</Typography.Paragraph>
      <Radio.Group value={category} style={{ marginBottom: 16, display: "flex", flexWrap: "wrap", rowGap: 8 }} optionType="button" onChange={(e) => {
        setCategory(e.target.value);
        setFilters(e.target.value === "all" ? [] : [{ field: "category", operator: "eq", value: e.target.value }], "replace");
      }} options={[{ value: "all", label: translate("common.all") }, ...REWARD_CATEGORIES.map((c) => ({ value: c, label: translate(`rewards.categories.${c}`) }))]} />
      <ResponsiveTable<Reward> {...tableProps} rowKey="id" locale={{ emptyText: translate("common.empty") }}
        pagination={{ ...tableProps.pagination, showTotal: (total) => translate("common.total", { total }) }}
        card={(r) => (
          <RecordCard testId="reward-card" title={r.name}
            extra={<Tag color={CATEGORY_COLORS[r.category]}>{translate(`rewards.categories.${r.category}`)}</Tag>}
            fields={[
              { label: translate("rewards.cost"), value: r.points_cost },
              { label: translate("rewards.stock"), value: stockText(r) },
              ...(r.alliance_partners?.name ? [{ label: translate("rewards.partner"), value: r.alliance_partners.name }] : []),
            ]}
            actions={(mayRedeem || canEdit?.can) && rowActions(r)} />
        )}>
        <Table.Column<Reward> dataIndex="category" title={translate("rewards.category")} width={110}
          render={(c: RewardCategory) => <Tag color={CATEGORY_COLORS[c]}>{translate(`rewards.categories.${c}`)}</Tag>} />
        <Table.Column<Reward> dataIndex="name" title={translate("rewards.name")} sorter render={(n, r) => (
          <Space direction="vertical" size={0}><b>{n}</b><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.description}</Typography.Text></Space>
        )} />
        <Table.Column<Reward> title={translate("rewards.partner")} render={(_, r) => r.alliance_partners?.name} />
        <Table.Column<Reward> dataIndex="points_cost" title={translate("rewards.cost")} sorter align="right" />
        <Table.Column<Reward> dataIndex="stock" title={translate("rewards.stock")} sorter align="right" render={(_, r) => stockText(r)} />
        <Table.Column<Reward> dataIndex="active" title={translate("rewards.active")} render={(a: boolean) => (a ? <Tag color="green">{translate("common.yes")}</Tag> : <Tag>{translate("rewards.inactive")}</Tag>)} />
        {(mayRedeem || canEdit?.can) && (
          <Table.Column<Reward> title={translate("table.actions")} render={(_, r) => rowActions(r, "small")} />
        )}
      </ResponsiveTable>
      <Modal {...modalProps} title={translate("rewards.add")}>{form(formProps)}</Modal>
      <Modal {...edit.modalProps} title={translate("lists.editReward", { name: editing?.name ?? "" })}>{form(edit.formProps)}</Modal>
      <RedeemModal open={redeemFor !== undefined} rewardId={redeemFor || undefined} onClose={() => setRedeemFor(undefined)}
        onDone={() => invalidate({ resource: "rewards", invalidates: ["list"] })} />
    </List>
  );
}
