// A volunteer's points passbook (积分存折): dated entries with a running balance, printed like a bank
// passbook; redeem from here, and undo a mistaken redemption by a reversing entry.
import { PrinterOutlined, RollbackOutlined, ShoppingOutlined } from "@ant-design/icons";
import { useCan, useInvalidate, useList, useOne, useTranslate } from "@refinedev/core";
import { Alert, Button, Card, Col, Descriptions, Progress, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { ReasonModal } from "../components/ReasonModal";
import { RedeemModal } from "../components/RedeemModal";
import { passbookLines, type PassbookLine } from "../domain/passbook";
import { starProgress, stars } from "../domain/stars";
import { districtDate } from "../providers/dayjs";
import { useRequestKey, useRpcAction } from "../providers/rpc";
import type { PointsBalance, PointsEntry, ServiceTotals, Volunteer } from "../types/app";
import { STAR_COLOR } from "../theme";

export default function PassbookPage() {
  const translate = useTranslate();
  const run = useRpcAction();
  const navigate = useNavigate();
  const volunteerId = useParams().volunteerId!;
  const invalidate = useInvalidate();
  const [redeeming, setRedeeming] = useState(false);
  const [undoing, setUndoing] = useState<PointsEntry>();
  const undoKey = useRequestKey(!!undoing);
  const { result: volunteer, query: vq } = useOne<Volunteer>({
    resource: "volunteers", id: volunteerId, meta: { select: "id, name, gender, birth_year, home_community:org_units!home_community_id(name), home_street:org_units!home_street_id(name)" },
  });
  const { result: totals } = useList<ServiceTotals>({ resource: "volunteer_service_totals", filters: [{ field: "volunteer_id", operator: "eq", value: volunteerId }], pagination: { mode: "off" } });
  const { result: balances } = useList<PointsBalance>({ resource: "points_balances", filters: [{ field: "volunteer_id", operator: "eq", value: volunteerId }], pagination: { mode: "off" } });
  const { result: entries, query } = useList<PointsEntry>({
    resource: "points_ledger",
    filters: [{ field: "volunteer_id", operator: "eq", value: volunteerId }],
    sorters: [{ field: "created_at", order: "asc" }, { field: "id", order: "asc" }],
    pagination: { mode: "off" },
    meta: { select: "*, rewards(name), service_records(service_date, hours, service_activities(title))" },
  });
  const lines = useMemo(() => passbookLines(entries?.data ?? []), [entries]);
  const undone = useMemo(() => new Set((entries?.data ?? []).map((e) => e.reverses_entry_id).filter(Boolean)), [entries]);
  const hours = Number(totals?.data[0]?.approved_hours ?? 0);
  const progress = starProgress(hours);
  const balance = balances?.data[0];
  const mayRedeem = !!useCan({ resource: "rewards", action: "redeem" }).data?.can;
  const mayUndo = !!useCan({ resource: "passbook", action: "undo" }).data?.can;

  const refresh = () => {
    for (const resource of ["points_ledger", "points_balances", "rewards"]) invalidate({ resource, invalidates: ["list"] });
  };

  const summary = (e: PointsEntry) => {
    switch (e.entry_type) {
      case "earn":
        return `${e.service_records?.service_activities?.title ?? ""} ${e.service_records ? `${e.service_records.service_date} · ${Number(e.service_records.hours)} h` : ""}`;
      case "redeem":
      case "redeem_reversal":
        return `${e.rewards?.name ?? e.note ?? ""}${e.quantity && e.quantity > 1 ? ` ×${e.quantity}` : ""}${e.entry_type === "redeem_reversal" && e.note ? `（${e.note}）` : ""}`;
      default:
        return e.note ?? "";
    }
  };

  if (vq.isLoading) return <Skeleton active />;
  if (!volunteer) return <Alert type="warning" showIcon message={translate("errors.noRows")} />;

  return (
    <div>
      <Space className="no-print" style={{ marginBottom: 16, width: "100%", justifyContent: "space-between" }}>
        <Button onClick={() => navigate(-1)}>{translate("buttons.back")}</Button>
        <Space>
          {mayRedeem && <Button icon={<ShoppingOutlined />} onClick={() => setRedeeming(true)} data-testid="passbook-redeem">{translate("passbook.redeemHere")}</Button>}
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>{translate("passbook.print")}</Button>
        </Space>
      </Space>
      <Card>
        <Typography.Title level={3} style={{ textAlign: "center", letterSpacing: 4 }}>{translate("passbook.issuer")}</Typography.Title>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label={translate("passbook.holder")}><span data-testid="passbook-holder">{volunteer.name}</span></Descriptions.Item>
          <Descriptions.Item label={translate("volunteers.homeStreet")}>{volunteer.home_street?.name} · {volunteer.home_community?.name}</Descriptions.Item>
          <Descriptions.Item label={translate("passbook.star")}>
            <Typography.Text style={{ color: STAR_COLOR }}>{stars(progress.level)}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col xs={12} md={6}><Statistic title={translate("passbook.hours")} value={hours} precision={2} suffix={translate("dashboard.hoursUnit")} /></Col>
          <Col xs={12} md={6}><Statistic title={translate("passbook.earned")} value={Number(balance?.earned ?? 0)} /></Col>
          <Col xs={12} md={6}><Statistic title={translate("passbook.redeemed")} value={Number(balance?.redeemed ?? 0)} /></Col>
          <Col xs={12} md={6}><Statistic title={translate("passbook.balance")} value={Number(balance?.balance ?? 0)} valueStyle={{ color: "#c0392b" }} /></Col>
        </Row>
        {progress.next && (
          <div className="no-print" style={{ marginBottom: 16 }}>
            <Typography.Text type="secondary">{progress.next.name}：{translate("stars.hoursNow")} {hours} / {progress.next.min_hours}</Typography.Text>
            <Progress percent={progress.percent} strokeColor={STAR_COLOR} />
          </div>
        )}
        <Table<PassbookLine<PointsEntry>> dataSource={lines} rowKey={(l) => l.entry.id} loading={query.isLoading} size="small" pagination={false}
          locale={{ emptyText: translate("passbook.empty") }} data-testid="passbook-table">
          <Table.Column<PassbookLine<PointsEntry>> title={translate("passbook.date")} width={110} render={(_, l) => districtDate(l.entry.created_at)} />
          <Table.Column<PassbookLine<PointsEntry>> title={translate("passbook.summary")} render={(_, l) => (
            <Space>
              <Tag color={l.entry.points > 0 ? "green" : "volcano"}>{translate(`passbook.entryTypes.${l.entry.entry_type}`)}</Tag>
              <span>{summary(l.entry)}</span>
            </Space>
          )} />
          <Table.Column<PassbookLine<PointsEntry>> title={translate("passbook.credit")} align="right" width={90} render={(_, l) => l.credit || ""} />
          <Table.Column<PassbookLine<PointsEntry>> title={translate("passbook.debit")} align="right" width={90} render={(_, l) => l.debit || ""} />
          <Table.Column<PassbookLine<PointsEntry>> title={translate("passbook.balance")} align="right" width={100} render={(_, l) => <b>{l.balance}</b>} />
          {mayUndo && (
            <Table.Column<PassbookLine<PointsEntry>> className="no-print" width={110} render={(_, l) =>
              l.entry.entry_type === "redeem" && !undone.has(l.entry.id) && (
                <Button size="small" icon={<RollbackOutlined />} onClick={() => setUndoing(l.entry)}>{translate("passbook.undo")}</Button>
              )} />
          )}
        </Table>
      </Card>
      <RedeemModal open={redeeming} volunteer={{ id: volunteer.id, name: volunteer.name }} onClose={() => setRedeeming(false)} onDone={refresh} />
      <ReasonModal open={!!undoing} title={translate("passbook.undo")} label={translate("passbook.undoReason")} hint={translate("passbook.undoHint")}
        onClose={() => setUndoing(undefined)}
        onSubmit={async (reason) => {
          const r = await run("reverse_redemption", { p_entry_id: undoing!.id, p_reason: reason, p_request_key: undoKey }, () => translate("notifications.success"));
          if (r.ok) refresh();
          return r.ok;
        }} />
    </div>
  );
}
