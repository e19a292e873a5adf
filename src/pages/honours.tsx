// The commendation list (公示榜单): projects and teams rated three stars and above, by round, with
// their certificates; and, in the user's scope, volunteers certified at three stars and above.
import { PrinterOutlined } from "@ant-design/icons";
import { useTable } from "@refinedev/antd";
import { useList, useTranslate } from "@refinedev/core";
import { Button, Select, Space, Table, Tabs, Tag } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { ExportButton } from "../components/ExportButton";
import { RecordCard, ResponsiveTable, useIsPhone } from "../components/Responsive";
import { Stars } from "../components/Stars";
import type { RatingRound, StarAward } from "../types/app";
import { List } from "../components/Page";

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
  const phone = useIsPhone();
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
      <Space wrap>
        <Select allowClear style={{ width: phone ? "100%" : 260, minWidth: 200 }} placeholder={translate("ratings.round")} aria-label={translate("ratings.round")} value={roundId} onChange={setRoundId}
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
        <ResponsiveTable<Honour> {...tableProps} rowKey="id" locale={{ emptyText: translate("common.empty") }} data-testid="honours-table"
          pagination={{ ...tableProps.pagination, showTotal: (total) => translate("common.total", { total }) }}
          card={(r) => (
            <RecordCard testId="honour-card" title={r.subject_name} extra={<Stars level={r.star_level} style={{ fontSize: 16 }} />}
              fields={[
                { label: translate("ratings.kind"), value: `${translate(`ratings.kinds.${r.subject_kind}`)} · ${r.unit_name}` },
                { label: translate("ratings.round"), value: r.round_name },
                { label: translate("ratings.certificate"), value: r.certificate_no },
              ]}
              actions={<Link to={`/certificates/rating/${r.id}`}><Button icon={<PrinterOutlined />}>{translate("stars.print")}</Button></Link>} />
          )}>
          <Table.Column<Honour> dataIndex="subject_name" title={translate("ratings.subject")} render={(n) => <b>{n}</b>} />
          <Table.Column<Honour> dataIndex="subject_kind" title={translate("ratings.kind")} render={(k) => <Tag>{translate(`ratings.kinds.${k}`)}</Tag>} />
          <Table.Column<Honour> dataIndex="unit_name" title={translate("ratings.unit")} />
          <Table.Column<Honour> dataIndex="star_level" title={translate("ratings.star")} render={(s: number) => <Stars level={s} style={{ fontSize: 16 }} />} />
          <Table.Column<Honour> dataIndex="round_name" title={translate("ratings.round")} />
          <Table.Column<Honour> dataIndex="certificate_no" title={translate("ratings.certificate")} />
          <Table.Column<Honour> title={translate("table.actions")} render={(_, r) => (
            <Link to={`/certificates/rating/${r.id}`} aria-label={`${translate("stars.print")}：${r.subject_name}`}><Button size="small" icon={<PrinterOutlined />} tabIndex={-1} /></Link>
          )} />
        </ResponsiveTable>
      ) : (
        <ResponsiveTable<StarAward> {...people.tableProps} rowKey="id" locale={{ emptyText: translate("common.empty") }}
          pagination={{ ...people.tableProps.pagination, showTotal: (total) => translate("common.total", { total }) }}
          card={(a) => (
            <RecordCard testId="honour-person-card" title={<Link to={`/passbook/${a.volunteer_id}`}>{a.volunteers?.name}</Link>}
              extra={<Stars level={a.level} style={{ fontSize: 16 }} />}
              fields={[
                { label: translate("stars.hours"), value: a.hours_at_certificate },
                { label: translate("stars.certificateNo"), value: a.certificate_no },
                { label: translate("stars.confirmedAt"), value: a.confirmed_at?.slice(0, 10) },
              ]}
              actions={<Link to={`/certificates/star/${a.id}`}><Button icon={<PrinterOutlined />}>{translate("stars.print")}</Button></Link>} />
          )}>
          <Table.Column<StarAward> title={translate("volunteers.name")} render={(_, a) => <Link to={`/passbook/${a.volunteer_id}`}>{a.volunteers?.name}</Link>} />
          <Table.Column<StarAward> dataIndex="level" title={translate("stars.level")} render={(s: number) => <Stars level={s} style={{ fontSize: 16 }} />} />
          <Table.Column<StarAward> dataIndex="hours_at_certificate" title={translate("stars.hours")} align="right" />
          <Table.Column<StarAward> dataIndex="certificate_no" title={translate("stars.certificateNo")} />
          <Table.Column<StarAward> dataIndex="confirmed_at" title={translate("stars.confirmedAt")} render={(d: string) => d?.slice(0, 10)} />
          <Table.Column<StarAward> title={translate("table.actions")} render={(_, a) => (
            <Link to={`/certificates/star/${a.id}`} aria-label={`${translate("stars.print")}：${a.volunteers?.name ?? ""}`}><Button size="small" icon={<PrinterOutlined />} tabIndex={-1} /></Link>
          )} />
        </ResponsiveTable>
      )}
    </List>
  );
}
