// Grants (资助协议): the agreements that followed approved applications, with their amount, period and state;
// search by agreement number, filters by state and team; cards on phones; CSV export. A leader sees only its
// own team's grants (RLS); finance and the organisation department those of their scope.
// "Needs my action" (待我处理, ?view=mine) lists only the grants where something waits for this person —
// the rows of funds_action_items(), the same rows the home and dashboard counts count — optionally for one
// step (?action=voucher_check); every grant says what waits on it (第 2 期 待核验凭证).
import { UploadOutlined } from "@ant-design/icons";
import { useTable } from "@refinedev/antd";
import { useTranslate, type CrudFilter } from "@refinedev/core";
import { Button, Form, Input, Select, Space, Table } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ExportButton } from "../../components/ExportButton";
import { FilterForm } from "../../components/FilterForm";
import { NeedsMeBar, NothingForMe, WaitTags } from "../../components/NeedsMe";
import { List } from "../../components/Page";
import { RecordCard, ResponsiveTable, useIsPhone } from "../../components/Responsive";
import { UnitSelect } from "../../components/UnitSelect";
import { GRANT_ACTIONS, grantsWaiting, grantWaits, isGrantAction, type ActionItem, type GrantWait } from "../../domain/grants";
import { formatFen } from "../../domain/money";
import { hasRole, scopeFilters } from "../../domain/scope";
import { useRpcQuery } from "../../providers/rpc";
import { useScope } from "../../providers/scope";
import { StateTag } from "../grant-applications/status";
import type { Grant } from "./queries";
import "../grant-applications/grants.css";

const GRANT_STATES = ["active", "completed", "terminated"] as const;

interface Search { q?: string; status?: string; team_id?: number }

function searchFilters(v: Search): CrudFilter[] {
  return [
    { field: "agreement_no", operator: "contains", value: v.q?.trim() || undefined },
    { field: "status", operator: "eq", value: v.status },
    { field: "team_id", operator: "eq", value: v.team_id },
  ];
}

export default function GrantList() {
  const translate = useTranslate();
  const phone = useIsPhone();
  const { scope, loading } = useScope();
  const [params] = useSearchParams();
  const [searched, setSearched] = useState<Search>({});
  // leaders file vouchers, finance pays and checks, the organisation department decides changes
  const acts = hasRole(scope, "team_leader") || hasRole(scope, "finance") || hasRole(scope, "org_admin");
  const view = acts && params.get("view") === "mine" ? "mine" : "all";
  const actionParam = params.get("action");
  const action = isGrantAction(actionParam) ? actionParam : undefined;
  const items = useRpcQuery<ActionItem>("funds_action_items", {}, { enabled: acts });
  const waits = grantWaits(items.data ?? []);
  const scoped = scopeFilters(scope, { street: "team.street_id", community: "team.community_id", team: "team_id" }) ?? [];
  const select = `*, team:org_units!team_id${scoped.some((f) => f.field.startsWith("team.")) ? "!inner" : ""}(name, street_id, community_id), projects(name), grant_applications(title)`;
  const permanent: CrudFilter[] = [
    ...(scoped.length === 1 ? scoped : []),
    ...(view === "mine" ? [{ field: "id", operator: "in", value: grantsWaiting(items.data ?? [], action) } as CrudFilter] : []),
  ];
  const { tableProps, searchFormProps, filters, sorters } = useTable<Grant, never, Search>({
    resource: "grants",
    meta: { select },
    filters: { permanent, initial: searchFilters(searched).filter((f) => f.value !== undefined) },
    sorters: { initial: [{ field: "created_at", order: "desc" }, { field: "id", order: "desc" }] },
    pagination: { pageSize: 20 },
    queryOptions: { enabled: !loading && (view === "all" || !!items.data) },
    syncWithLocation: false,
    onSearch: (v) => {
      setSearched(v);
      return searchFilters(v);
    },
  });
  // the same numbers as the home and dashboard counts (vouchers, tranches, change requests — not grants)
  const counts = items.data ? new Map(GRANT_ACTIONS.map((a) => [a, items.data!.filter((i) => i.action === a).length])) : undefined;
  const waiting = (g: Grant) => (
    <WaitTags testId="grant-waits" texts={waits.get(g.id)?.map((w: GrantWait) => ({
      key: `${w.action}-${w.seq}`, text: translate(`grants.waits.${w.action}`, { seq: w.seq ?? "", n: w.n }),
    }))} />
  );
  const open = (g: Grant) => `/grants/${g.id}`;
  /** the tranche whose voucher this person owes on the grant (due, or one sent back), if any */
  const uploadFor = (g: Grant) => (items.data ?? []).find((i) => i.grant_id === g.id && i.tranche_id !== null
    && (i.action === "my_vouchers_due" || i.action === "my_rejected_vouchers"))?.tranche_id;
  return (
    <List title={translate("grants.grant.listTitle")} headerButtons={() => (
      <ExportButton<Grant> resource="grants" filters={[...permanent, ...filters]} sorters={sorters} select={select} filename="grants" columns={[
        { title: translate("grants.grant.agreementNo"), value: (g) => g.agreement_no },
        { title: translate("grants.fields.title"), value: (g) => g.grant_applications?.title },
        { title: translate("grants.fields.team"), value: (g) => g.team?.name },
        { title: translate("grants.fields.amountYuan"), value: (g) => formatFen(g.amount_fen, { symbol: false }) },
        { title: translate("grants.fields.period"), value: (g) => `${g.starts_on} ~ ${g.ends_on}` },
        { title: translate("grants.fields.status"), value: (g) => translate(`grants.grantStates.${g.status}`) },
      ]} />
    )}>
      <NeedsMeBar testId="grant" tabs={acts} view={view} steps={GRANT_ACTIONS} counts={counts} step={action}
        labels={{ mine: translate("grants.grant.needsMe"), all: translate("grants.grant.all"), any: translate("grants.grant.anyAction"), waiting: translate("grants.grant.waiting") }}
        stepLabel={(a, n) => (n === undefined ? translate(`grants.grant.actions.${a}`) : translate("grants.grant.actionOption", { what: translate(`grants.grant.actions.${a}`), n }))} />
      <FilterForm formProps={searchFormProps} testId="grant-filters"
        search={(
          <Form.Item name="q">
            <Input.Search placeholder={translate("grants.grant.search")} aria-label={translate("grants.grant.search")} allowClear
              onSearch={() => searchFormProps.form?.submit()} style={{ width: 200 }} />
          </Form.Item>
        )}>
        <Form.Item name="status" label={phone ? translate("grants.fields.status") : undefined}>
          <Select allowClear placeholder={translate("grants.fields.status")} aria-label={translate("grants.fields.status")} style={{ width: 120 }}
            options={GRANT_STATES.map((s) => ({ value: s, label: translate(`grants.grantStates.${s}`) }))} />
        </Form.Item>
        <Form.Item name="team_id" label={phone ? translate("grants.fields.team") : undefined}>
          <UnitSelect levels={["team"]} placeholder={translate("grants.fields.team")} aria-label={translate("grants.fields.team")} style={{ width: 200 }} />
        </Form.Item>
      </FilterForm>
      <ResponsiveTable<Grant> {...tableProps} rowKey="id" data-testid="grant-table"
        locale={{ emptyText: view === "mine" ? <NothingForMe text={translate("grants.grant.nothingForMe")} allLabel={translate("grants.grant.all")} /> : translate("common.empty") }}
        pagination={{ ...tableProps.pagination, showTotal: (total) => translate("common.total", { total }), showSizeChanger: true }}
        card={(g) => (
          <RecordCard testId="grant-card" title={<Link to={open(g)}>{g.grant_applications?.title ?? g.agreement_no}</Link>}
            extra={<StateTag group="grantStates" state={g.status} />}
            fields={[
              ...(waits.has(g.id) ? [{ label: translate("grants.grant.waiting"), value: waiting(g) }] : []),
              { label: translate("grants.grant.agreementNo"), value: g.agreement_no },
              { label: translate("grants.fields.amount"), value: formatFen(g.amount_fen) },
              { label: translate("grants.fields.team"), value: g.team?.name },
              { label: translate("grants.fields.period"), value: `${g.starts_on} ~ ${g.ends_on}` },
            ]}
            actions={(
              <Space wrap>
                {/* the grantee's voucher due: straight to the upload dialog of that tranche */}
                {uploadFor(g) && (
                  <Link to={`${open(g)}?upload=${uploadFor(g)}`}>
                    <Button type="primary" icon={<UploadOutlined />} data-testid="card-voucher-upload">{translate("grants.vouchers.upload")}</Button>
                  </Link>
                )}
                <Link to={open(g)}><Button>{translate("grants.applications.open")}</Button></Link>
              </Space>
            )} />
        )}>
        <Table.Column<Grant> dataIndex="agreement_no" title={translate("grants.grant.agreementNo")} sorter width={150} render={(v: string, g) => <Link to={open(g)}>{v}</Link>} />
        <Table.Column<Grant> title={translate("grants.fields.title")} render={(_, g) => g.grant_applications?.title} />
        <Table.Column<Grant> title={translate("grants.fields.team")} render={(_, g) => g.team?.name} />
        <Table.Column<Grant> dataIndex="amount_fen" title={translate("grants.fields.amount")} sorter align="right" width={140} render={(v: number) => formatFen(v)} />
        <Table.Column<Grant> dataIndex="starts_on" title={translate("grants.fields.period")} sorter width={220} render={(_, g) => `${g.starts_on} ~ ${g.ends_on}`} />
        <Table.Column<Grant> dataIndex="status" title={translate("grants.fields.status")} width={110} render={(s: string) => <StateTag group="grantStates" state={s} />} />
        {acts && <Table.Column<Grant> key="waiting" title={translate("grants.grant.waiting")} width={200} render={(_, g) => waiting(g)} />}
      </ResponsiveTable>
    </List>
  );
}
