// The printable statement for one alliance member (共建联盟单位) and year: what it gave (donation /
// sponsorship / co-building, pledged and received), what its money was allocated and paid to (grants,
// teams), and what those grants delivered — approved service hours and people served in the grant periods
// (partner_statement), per source. Printing leaves out the app frame.
import { PrinterOutlined } from "@ant-design/icons";
import { useOne, useTranslate } from "@refinedev/core";
import { Alert, Button, Empty, Skeleton, Space, Table, Typography } from "antd";
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

  const rows = statement.data ?? [];
  const sum = (pick: (r: StatementRow) => number) => rows.reduce((t, r) => t + Number(pick(r)), 0);
  const received = sum((r) => r.received_fen);
  const paid = sum((r) => r.paid_fen);
  const hours = sum((r) => r.hours);
  const grants = sum((r) => r.grants);
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
      {!statement.data ? <Skeleton active /> : !rows.length ? <Empty description={translate("finance.noContribution", { year })} /> : (
        <>
          <Typography.Paragraph style={{ fontSize: 17 }} data-testid="statement-chain">
            {translate("finance.statementChain", { received: formatFen(received), grants, paid: formatFen(paid), hours: hoursText(hours) })}
          </Typography.Paragraph>
          {phone ? rows.map((r) => (
            <RecordCard key={r.source_id} testId="statement-card" title={r.source_name} fields={[
              { label: translate("finance.contribution"), value: `${translate(`finance.contributions.${r.contribution}`)} · ${translate(`finance.forms.${r.form}`)}` },
              { label: translate("finance.pledged"), value: money(r.pledged_fen) },
              { label: translate("finance.received"), value: money(r.received_fen) },
              { label: translate("finance.allocatedShort"), value: money(r.allocated_fen) },
              { label: translate("finance.paid"), value: money(r.paid_fen) },
              { label: translate("finance.grantsTeams"), value: translate("finance.grantsTeamsValue", { grants: r.grants, teams: r.teams }) },
              { label: translate("finance.hours"), value: hoursText(r.hours) },
              { label: translate("finance.people"), value: r.people },
            ]} />
          )) : (
            <Table<StatementRow> size="small" rowKey="source_id" pagination={false} dataSource={rows} scroll={{ x: "max-content" }} data-testid="statement-table"
              columns={[
                { key: "name", title: translate("finance.sourceName"), dataIndex: "source_name" },
                { key: "c", title: translate("finance.contribution"), render: (_, r) => `${translate(`finance.contributions.${r.contribution}`)} · ${translate(`finance.forms.${r.form}`)}` },
                { key: "p", title: translate("finance.pledged"), align: "right", render: (_, r) => money(r.pledged_fen) },
                { key: "r", title: translate("finance.received"), align: "right", render: (_, r) => money(r.received_fen) },
                { key: "a", title: translate("finance.allocatedShort"), align: "right", render: (_, r) => money(r.allocated_fen) },
                { key: "m", title: translate("finance.paid"), align: "right", render: (_, r) => money(r.paid_fen) },
                { key: "g", title: translate("finance.grantsTeams"), align: "right", render: (_, r) => translate("finance.grantsTeamsValue", { grants: r.grants, teams: r.teams }) },
                { key: "h", title: translate("finance.hours"), align: "right", render: (_, r) => hoursText(r.hours) },
                { key: "n", title: translate("finance.people"), align: "right", dataIndex: "people" },
              ]}
              summary={() => rows.length > 1 && (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={3}><b>{translate("finance.total")}</b></Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right"><b>{money(received)}</b></Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right"><b>{money(sum((r) => r.allocated_fen))}</b></Table.Summary.Cell>
                  <Table.Summary.Cell index={5} align="right"><b>{money(paid)}</b></Table.Summary.Cell>
                  <Table.Summary.Cell index={6} align="right"><b>{grants}</b></Table.Summary.Cell>
                  <Table.Summary.Cell index={7} align="right"><b>{hoursText(hours)}</b></Table.Summary.Cell>
                  <Table.Summary.Cell index={8} />
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
