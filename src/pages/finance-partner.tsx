// The printable statement for one alliance member (共建联盟单位) and year: what it gave (donation /
// sponsorship / co-building, pledged and received), which grants its money paid, and what those grants
// delivered — approved service hours and people served in the grant period (partner_statement, one row per
// source × grant). Printing leaves out the app frame.
import { PrinterOutlined } from "@ant-design/icons";
import { useOne, useTranslate } from "@refinedev/core";
import { Alert, Button, Empty, Skeleton, Space, Table, Typography } from "antd";
import { useMemo } from "react";
import { useParams } from "react-router";
import { PageTitle } from "../components/PageTitle";
import { RecordCard, useIsPhone } from "../components/Responsive";
import { formatFen } from "../domain/money";
import { districtDate } from "../providers/dayjs";
import { useRpcQuery } from "../providers/rpc";
import { useFinanceYear, YearSelect } from "../resources/funds/FinanceYear";
import type { StatementRow } from "../resources/funds/queries";
import "../resources/funds/funds.css";
import "../print.css";

const money = (fen: number | null | undefined) => <span className="money">{formatFen(fen ?? 0)}</span>;

export default function PartnerStatementPage() {
  const translate = useTranslate();
  const phone = useIsPhone();
  const { id } = useParams();
  const [year, setYear, years] = useFinanceYear();
  const { result: partner } = useOne<{ id: number; name: string; description: string | null }>({ resource: "alliance_partners", id });
  const statement = useRpcQuery<StatementRow>("partner_statement", { p_partner_id: Number(id), p_year: year }, { enabled: !!id });

  const { sources, grants, received, paid, hours } = useMemo(() => {
    const rows = statement.data ?? [];
    const sources = [...new Map(rows.map((r) => [r.source_id, r])).values()];
    const grants = rows.filter((r) => r.grant_id !== null);
    return {
      sources, grants,
      received: sources.reduce((s, r) => s + Number(r.received_fen), 0),
      paid: grants.reduce((s, r) => s + Number(r.paid_fen), 0),
      hours: grants.reduce((s, r) => s + Number(r.hours), 0),
    };
  }, [statement.data]);
  const hoursText = (h: number | string) => Number(h).toLocaleString(undefined, { maximumFractionDigits: 1 });

  return (
    <div style={{ padding: 4 }} className="finance-print">
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }} wrap>
        <PageTitle>{translate("finance.statementTitle", { name: partner?.name ?? "", year })}</PageTitle>
        <Space wrap className="no-print">
          <YearSelect value={year} onChange={setYear} years={years} />
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!statement.data}>{translate("finance.print")}</Button>
        </Space>
      </Space>
      {statement.error && <Alert type="error" showIcon message={statement.error} />}
      {!statement.data ? <Skeleton active /> : !sources.length ? <Empty description={translate("finance.noContribution", { year })} /> : (
        <>
          <Typography.Paragraph style={{ fontSize: 17 }} data-testid="statement-chain">
            {translate("finance.statementChain", {
              received: formatFen(received), grants: grants.length, paid: formatFen(paid), hours: hoursText(hours),
            })}
          </Typography.Paragraph>
          <Typography.Title level={2} style={{ fontSize: 18 }}>{translate("finance.contributionsTitle")}</Typography.Title>
          {phone ? sources.map((s) => (
            <RecordCard key={s.source_id} title={s.source_name} fields={[
              { label: translate("finance.contribution"), value: translate(`finance.contributions.${s.contribution}`) },
              { label: translate("finance.pledged"), value: money(s.pledged_fen) },
              { label: translate("finance.received"), value: money(s.received_fen) },
            ]} />
          )) : (
            <Table<StatementRow> size="small" rowKey="source_id" pagination={false} dataSource={sources} columns={[
              { key: "name", title: translate("finance.sourceName"), dataIndex: "source_name" },
              { key: "c", title: translate("finance.contribution"), render: (_, r) => `${translate(`finance.contributions.${r.contribution}`)} · ${translate(`finance.forms.${r.form}`)}` },
              { key: "p", title: translate("finance.pledged"), align: "right", render: (_, r) => money(r.pledged_fen) },
              { key: "r", title: translate("finance.received"), align: "right", render: (_, r) => money(r.received_fen) },
            ]} />
          )}
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>{translate("finance.grantsFunded")}</Typography.Title>
          {!grants.length ? <Typography.Paragraph type="secondary">{translate("finance.noGrantsYet")}</Typography.Paragraph> : phone ? grants.map((g) => (
            <RecordCard key={`${g.source_id}-${g.grant_id}`} title={g.project_name ?? g.team_name ?? ""} fields={[
              { label: translate("finance.notice.agreement"), value: g.agreement_no ?? "—" },
              { label: translate("common.team"), value: g.team_name },
              { label: translate("finance.paid"), value: money(g.paid_fen) },
              { label: translate("finance.hours"), value: hoursText(g.hours) },
              { label: translate("finance.people"), value: g.people },
            ]} />
          )) : (
            <Table<StatementRow> size="small" rowKey={(r) => `${r.source_id}-${r.grant_id}`} pagination={false} dataSource={grants} data-testid="statement-grants"
              columns={[
                { key: "a", title: translate("finance.notice.agreement"), render: (_, r) => r.agreement_no ?? "—" },
                { key: "t", title: translate("common.team"), dataIndex: "team_name" },
                { key: "p", title: translate("finance.project"), render: (_, r) => r.project_name ?? "—" },
                { key: "s", title: translate("finance.sourceName"), dataIndex: "source_name" },
                { key: "m", title: translate("finance.paid"), align: "right", render: (_, r) => money(r.paid_fen) },
                { key: "h", title: translate("finance.hours"), align: "right", render: (_, r) => hoursText(r.hours) },
                { key: "n", title: translate("finance.people"), align: "right", dataIndex: "people" },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={4}><b>{translate("finance.total")}</b></Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right"><b>{money(paid)}</b></Table.Summary.Cell>
                  <Table.Summary.Cell index={5} align="right"><b>{hoursText(hours)}</b></Table.Summary.Cell>
                  <Table.Summary.Cell index={6} />
                </Table.Summary.Row>
              )} />
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 24 }}>
            {translate("finance.statementFooter", { date: districtDate() })}
          </Typography.Paragraph>
        </>
      )}
    </div>
  );
}
