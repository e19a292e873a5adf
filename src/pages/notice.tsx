// 公示 (public notice), open without signing in: the allocations in their notice period (and those approved in
// the last 30 days) as the narrow function grant_notices() publishes them — project, team, street, amount,
// purpose, notice dates — and how to object. Nothing else about money or people is reachable signed out.
import { HeartFilled, NotificationOutlined } from "@ant-design/icons";
import { useTranslate } from "@refinedev/core";
import { Alert, Card, ConfigProvider, Empty, Segmented, Skeleton, Space, Tag, Typography } from "antd";
import { Link } from "react-router";
import { LARGE_TOUCH_THEME } from "../components/AuthCard";
import { formatFen } from "../domain/money";
import type { Locale } from "../locales";
import { districtDate } from "../providers/dayjs";
import { getLocale, setLocale } from "../providers/i18n";
import { useRpcQuery } from "../providers/rpc";
import { LINK_COLOR } from "../theme";
import type { RpcReturns } from "../providers/rpc";

type Notice = RpcReturns<"grant_notices">[number];

export default function NoticePage() {
  const translate = useTranslate();
  const { data, error } = useRpcQuery<Notice>("grant_notices", {});
  const open = (data ?? []).filter((n) => n.status === "in_notice");
  const approved = (data ?? []).filter((n) => n.status === "approved");
  const contact = data?.[0]?.objection_contact;
  const today = districtDate();
  const noticeOver = (n: Notice) => !!n.notice_end && n.notice_end < today;

  const card = (n: Notice) => (
    <Card key={n.application_id} size="small" data-testid="notice-card" className="notice-card">
      <Space direction="vertical" size={4} style={{ width: "100%" }}>
        <Typography.Title level={3} style={{ fontSize: "1.125em", margin: 0, overflowWrap: "anywhere" }}>{n.title}</Typography.Title>
        <Typography.Text strong style={{ fontSize: "1.25em" }}>{formatFen(n.amount_fen)}</Typography.Text>
        <Typography.Text>{[n.street_name, n.team_name].filter(Boolean).join(" · ")}</Typography.Text>
        {n.project_name && <Typography.Text>{translate("publicNotice.project", { name: n.project_name })}</Typography.Text>}
        <Space size={6} wrap>
          <Tag>{translate(`grants.purposes.${n.purpose}`)}</Tag>
          {/* a notice whose period is over waits for objections to be resolved and the approval: not "公示中" */}
          <Tag color={n.status !== "in_notice" ? "green" : noticeOver(n) ? "default" : "gold"}>
            {translate(n.status !== "in_notice" ? "publicNotice.approved" : noticeOver(n) ? "publicNotice.noticeEnded" : "publicNotice.inNotice")}
          </Tag>
        </Space>
        <Typography.Text>{translate("publicNotice.period", { from: n.notice_start ?? "", to: n.notice_end ?? "" })}</Typography.Text>
      </Space>
    </Card>
  );

  return (
    <ConfigProvider theme={LARGE_TOUCH_THEME}>
      <main className="notice-page" style={{ minHeight: "100vh", padding: "16px 12px 32px", boxSizing: "border-box", fontSize: 16, background: "#f5f5f5" }}>
        <div style={{ maxWidth: 760, margin: "0 auto" }}>
          <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", gap: 8, flexWrap: "wrap" }}>
            <Typography.Text strong><HeartFilled style={{ color: "#c0392b" }} aria-hidden /> {translate("app.title")}</Typography.Text>
            <Segmented<Locale> size="large" value={getLocale()} options={[{ label: "中文", value: "zh-CN" }, { label: "EN", value: "en" }]} onChange={setLocale} aria-label="language" />
          </div>
          <Typography.Title level={1} style={{ fontSize: 24, marginTop: 16 }}>
            <NotificationOutlined aria-hidden /> {translate("publicNotice.title")}
          </Typography.Title>
          <Typography.Paragraph>{translate("publicNotice.intro")}</Typography.Paragraph>
          {error && <Alert type="error" showIcon message={error} role="alert" />}
          <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="notice-contact"
            message={translate("publicNotice.howToObject")} description={contact ?? translate("publicNotice.contactFallback")} />
          {!data ? <Skeleton active /> : (
            <>
              <Typography.Title level={2} style={{ fontSize: 20 }}>{translate("publicNotice.current", { n: open.length })}</Typography.Title>
              {open.length === 0 ? <Empty description={translate("publicNotice.none")} /> : <Space direction="vertical" size={12} style={{ width: "100%" }}>{open.map(card)}</Space>}
              {approved.length > 0 && (
                <>
                  <Typography.Title level={2} style={{ fontSize: 20, marginTop: 24 }}>{translate("publicNotice.recent", { n: approved.length })}</Typography.Title>
                  <Space direction="vertical" size={12} style={{ width: "100%" }}>{approved.map(card)}</Space>
                </>
              )}
            </>
          )}
          <div style={{ marginTop: 24, textAlign: "center" }}>
            <Link to="/login" style={{ display: "inline-flex", alignItems: "center", minHeight: 44, padding: "0 12px", color: LINK_COLOR }}>{translate("publicNotice.staffSignIn")}</Link>
          </div>
        </div>
      </main>
    </ConfigProvider>
  );
}
