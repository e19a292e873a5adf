// 拨款通知单: the printable payment notice of one tranche (拨付) — agreement, grantee team and project,
// the line and source it is paid from, the amount in figures and in 人民币大写 (rmbUppercase), the tranche's
// number, due and paid dates, and blanks for the signatures. Printing leaves out the app frame (print.css).
import { PrinterOutlined } from "@ant-design/icons";
import { useOne, useTranslate } from "@refinedev/core";
import { Alert, Button, Skeleton, Space } from "antd";
import { useParams } from "react-router";
import { PageTitle } from "../components/PageTitle";
import { formatFen, rmbUppercase } from "../domain/money";
import { districtDate } from "../providers/dayjs";
import "../resources/funds/funds.css";
import "../print.css";

interface TrancheNotice {
  id: number;
  seq: number;
  amount_fen: number;
  due_on: string | null;
  status: string;
  paid_on: string | null;
  grants?: {
    id: number;
    agreement_no: string | null;
    amount_fen: number;
    starts_on: string | null;
    ends_on: string | null;
    team?: { name: string } | null;
    projects?: { name: string } | null;
    grant_applications?: { title: string; purpose: string } | null;
  } | null;
  budget_lines?: { name: string; purpose: string; fund_sources?: { name: string; fiscal_year: number } | null } | null;
}

export const NOTICE_SELECT =
  "id, seq, amount_fen, due_on, status, paid_on, grants(id, agreement_no, amount_fen, starts_on, ends_on, team:org_units!team_id(name), projects(name), grant_applications(title, purpose)), budget_lines(name, purpose, fund_sources(name, fiscal_year))";

export default function TrancheNoticePage() {
  const translate = useTranslate();
  const { id } = useParams();
  const { result: t, query } = useOne<TrancheNotice>({ resource: "grant_tranches", id, meta: { select: NOTICE_SELECT } });
  const g = t?.grants;
  const line = t?.budget_lines;
  const rows: [string, React.ReactNode][] = t ? [
    [translate("finance.notice.agreement"), g?.agreement_no ?? "—"],
    [translate("finance.notice.grantee"), g?.team?.name ?? ""],
    [translate("finance.notice.project"), [g?.projects?.name, g?.grant_applications?.title].filter(Boolean).join(" · ")],
    [translate("finance.notice.purpose"), line ? translate(`finance.purposes.${line.purpose}`) : ""],
    [translate("finance.notice.source"), line ? `${line.fund_sources?.name ?? ""} / ${line.name}` : ""],
    [translate("finance.notice.tranche"), translate("finance.notice.trancheN", { n: t.seq, total: formatFen(g?.amount_fen ?? 0) })],
    [translate("finance.notice.amount"), <b key="a" className="money" data-testid="notice-amount">{formatFen(t.amount_fen)}</b>],
    [translate("finance.notice.uppercase"), <b key="u" data-testid="notice-uppercase">{translate("finance.notice.rmb")}<span lang="zh-CN">{rmbUppercase(t.amount_fen)}</span></b>],
    [translate("finance.notice.due"), t.due_on ?? "—"],
    [translate("finance.notice.paidOn"), t.paid_on ?? translate("finance.notice.unpaid")],
    [translate("finance.notice.period"), g?.starts_on ? `${g.starts_on} — ${g.ends_on ?? ""}` : "—"],
  ] : [];

  return (
    <div style={{ padding: 4 }}>
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 12 }} wrap className="no-print">
        <PageTitle>{translate("finance.notice.title")}</PageTitle>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!t}>{translate("finance.print")}</Button>
      </Space>
      {query.error && <Alert type="error" showIcon message={query.error.message} />}
      {query.isLoading ? <Skeleton active /> : t && (
        <div className="notice-sheet" data-testid="tranche-notice">
          <h2>{translate("finance.notice.heading")}</h2>
          <p style={{ textAlign: "center", margin: "0 0 16px" }}>
            {translate("finance.notice.number", { year: line?.fund_sources?.fiscal_year ?? "", id: t.id })}
          </p>
          <table>
            <tbody>
              {rows.map(([k, v]) => <tr key={k}><th scope="row">{k}</th><td>{v}</td></tr>)}
            </tbody>
          </table>
          <p style={{ marginTop: 16 }}>{translate("finance.notice.body")}</p>
          <div className="notice-signs">
            <div>{translate("finance.notice.signFinance")}</div>
            <div>{translate("finance.notice.signApprover")}</div>
            <div>{translate("finance.notice.signGrantee")}</div>
          </div>
          <p style={{ textAlign: "right", marginTop: 32 }}>{translate("finance.notice.issuer")}<br />{districtDate()}</p>
        </div>
      )}
    </div>
  );
}
