// Star-level upgrades (星级晋升): volunteers who reached a new level wait here until an admin of their
// scope confirms it and a certificate is issued; issued certificates print from here.
import { CheckOutlined, PrinterOutlined } from "@ant-design/icons";
import { useTable } from "@refinedev/antd";
import { useCan, useInvalidate, useList, useTranslate } from "@refinedev/core";
import { Button, Input, Popconfirm, Space, Table, Tabs, Tag, Typography } from "antd";
import { RecordCard, ResponsiveTable, useIsPhone } from "../../components/Responsive";
import { Stars, useStarName } from "../../components/Stars";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import type { StarLevel } from "../../domain/stars";
import { useRpcAction } from "../../providers/rpc";
import type { StarAward } from "../../types/app";
import { List } from "../../components/Page";

type Row = StarAward & { volunteers: StarAward["volunteers"] & { volunteer_service_totals?: { approved_hours: number } | null } };
const SELECT = "*, volunteers!inner(name, gender, home_street_id, home_community_id, volunteer_service_totals(approved_hours))";

export default function StarAwardList() {
  const translate = useTranslate();
  const phone = useIsPhone();
  const run = useRpcAction();
  const { data: canConfirm } = useCan({ resource: "star_awards", action: "confirm" });
  const invalidate = useInvalidate();
  const [tab, setTab] = useState<"queued" | "confirmed">("queued");
  const { result: levels } = useList<StarLevel>({ resource: "star_levels", pagination: { mode: "off" }, sorters: [{ field: "level", order: "asc" }] });
  const { tableProps, setFilters, setSorters } = useTable<Row>({
    resource: "star_awards",
    meta: { select: SELECT },
    filters: { permanent: [{ field: "status", operator: "eq", value: tab }] },
    sorters: { initial: [{ field: tab === "queued" ? "eligible_on" : "confirmed_at", order: tab === "queued" ? "asc" : "desc" }] },
    pagination: { pageSize: 20 },
    syncWithLocation: false,
  });
  // the queue oldest first; certificates newest first
  useEffect(() => {
    setSorters([tab === "queued" ? { field: "eligible_on", order: "asc" } : { field: "confirmed_at", order: "desc" }]);
  }, [tab, setSorters]);
  const starName = useStarName();
  const levelName = (l: number) => starName(l, levels?.data.find((x) => x.level === l)?.name);

  const confirm = async (a: Row) => {
    await run("confirm_star_award", { p_award_id: a.id }, (no) => translate("stars.confirmOk", { no }));
    invalidate({ resource: "star_awards", invalidates: ["list"] });
  };

  const action = (a: Row, size?: "small") =>
    a.status === "queued" ? (
      canConfirm?.can && (
        <Popconfirm title={translate("lists.confirmStar", { name: a.volunteers?.name ?? "", level: levelName(a.level) })} onConfirm={() => confirm(a)}
          okText={translate("stars.confirm")}>
          <Button size={size} type="primary" icon={<CheckOutlined />}>{translate("stars.confirm")}</Button>
        </Popconfirm>
      )
    ) : (
      <Link to={`/certificates/star/${a.id}`}><Button size={size} icon={<PrinterOutlined />}>{translate("stars.print")}</Button></Link>
    );

  return (
    <List title={translate("stars.title")}>
      <Typography.Paragraph type="secondary">
        {translate("stars.levels")}：{(levels?.data ?? []).map((l) => `${levelName(l.level)} ${l.min_hours} ${translate("dashboard.hoursUnit")}`).join(" · ")}
      </Typography.Paragraph>
      <Tabs activeKey={tab} onChange={(k) => setTab(k as "queued" | "confirmed")}
        items={[{ key: "queued", label: translate("stars.queue") }, { key: "confirmed", label: translate("stars.confirmed") }]} />
      <Input.Search allowClear placeholder={translate("service.searchVolunteer")} aria-label={translate("service.searchVolunteer")}
        style={{ width: phone ? "100%" : 220, marginBottom: 12 }}
        onSearch={(q) => setFilters([{ field: "volunteers.name", operator: "contains", value: q.trim() || undefined }], "replace")} />
      <ResponsiveTable<Row> {...tableProps} rowKey="id" locale={{ emptyText: translate("common.empty") }} data-testid="star-awards"
        pagination={{ ...tableProps.pagination, showTotal: (total) => translate("common.total", { total }) }}
        card={(a) => (
          <RecordCard testId="star-award-card"
            title={<Link to={`/passbook/${a.volunteer_id}`}>{a.volunteers?.name}</Link>}
            extra={<Stars level={a.level} />}
            fields={[
              { label: translate("stars.level"), value: levelName(a.level) },
              { label: translate("stars.hours"), value: a.hours_at_eligibility },
              ...(a.status === "queued"
                ? [{ label: translate("stars.eligibleOn"), value: a.eligible_on }]
                : [{ label: translate("stars.certificateNo"), value: a.certificate_no }, { label: translate("stars.confirmedAt"), value: a.confirmed_at?.slice(0, 10) }]),
            ]}
            actions={action(a)} />
        )}>
        <Table.Column<Row> title={translate("volunteers.name")} render={(_, a) => <Link to={`/passbook/${a.volunteer_id}`}>{a.volunteers?.name}</Link>} />
        <Table.Column<Row> dataIndex="level" title={translate("stars.level")} sorter render={(l: number) => (
          <Space><Stars level={l} /><Tag>{levelName(l)}</Tag></Space>
        )} />
        <Table.Column<Row> dataIndex="hours_at_eligibility" title={translate("stars.hours")} align="right" />
        <Table.Column<Row> title={translate("stars.hoursNow")} align="right" render={(_, a) => a.volunteers?.volunteer_service_totals?.approved_hours ?? 0} />
        <Table.Column<Row> dataIndex="eligible_on" title={translate("stars.eligibleOn")} sorter />
        {tab === "confirmed" && <Table.Column<Row> dataIndex="certificate_no" title={translate("stars.certificateNo")} />}
        {tab === "confirmed" && <Table.Column<Row> dataIndex="confirmed_at" title={translate("stars.confirmedAt")} render={(d: string) => d?.slice(0, 10)} />}
        <Table.Column<Row> title={translate("table.actions")} render={(_, a) => action(a, "small")} />
      </ResponsiveTable>
    </List>
  );
}
