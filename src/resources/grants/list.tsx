// Grants (资助协议): the agreements that followed approved applications, with their amount, period and state;
// search by agreement number, filters by state and team; cards on phones; CSV export. A leader sees only its
// own team's grants (RLS); finance and the organisation department those of their scope.
import { useTable } from "@refinedev/antd";
import { useTranslate, type CrudFilter } from "@refinedev/core";
import { Button, Form, Input, Select, Table } from "antd";
import { Link } from "react-router";
import { ExportButton } from "../../components/ExportButton";
import { FilterForm } from "../../components/FilterForm";
import { List } from "../../components/Page";
import { RecordCard, ResponsiveTable, useIsPhone } from "../../components/Responsive";
import { UnitSelect } from "../../components/UnitSelect";
import { formatFen } from "../../domain/money";
import { scopeFilters } from "../../domain/scope";
import { useScope } from "../../providers/scope";
import { StateTag } from "../grant-applications/status";
import type { Grant } from "./queries";
import "../grant-applications/grants.css";

const GRANT_STATES = ["active", "completed", "terminated"] as const;

interface Search { q?: string; status?: string; team_id?: number }

export default function GrantList() {
  const translate = useTranslate();
  const phone = useIsPhone();
  const { scope, loading } = useScope();
  const scoped = scopeFilters(scope, { street: "team.street_id", community: "team.community_id", team: "team_id" }) ?? [];
  const select = `*, team:org_units!team_id${scoped.some((f) => f.field.startsWith("team.")) ? "!inner" : ""}(name, street_id, community_id), projects(name), grant_applications(title)`;
  const { tableProps, searchFormProps, filters, sorters } = useTable<Grant, never, Search>({
    resource: "grants",
    meta: { select },
    filters: { permanent: scoped.length === 1 ? scoped : [] },
    sorters: { initial: [{ field: "created_at", order: "desc" }, { field: "id", order: "desc" }] },
    pagination: { pageSize: 20 },
    queryOptions: { enabled: !loading },
    syncWithLocation: false,
    onSearch: (v): CrudFilter[] => [
      { field: "agreement_no", operator: "contains", value: v.q?.trim() || undefined },
      { field: "status", operator: "eq", value: v.status },
      { field: "team_id", operator: "eq", value: v.team_id },
    ],
  });
  const open = (g: Grant) => `/grants/${g.id}`;
  return (
    <List title={translate("grants.grant.listTitle")} headerButtons={() => (
      <ExportButton<Grant> resource="grants" filters={filters} sorters={sorters} select={select} filename="grants" columns={[
        { title: translate("grants.grant.agreementNo"), value: (g) => g.agreement_no },
        { title: translate("grants.fields.title"), value: (g) => g.grant_applications?.title },
        { title: translate("grants.fields.team"), value: (g) => g.team?.name },
        { title: translate("grants.fields.amountYuan"), value: (g) => formatFen(g.amount_fen, { symbol: false }) },
        { title: translate("grants.fields.period"), value: (g) => `${g.starts_on} ~ ${g.ends_on}` },
        { title: translate("grants.fields.status"), value: (g) => translate(`grants.grantStates.${g.status}`) },
      ]} />
    )}>
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
      <ResponsiveTable<Grant> {...tableProps} rowKey="id" data-testid="grant-table" locale={{ emptyText: translate("common.empty") }}
        pagination={{ ...tableProps.pagination, showTotal: (total) => translate("common.total", { total }), showSizeChanger: true }}
        card={(g) => (
          <RecordCard testId="grant-card" title={<Link to={open(g)}>{g.grant_applications?.title ?? g.agreement_no}</Link>}
            extra={<StateTag group="grantStates" state={g.status} />}
            fields={[
              { label: translate("grants.grant.agreementNo"), value: g.agreement_no },
              { label: translate("grants.fields.amount"), value: formatFen(g.amount_fen) },
              { label: translate("grants.fields.team"), value: g.team?.name },
              { label: translate("grants.fields.period"), value: `${g.starts_on} ~ ${g.ends_on}` },
            ]}
            actions={<Link to={open(g)}><Button>{translate("grants.applications.open")}</Button></Link>} />
        )}>
        <Table.Column<Grant> dataIndex="agreement_no" title={translate("grants.grant.agreementNo")} sorter width={150} render={(v: string, g) => <Link to={open(g)}>{v}</Link>} />
        <Table.Column<Grant> title={translate("grants.fields.title")} render={(_, g) => g.grant_applications?.title} />
        <Table.Column<Grant> title={translate("grants.fields.team")} render={(_, g) => g.team?.name} />
        <Table.Column<Grant> dataIndex="amount_fen" title={translate("grants.fields.amount")} sorter align="right" width={140} render={(v: number) => formatFen(v)} />
        <Table.Column<Grant> dataIndex="starts_on" title={translate("grants.fields.period")} sorter width={220} render={(_, g) => `${g.starts_on} ~ ${g.ends_on}`} />
        <Table.Column<Grant> dataIndex="status" title={translate("grants.fields.status")} width={110} render={(s: string) => <StateTag group="grantStates" state={s} />} />
      </ResponsiveTable>
    </List>
  );
}
