// A volunteer's points passbook (积分存折): the newest entries first, a page at a time from the server
// (view points_ledger_lines carries the balance after each entry), as cards on a phone; printing covers a
// chosen period (this month, this year, last year or custom), oldest first with the balance brought
// forward, like a bank passbook. Redeem from here, and undo a mistaken redemption by a reversing entry.
import { PrinterOutlined, RollbackOutlined, ShoppingOutlined } from "@ant-design/icons";
import { useTable } from "@refinedev/antd";
import { useCan, useInvalidate, useList, useOne, useTranslate } from "@refinedev/core";
import { Alert, Button, Card, Col, DatePicker, Descriptions, Modal, Progress, Radio, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useRef, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { ReasonModal } from "../components/ReasonModal";
import { RedeemModal } from "../components/RedeemModal";
import { Stars, useStarName } from "../components/Stars";
import { RecordCard, ResponsiveTable, useIsPhone } from "../components/Responsive";
import { DATE_PRESETS, presetDays, type RangePreset } from "../domain/periods";
import { starProgress } from "../domain/stars";
import dayjs, { districtDate, districtDayStart } from "../providers/dayjs";
import { useRequestKey, useRpcAction } from "../providers/rpc";
import type { PointsBalance, PointsEntry, ServiceTotals, Volunteer } from "../types/app";
import { STAR_COLOR } from "../theme";
import "../leader.css";

/** A passbook line: an entry with the balance after it (points_ledger_lines). */
type Line = PointsEntry & { balance_after: number };
const LINE_SELECT = "*, rewards(name), service_records(service_date, hours, service_activities(title))";

function PrintRangeModal({ open, name, onClose, onPrint }: { open: boolean; name: string; onClose: () => void; onPrint: (r: { from: string; to: string }) => void }) {
  const translate = useTranslate();
  const phone = useIsPhone();
  const [preset, setPreset] = useState<RangePreset>("thisYear");
  const [custom, setCustom] = useState<[Dayjs | null, Dayjs | null]>([null, null]);
  const range = preset === "custom"
    ? custom[0] && custom[1] ? { from: custom[0].format("YYYY-MM-DD"), to: custom[1].format("YYYY-MM-DD") } : undefined
    : presetDays(preset, districtDate());
  return (
    <Modal open={open} title={translate("leader.passbook.printTitle", { name })} onCancel={onClose} destroyOnHidden
      okText={translate("leader.passbook.printNow")} okButtonProps={{ disabled: !range, size: "large", ...{ "data-testid": "print-range-ok" } }}
      cancelButtonProps={{ size: "large" }} onOk={() => range && onPrint(range)}>
      <Typography.Paragraph strong>{translate("leader.passbook.printWhich")}</Typography.Paragraph>
      <Radio.Group className="big-choices" optionType="button" value={preset} onChange={(e) => setPreset(e.target.value)}
        options={[...DATE_PRESETS.map((p) => ({ value: p, label: translate(`leader.passbook.${p}`) })), { value: "custom", label: translate("leader.passbook.custom") }]} />
      {preset === "custom" && (
        <Space direction="vertical" style={{ width: "100%", marginTop: 12 }}>
          <DatePicker size="large" style={{ width: "100%" }} inputReadOnly={phone} value={custom[0]} aria-label={translate("passbook.date")}
            onChange={(d) => setCustom([d, custom[1]])} disabledDate={(d) => !!custom[1] && d.isAfter(custom[1], "day")} />
          <DatePicker size="large" style={{ width: "100%" }} inputReadOnly={phone} value={custom[1]} aria-label={translate("passbook.date")}
            onChange={(d) => setCustom([custom[0], d])} disabledDate={(d) => !!custom[0] && d.isBefore(custom[0], "day")} />
        </Space>
      )}
      {range && <Typography.Paragraph style={{ marginTop: 12 }}>{translate("leader.passbook.printRange", range)}</Typography.Paragraph>}
    </Modal>
  );
}

export default function PassbookPage() {
  const translate = useTranslate();
  const run = useRpcAction();
  const navigate = useNavigate();
  const volunteerId = useParams().volunteerId!;
  const mayRedeem = !!useCan({ resource: "rewards", action: "redeem" }).data?.can;
  const mayUndo = !!useCan({ resource: "passbook", action: "undo" }).data?.can;
  const invalidate = useInvalidate();
  const [redeeming, setRedeeming] = useState(false);
  const [undoing, setUndoing] = useState<Line>();
  const [choosingPrint, setChoosingPrint] = useState(false);
  const [printRange, setPrintRange] = useState<{ from: string; to: string }>();
  // printing waits for the chosen period's lines
  const printWhenReady = useRef(false);
  const undoKey = useRequestKey(!!undoing);
  const { result: volunteer, query: vq } = useOne<Volunteer>({
    resource: "volunteers", id: volunteerId, meta: { select: "id, name, gender, birth_year, home_community:org_units!home_community_id(name), home_street:org_units!home_street_id(name)" },
  });
  const { result: totals } = useList<ServiceTotals>({ resource: "volunteer_service_totals", filters: [{ field: "volunteer_id", operator: "eq", value: volunteerId }], pagination: { mode: "off" } });
  const { result: balances } = useList<PointsBalance>({ resource: "points_balances", filters: [{ field: "volunteer_id", operator: "eq", value: volunteerId }], pagination: { mode: "off" } });
  const { tableProps } = useTable<Line>({
    resource: "points_ledger_lines",
    filters: { permanent: [{ field: "volunteer_id", operator: "eq", value: volunteerId }] },
    sorters: { permanent: [{ field: "created_at", order: "desc" }, { field: "id", order: "desc" }] },
    pagination: { pageSize: 20 },
    meta: { select: LINE_SELECT },
    syncWithLocation: false,
  });
  // the chosen period for printing, oldest first
  const { result: printed, query: printQuery } = useList<Line>({
    resource: "points_ledger_lines",
    filters: [
      { field: "volunteer_id", operator: "eq", value: volunteerId },
      { field: "created_at", operator: "gte", value: printRange && districtDayStart(printRange.from) },
      { field: "created_at", operator: "lt", value: printRange && districtDayStart(dayjs(printRange.to).add(1, "day").format("YYYY-MM-DD")) },
    ],
    sorters: [{ field: "created_at", order: "asc" }, { field: "id", order: "asc" }],
    pagination: { mode: "off" },
    meta: { select: LINE_SELECT },
    queryOptions: { enabled: !!printRange },
  });
  // the redemptions already undone (on any page)
  const { result: reversals } = useList<{ id: number; reverses_entry_id: number }>({
    resource: "points_ledger",
    filters: [{ field: "volunteer_id", operator: "eq", value: volunteerId }, { field: "entry_type", operator: "eq", value: "redeem_reversal" }],
    pagination: { mode: "off" }, meta: { select: "id, reverses_entry_id" }, queryOptions: { enabled: mayUndo },
  });
  useEffect(() => {
    if (!printWhenReady.current || !printRange || printQuery.isFetching || !printed) return;
    printWhenReady.current = false;
    // after the print-only lines are on the page
    requestAnimationFrame(() => window.print());
  }, [printRange, printQuery.isFetching, printed]);

  const hours = Number(totals?.data[0]?.approved_hours ?? 0);
  const progress = starProgress(hours);
  const starName = useStarName();
  const balance = balances?.data[0];
  const undone = new Set((reversals?.data ?? []).map((e) => e.reverses_entry_id));

  const refresh = () => {
    for (const resource of ["points_ledger", "points_ledger_lines", "points_balances", "rewards"]) invalidate({ resource, invalidates: ["list"] });
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
  const typeTag = (l: Line) => <Tag color={l.points > 0 ? "green" : "red"}>{translate(`passbook.entryTypes.${l.entry_type}`)}</Tag>;
  const undoButton = (l: Line, size: "small" | "large") =>
    mayUndo && l.entry_type === "redeem" && !undone.has(l.id) && (
      <Button size={size} icon={<RollbackOutlined />} onClick={() => setUndoing(l)}>{translate("passbook.undo")}</Button>
    );

  if (vq.isLoading) return <Skeleton active />;
  if (!volunteer) return <Alert type="warning" showIcon message={translate("errors.noRows")} />;
  const printedLines = printed?.data ?? [];
  const broughtForward = printedLines.length ? printedLines[0].balance_after - printedLines[0].points : undefined;

  return (
    <div>
      <Space className="no-print" wrap style={{ marginBottom: 16, width: "100%", justifyContent: "space-between" }}>
        <Button size="large" onClick={() => navigate(-1)}>{translate("buttons.back")}</Button>
        <Space wrap>
          {mayRedeem && <Button size="large" icon={<ShoppingOutlined />} onClick={() => setRedeeming(true)} data-testid="passbook-redeem">{translate("passbook.redeemHere")}</Button>}
          <Button size="large" type="primary" icon={<PrinterOutlined />} onClick={() => setChoosingPrint(true)} data-testid="passbook-print">{translate("passbook.print")}</Button>
        </Space>
      </Space>
      <Card>
        <Typography.Title level={1} style={{ textAlign: "center", letterSpacing: 4, fontSize: "1.5em" }}>{translate("passbook.issuer")}</Typography.Title>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label={translate("passbook.holder")}><span data-testid="passbook-holder">{volunteer.name}</span></Descriptions.Item>
          <Descriptions.Item label={translate("volunteers.homeStreet")}>{volunteer.home_street?.name} · {volunteer.home_community?.name}</Descriptions.Item>
          <Descriptions.Item label={translate("passbook.star")}>
            <Stars level={progress.level} />
          </Descriptions.Item>
        </Descriptions>
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }} className="passbook-screen-only">
          <Col xs={12} md={6}><Statistic title={translate("passbook.hours")} value={hours} precision={2} suffix={translate("dashboard.hoursUnit")} /></Col>
          <Col xs={12} md={6}><Statistic title={translate("passbook.earned")} value={Number(balance?.earned ?? 0)} /></Col>
          <Col xs={12} md={6}><Statistic title={translate("passbook.redeemed")} value={Number(balance?.redeemed ?? 0)} /></Col>
          <Col xs={12} md={6}><Statistic title={translate("passbook.balance")} value={Number(balance?.balance ?? 0)} valueStyle={{ color: "#c0392b" }} /></Col>
        </Row>
        {progress.next && (
          <div className="no-print" style={{ marginBottom: 16 }}>
            <Typography.Text type="secondary">{starName(progress.next.level, progress.next.name)}：{translate("stars.hoursNow")} {hours} / {progress.next.min_hours}</Typography.Text>
            <Progress percent={progress.percent} strokeColor={STAR_COLOR} aria-label={starName(progress.next.level, progress.next.name)} />
          </div>
        )}

        <div className="passbook-screen-only">
          <Typography.Paragraph type="secondary">{translate("leader.passbook.newestFirst")}</Typography.Paragraph>
          <ResponsiveTable<Line> {...tableProps} rowKey="id" size="small" data-testid="passbook-table" locale={{ emptyText: translate("passbook.empty") }}
            card={(l) => (
              <RecordCard testId="passbook-line" title={districtDate(l.created_at)} extra={typeTag(l)}
                fields={[
                  { label: translate("passbook.summary"), value: summary(l) },
                  { label: l.points > 0 ? translate("passbook.credit") : translate("passbook.debit"), value: <b>{l.points > 0 ? `+${l.points}` : l.points}</b> },
                  { label: translate("passbook.balance"), value: <b>{l.balance_after}</b> },
                ]}
                actions={undoButton(l, "large") || undefined} />
            )}>
            <Table.Column<Line> title={translate("passbook.date")} width={110} render={(_, l) => districtDate(l.created_at)} />
            <Table.Column<Line> title={translate("passbook.summary")} render={(_, l) => <Space wrap>{typeTag(l)}<span>{summary(l)}</span></Space>} />
            <Table.Column<Line> title={translate("passbook.credit")} align="right" width={90} render={(_, l) => (l.points > 0 ? l.points : "")} />
            <Table.Column<Line> title={translate("passbook.debit")} align="right" width={90} render={(_, l) => (l.points < 0 ? -l.points : "")} />
            <Table.Column<Line> title={translate("passbook.balance")} align="right" width={100} render={(_, l) => <b>{l.balance_after}</b>} />
            {mayUndo && <Table.Column<Line> className="no-print" width={110} render={(_, l) => undoButton(l, "small")} />}
          </ResponsiveTable>
        </div>

        {printRange && (
          <div className="passbook-print-only" data-testid="passbook-print-lines">
            <Typography.Paragraph strong>{translate("leader.passbook.printRange", printRange)}</Typography.Paragraph>
            <Table<Line> dataSource={printedLines} rowKey="id" size="small" pagination={false} loading={printQuery.isFetching}
              locale={{ emptyText: translate("leader.passbook.noneInRange") }}
              title={broughtForward !== undefined ? () => `${translate("leader.passbook.broughtForward")}：${broughtForward}` : undefined}>
              <Table.Column<Line> title={translate("passbook.date")} width={110} render={(_, l) => districtDate(l.created_at)} />
              <Table.Column<Line> title={translate("passbook.summary")} render={(_, l) => `${translate(`passbook.entryTypes.${l.entry_type}`)} ${summary(l)}`} />
              <Table.Column<Line> title={translate("passbook.credit")} align="right" width={80} render={(_, l) => (l.points > 0 ? l.points : "")} />
              <Table.Column<Line> title={translate("passbook.debit")} align="right" width={80} render={(_, l) => (l.points < 0 ? -l.points : "")} />
              <Table.Column<Line> title={translate("passbook.balance")} align="right" width={90} render={(_, l) => l.balance_after} />
            </Table>
          </div>
        )}
      </Card>
      <PrintRangeModal open={choosingPrint} name={volunteer.name} onClose={() => setChoosingPrint(false)}
        onPrint={(r) => {
          setChoosingPrint(false);
          printWhenReady.current = true;
          setPrintRange(r);
        }} />
      <RedeemModal open={redeeming} volunteer={{ id: volunteer.id, name: volunteer.name }} onClose={() => setRedeeming(false)} onDone={refresh} />
      <ReasonModal open={!!undoing} title={`${translate("passbook.undo")} · ${volunteer.name}${undoing?.rewards?.name ? ` · ${undoing.rewards.name}` : ""}`}
        label={translate("passbook.undoReason")} hint={translate("passbook.undoHint")}
        onClose={() => setUndoing(undefined)}
        onSubmit={async (reason) => {
          const r = await run("reverse_redemption", { p_entry_id: undoing!.id, p_reason: reason, p_request_key: undoKey }, () => translate("notifications.success"));
          if (r.ok) refresh();
          return r.ok;
        }} />
    </div>
  );
}
