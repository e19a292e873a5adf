// The commendation list (公示榜单): projects and teams rated three stars and above, by round, with
// their certificates; and, in the user's scope, volunteers certified at three stars and above.
import { PrinterOutlined } from "@ant-design/icons";
import { List, useTable } from "@refinedev/antd";
import { useList, useTranslate } from "@refinedev/core";
import { Button, Select, Space, Table, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { ExportButton } from "../components/ExportButton";
import { stars } from "../domain/stars";
import type { RatingRound, StarAward } from "../types/app";
import { STAR_COLOR } from "../theme";

interface Honour {
  id: number;
  round_id: number;
  round_name: string;
  subject_kind: "project" | "team";
  subject_name: string;
  unit_name: string;
  star_level: number;
  certificate_no: string;
  awarded_at: string;
}

export default function HonoursPage() {
  const translate = useTranslate();
  const [tab, setTab] = useState("ratings");
  const [roundId, setRoundId] = useState<number>();
  const { result: rounds } = useList<RatingRound>({ resource: "rating_rounds", pagination: { mode: "off" }, sorters: [{ field: "year", order: "desc" }] });
  const { tableProps, filters, sorters } = useTable<Honour>({
    resource: "rating_honours",
    filters: { permanent: roundId ? [{ field: "round_id", operator: "eq", value: roundId }] : [] },
    sorters: { initial: [{ field: "star_level", order: "desc" }, { field: "review_total", order: "desc" }] },
    pagination: { pageSize: 20 }, syncWithLocation: false,
  });
  const people = useTable<StarAward>({
    resource: "star_awards", meta: { select: "*, volunteers(name)" },
    filters: { permanent: [{ field: "status", operator: "eq", value: "confirmed" }, { field: "level", operator: "gte", value: 3 }] },
    sorters: { initial: [{ field: "level", order: "desc" }, { field: "confirmed_at", order: "desc" }] },
    pagination: { pageSize: 20 }, syncWithLocation: false,
  });

  return (
    <List title={translate("ratings.honoursTitle")} headerButtons={() => (
      <Space>
        <Select allowClear style={{ width: 260 }} placeholder={translate("ratings.round")} value={roundId} onChange={setRoundId}
          options={(rounds?.data ?? []).map((r) => ({ value: r.id, label: r.name }))} />
        <ExportButton<Honour> resource="rating_honours" filters={filters} sorters={sorters} filename="honours" columns={[
          { title: translate("ratings.round"), value: (r) => r.round_name },
          { title: translate("ratings.subject"), value: (r) => r.subject_name },
          { title: translate("ratings.kind"), value: (r) => translate(`ratings.kinds.${r.subject_kind}`) },
          { title: translate("ratings.unit"), value: (r) => r.unit_name },
          { title: translate("ratings.star"), value: (r) => r.star_level },
          { title: translate("ratings.certificate"), value: (r) => r.certificate_no },
        ]} />
      </Space>
    )}>
      <Tabs activeKey={tab} onChange={setTab} items={[
        { key: "ratings", label: `${translate("ratings.kinds.project")} / ${translate("ratings.kinds.team")}` },
        { key: "people", label: translate("volunteers.title") },
      ]} />
      {tab === "ratings" ? (
        <Table {...tableProps} rowKey="id" locale={{ emptyText: translate("common.empty") }} data-testid="honours-table"
          pagination={{ ...tableProps.pagination, showTotal: (total) => translate("common.total", { total }) }}>
          <Table.Column<Honour> dataIndex="subject_name" title={translate("ratings.subject")} render={(n) => <b>{n}</b>} />
          <Table.Column<Honour> dataIndex="subject_kind" title={translate("ratings.kind")} render={(k) => <Tag>{translate(`ratings.kinds.${k}`)}</Tag>} />
          <Table.Column<Honour> dataIndex="unit_name" title={translate("ratings.unit")} />
          <Table.Column<Honour> dataIndex="star_level" title={translate("ratings.star")} render={(s: number) => <Typography.Text style={{ color: STAR_COLOR, fontSize: 16 }}>{stars(s)}</Typography.Text>} />
          <Table.Column<Honour> dataIndex="round_name" title={translate("ratings.round")} />
          <Table.Column<Honour> dataIndex="certificate_no" title={translate("ratings.certificate")} />
          <Table.Column<Honour> render={(_, r) => <Link to={`/certificates/rating/${r.id}`}><Button size="small" icon={<PrinterOutlined />} /></Link>} />
        </Table>
      ) : (
        <Table {...people.tableProps} rowKey="id" locale={{ emptyText: translate("common.empty") }}
          pagination={{ ...people.tableProps.pagination, showTotal: (total) => translate("common.total", { total }) }}>
          <Table.Column<StarAward> title={translate("volunteers.name")} render={(_, a) => <Link to={`/passbook/${a.volunteer_id}`}>{a.volunteers?.name}</Link>} />
          <Table.Column<StarAward> dataIndex="level" title={translate("stars.level")} render={(s: number) => <Typography.Text style={{ color: STAR_COLOR, fontSize: 16 }}>{stars(s)}</Typography.Text>} />
          <Table.Column<StarAward> dataIndex="hours_at_certificate" title={translate("stars.hours")} align="right" />
          <Table.Column<StarAward> dataIndex="certificate_no" title={translate("stars.certificateNo")} />
          <Table.Column<StarAward> dataIndex="confirmed_at" title={translate("stars.confirmedAt")} render={(d: string) => d?.slice(0, 10)} />
          <Table.Column<StarAward> render={(_, a) => <Link to={`/certificates/star/${a.id}`}><Button size="small" icon={<PrinterOutlined />} /></Link>} />
        </Table>
      )}
    </List>
  );
}
