// The team leader's task home (队长首页): three large actions — record service, my team, redeem points —
// and what is waiting, for the leader's team, preselected (a switch appears only for those who lead
// several). Built for a 60–80-year-old on a phone: big text, large targets, nothing sideways.
import { FieldTimeOutlined, GiftOutlined, TeamOutlined } from "@ant-design/icons";
import { useGetIdentity, useInvalidate, useTranslate } from "@refinedev/core";
import { Button, Card, Select, Skeleton, Space, Switch } from "antd";
import { Suspense, useEffect, useState, useTransition } from "react";
import { Link, useNavigate } from "react-router";
import { ActionList, type ActionLink } from "../components/ActionList";
import { LoadBoundary } from "../components/LoadBoundary";
import { PageTitle } from "../components/PageTitle";
import { loadWhenIdle, preloadable } from "../components/preloadable";
import { ledTeams } from "../domain/scope";
import { useGrantPendingItems } from "../resources/grant-applications/needs-action";
import { useLargeText } from "../providers/preferences";
import { useRpcQuery } from "../providers/rpc";
import { useScope } from "../providers/scope";
import "../leader.css";

const RecordServiceModal = preloadable(async () => ({ default: (await import("../resources/service-records/record-modal")).RecordServiceModal }));
const RedeemModal = preloadable(async () => ({ default: (await import("../components/RedeemModal")).RedeemModal }));

interface Pending {
  pending_records: number;
  rejected_records: number;
  rounds_to_assess: number;
  members_without_phone: number;
}

const TEAM_KEY = "leaderHome.team";

export default function LeaderHome() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const invalidate = useInvalidate();
  const { scope } = useScope();
  const { data: identity } = useGetIdentity<{ name?: string }>();
  const teams = ledTeams(scope);
  const [chosen, setChosen] = useState<number | undefined>(() => Number(localStorage.getItem(TEAM_KEY)) || undefined);
  const team = teams.find((t) => t.id === chosen) ?? teams[0];
  const [recording, setRecording] = useState(false);
  const [redeeming, setRedeeming] = useState(false);
  // A dialog takes a moment to draw on a slow phone (longer if its code is still coming): the tapped button
  // spins until it is there and takes no second tap, which would otherwise land inside the dialog as it appears.
  const [drawing, startOpening] = useTransition();
  const [asked, setAsked] = useState<"record" | "redeem">();
  const opening = drawing ? asked : undefined;
  const open = (which: "record" | "redeem", show: () => void) => {
    if (drawing) return;
    setAsked(which);
    startOpening(show);
  };
  const { largeText, setLargeText, loading: largeTextLoading } = useLargeText();
  const { data: pendingRows } = useRpcQuery<Pending>("leader_pending", { p_team_id: team?.id }, { enabled: !!team });
  const pending = pendingRows?.[0];
  const grantItems = useGrantPendingItems();

  // the dialogs' code arrives while the leader reads the page (once it is drawn), so the first tap opens them at once
  useEffect(() => loadWhenIdle(RecordServiceModal, RedeemModal), []);

  const pick = (id: number) => {
    setChosen(id);
    localStorage.setItem(TEAM_KEY, String(id));
  };

  if (!team) return <Skeleton active />;
  const items: ActionLink[] = pending
    ? [
        { n: pending.pending_records, key: "pendingRecords", to: `/service?status=pending&team=${team.id}` },
        { n: pending.rejected_records, key: "rejectedRecords", to: `/service?status=rejected&team=${team.id}` },
        { n: pending.rounds_to_assess, key: "roundsToAssess", to: "/ratings" },
        { n: pending.members_without_phone, key: "membersWithoutPhone", to: `/teams/${team.id}` },
      ].filter((i) => i.n > 0).map((i) => ({ key: i.key, to: i.to, text: translate(`leader.home.${i.key}`, { n: i.n }) }))
        .concat(grantItems ?? [])
    : [];

  return (
    <div className="leader-home" data-testid="leader-home">
      <PageTitle style={{ fontSize: "1.75em", lineHeight: 1.3, marginBottom: "0.5em" }}>
        {identity?.name ? translate("leader.home.greeting", { name: identity.name }) : translate("leader.home.title")}
      </PageTitle>
      {teams.length > 1 ? (
        <Select size="large" value={team.id} onChange={pick} style={{ width: "100%", marginBottom: 16 }} aria-label={translate("leader.home.switchTeam")}
          data-testid="leader-team-switch" options={teams.map((t) => ({ value: t.id, label: t.name }))} />
      ) : (
        <p style={{ fontSize: "1.125em", margin: "0 0 1em" }} data-testid="leader-team">{team.name}</p>
      )}

      <Space direction="vertical" size={12} style={{ width: "100%", marginBottom: 24 }}>
        <Button type="primary" size="large" className="main-action" icon={<FieldTimeOutlined aria-hidden />} loading={opening === "record"}
          onClick={() => open("record", () => setRecording(true))} data-testid="home-record">
          <span>{translate("leader.home.record")}<span className="main-action-hint">{translate("leader.home.recordHint")}</span></span>
        </Button>
        <Button size="large" className="main-action" icon={<TeamOutlined aria-hidden />} onClick={() => navigate(`/teams/${team.id}`)} data-testid="home-roster">
          <span>{translate("leader.home.roster")}<span className="main-action-hint">{translate("leader.home.rosterHint")}</span></span>
        </Button>
        <Button size="large" className="main-action" icon={<GiftOutlined aria-hidden />} loading={opening === "redeem"}
          onClick={() => open("redeem", () => setRedeeming(true))} data-testid="home-redeem">
          <span>{translate("leader.home.redeem")}<span className="main-action-hint">{translate("leader.home.redeemHint")}</span></span>
        </Button>
      </Space>

      <Card title={<h2 style={{ margin: 0, fontSize: "1.25em" }}>{translate("leader.home.pending")}</h2>} data-testid="leader-pending">
        {!pending ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : items.length === 0 ? (
          <span>{translate("leader.home.nothingPending")}</span>
        ) : (
          <ActionList items={items} />
        )}
      </Card>
      <Card style={{ marginTop: 16 }}>
        <label className="pending-row" style={{ cursor: "pointer" }}>
          <span style={{ fontSize: "1.0625em" }}>{translate("frame.largeTextSetting")}</span>
          <Switch checked={largeText} loading={largeTextLoading} onChange={setLargeText} data-testid="home-large-text" />
        </label>
      </Card>
      <p style={{ margin: "16px 0 1em" }}>
        <Link to="/grant-applications" className="pending-row" data-testid="home-grants">{translate("leader.home.grants")}</Link>
        {/* tranches and vouchers live on the grant (资助协议), not on the applications list */}
        <Link to="/grants" className="pending-row" data-testid="home-my-grants">{translate("leader.home.myGrants")}</Link>
        <Link to="/dashboard" className="pending-row">{translate("leader.home.overview")}</Link>
      </p>

      <LoadBoundary inline><Suspense fallback={null}>
        {recording && (
          <RecordServiceModal open={recording} teamId={team.id} teamFixed onClose={() => setRecording(false)}
            onRecorded={() => {
              for (const resource of ["service_records", "leader_pending"]) invalidate({ resource, invalidates: ["list"] });
            }} />
        )}
        {redeeming && (
          <RedeemModal open={redeeming} teamId={team.id} onClose={() => setRedeeming(false)}
            onDone={() => {
              for (const resource of ["points_ledger", "points_balances", "rewards"]) invalidate({ resource, invalidates: ["list"] });
            }} />
        )}
      </Suspense></LoadBoundary>
    </div>
  );
}
