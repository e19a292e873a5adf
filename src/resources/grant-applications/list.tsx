// Grant applications (资金申报): "needs my action" (待我处理, ?view=mine — exactly the applications behind this
// person's counts, the rows of funds_action_items(), optionally for one step: ?action=decide) or all of them, filtered by status, year, street, team and a title search; sorting, paging, CSV export, cards on
// phones. Leaders see only their own team's applications (RLS) and start a new one here.
import { PlusOutlined } from "@ant-design/icons";
import { useTable } from "@refinedev/antd";
import { useCan, useTranslate, type CrudFilter } from "@refinedev/core";
import { Button, Form, Input, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ExportButton } from "../../components/ExportButton";
import { FilterForm } from "../../components/FilterForm";
import { NeedsMeBar, NothingForMe, WaitTags } from "../../components/NeedsMe";
import { List } from "../../components/Page";
import { RecordCard, ResponsiveTable, useIsPhone } from "../../components/Responsive";
import { UnitSelect } from "../../components/UnitSelect";
import {
  APPLICATION_ACTIONS, APPLICATION_STATUSES, applicationsWaiting, applicationWaits, isApplicationStep, statusesNeedingMe,
  type ActionItem, type ApplicationStatus,
} from "../../domain/grants";
import { formatFen } from "../../domain/money";
import { scopeFilters } from "../../domain/scope";
import { districtDate, districtToday } from "../../providers/dayjs";
import { useRpcQuery } from "../../providers/rpc";
import { useScope } from "../../providers/scope";
import { applicationListSelect, type Application } from "./queries";
import { StatusTag } from "./status";
import "./grants.css";

interface Search {
  q?: string;
  status?: ApplicationStatus;
  year?: number;
  street_id?: number;
  team_id?: number;
}

function searchFilters(v: Search): CrudFilter[] {
  return [
    { field: "title", operator: "contains", value: v.q?.trim() || undefined },
    { field: "status", operator: "eq", value: v.status },
    { field: "team.street_id", operator: "eq", value: v.street_id },
    { field: "team_id", operator: "eq", value: v.team_id },
    { field: "period_start", operator: "gte", value: v.year ? `${v.year}-01-01` : undefined },
    { field: "period_start", operator: "lte", value: v.year ? `${v.year}-12-31` : undefined },
  ];
}

export default function ApplicationList() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const phone = useIsPhone();
  const { scope, loading } = useScope();
  const [params] = useSearchParams();
  const { data: canApply } = useCan({ resource: "grant_applications", action: "apply" });
  const needs = statusesNeedingMe(scope);
  const view = params.get("view") === "all" || needs.length === 0 ? "all" : "mine";
  const actionParam = params.get("action");
  const action = isApplicationStep(actionParam) ? actionParam : undefined;
  const items = useRpcQuery<ActionItem>("funds_action_items", {}, { enabled: needs.length > 0 });
  const waits = applicationWaits(items.data ?? []);
  const initial: Search = {
    status: (params.get("status") as ApplicationStatus | null) ?? undefined,
    year: params.get("year") ? Number(params.get("year")) : undefined,
    team_id: params.get("team") ? Number(params.get("team")) : undefined,
  };
  const [searched, setSearched] = useState<Search>(initial);
  const scoped = scopeFilters(scope, { street: "team.street_id", community: "team.community_id", team: "team_id" }) ?? [];
  const select = applicationListSelect(!!searched.street_id || scoped.some((f) => f.field.startsWith("team.")));
  const permanent: CrudFilter[] = [
    ...(scoped.length === 1 ? scoped : []),
    ...(view === "mine" ? [{ field: "id", operator: "in", value: applicationsWaiting(items.data ?? [], action) } as CrudFilter] : []),
  ];
  const { tableProps, searchFormProps, filters, sorters } = useTable<Application, never, Search>({
    resource: "grant_applications",
    meta: { select },
    filters: { permanent, initial: searchFilters(initial).filter((f) => f.value !== undefined) },
    sorters: { initial: [{ field: "created_at", order: "desc" }, { field: "id", order: "desc" }] },
    pagination: { pageSize: 20 },
    queryOptions: { enabled: !loading && (view === "all" || !!items.data) },
    syncWithLocation: false,
    onSearch: (v) => {
      setSearched(v);
      return searchFilters(v);
    },
  });

  // the same numbers as the home and dashboard counts
  const counts = items.data ? new Map(APPLICATION_ACTIONS.map((a) => [a, items.data!.filter((i) => i.action === a).length])) : undefined;
  const waiting = (a: Application) => (
    <WaitTags testId="application-waits" texts={waits.get(a.id)?.map((w) => ({
      key: w.action, text: translate(`grants.applications.waits.${w.action}`, { n: w.n }),
    }))} />
  );
  const year = districtToday().year();
  const years = [year + 1, year, year - 1, year - 2];
  const open = (a: Application) => `/grant-applications/${a.id}`;
  const period = (a: Application) => `${a.period_start ?? ""} ~ ${a.period_end ?? ""}`;

  return (
    <List
      title={translate("grants.applications.title")}
      headerButtons={() => (
        <Space wrap>
          <ExportButton<Application>
            resource="grant_applications" filters={[...permanent, ...filters]} sorters={sorters} select={select} filename="grant-applications"
            columns={[
              { title: translate("grants.fields.title"), value: (r) => r.title },
              { title: translate("grants.fields.team"), value: (r) => r.team?.name },
              { title: translate("grants.fields.purpose"), value: (r) => translate(`grants.purposes.${r.purpose}`) },
              { title: translate("grants.fields.amountYuan"), value: (r) => formatFen(r.amount_requested_fen, { symbol: false }) },
              { title: translate("grants.fields.period"), value: period },
              { title: translate("grants.fields.status"), value: (r) => translate(`grants.statuses.${r.status}`) },
              { title: translate("grants.fields.noticeEnd"), value: (r) => r.notice_end },
            ]}
          />
          {canApply?.can && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate("/grant-applications/create")} data-testid="apply-grant">
              {translate("grants.applications.apply")}
            </Button>
          )}
        </Space>
      )}
    >
      <NeedsMeBar testId="application" tabs={needs.length > 0} view={view} steps={APPLICATION_ACTIONS} counts={counts} step={action}
        labels={{ mine: translate("grants.applications.needsMe"), all: translate("grants.applications.all"), any: translate("grants.applications.anyAction"), waiting: translate("grants.applications.waiting") }}
        stepLabel={(a, n) => (n === undefined ? translate(`grants.applications.actions.${a}`) : translate("grants.applications.actionOption", { what: translate(`grants.applications.actions.${a}`), n }))} />
      <FilterForm formProps={searchFormProps} initialValues={initial} testId="application-filters"
        search={(
          <Form.Item name="q">
            <Input.Search placeholder={translate("grants.applications.search")} aria-label={translate("grants.applications.search")} allowClear
              onSearch={() => searchFormProps.form?.submit()} style={{ width: 200 }} />
          </Form.Item>
        )}>
        <Form.Item name="status" label={phone ? translate("grants.fields.status") : undefined}>
          <Select allowClear placeholder={translate("grants.fields.status")} aria-label={translate("grants.fields.status")} style={{ width: 130 }}
            options={APPLICATION_STATUSES.map((s) => ({ value: s, label: translate(`grants.statuses.${s}`) }))} data-testid="filter-status" />
        </Form.Item>
        <Form.Item name="year" label={phone ? translate("grants.fields.year") : undefined}>
          <Select allowClear placeholder={translate("grants.fields.year")} aria-label={translate("grants.fields.year")} style={{ width: 110 }}
            options={years.map((y) => ({ value: y, label: String(y) }))} />
        </Form.Item>
        <Form.Item name="street_id" label={phone ? translate("grants.fields.street") : undefined}>
          <UnitSelect levels={["street"]} placeholder={translate("grants.fields.street")} aria-label={translate("grants.fields.street")} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="team_id" label={phone ? translate("grants.fields.team") : undefined}>
          <UnitSelect levels={["team"]} placeholder={translate("grants.fields.team")} aria-label={translate("grants.fields.team")} style={{ width: 200 }} />
        </Form.Item>
      </FilterForm>
      <ResponsiveTable<Application> {...tableProps} rowKey="id" data-testid="application-table"
        locale={{ emptyText: view === "mine" ? <NothingForMe text={translate("grants.applications.nothingForMe")} allLabel={translate("grants.applications.all")} /> : translate("common.empty") }}
        pagination={{ ...tableProps.pagination, showTotal: (total) => translate("common.total", { total }), showSizeChanger: true }}
        card={(a) => (
          <RecordCard testId="application-card"
            title={<Link to={open(a)}>{a.title}</Link>}
            extra={<StatusTag status={a.status} />}
            fields={[
              ...(waits.has(a.id) ? [{ label: translate("grants.applications.waiting"), value: waiting(a) }] : []),
              { label: translate("grants.fields.amount"), value: formatFen(a.amount_requested_fen) },
              { label: translate("grants.fields.team"), value: a.team?.name },
              { label: translate("grants.fields.purpose"), value: translate(`grants.purposes.${a.purpose}`) },
              { label: translate("grants.fields.period"), value: period(a) },
            ]}
            actions={<Link to={open(a)}><Button>{translate("grants.applications.open")}</Button></Link>} />
        )}>
        <Table.Column<Application> dataIndex="title" title={translate("grants.fields.title")} sorter render={(_, a) => <Link to={open(a)}>{a.title}</Link>} />
        <Table.Column<Application> title={translate("grants.fields.team")} render={(_, a) => a.team?.name} />
        <Table.Column<Application> dataIndex="purpose" title={translate("grants.fields.purpose")} width={110}
          render={(p: string) => translate(`grants.purposes.${p}`)} />
        <Table.Column<Application> dataIndex="amount_requested_fen" title={translate("grants.fields.amount")} sorter align="right" width={140}
          render={(v: number) => formatFen(v)} />
        <Table.Column<Application> title={translate("grants.fields.period")} width={220} render={(_, a) => <Typography.Text>{period(a)}</Typography.Text>} />
        <Table.Column<Application> dataIndex="status" title={translate("grants.fields.status")} sorter width={120} render={(_, a) => (
          <Space size={4} wrap>
            <StatusTag status={a.status} />
            {a.status === "in_notice" && a.notice_end && <Tag>{translate("grants.applications.noticeUntil", { date: a.notice_end })}</Tag>}
          </Space>
        )} />
        <Table.Column<Application> dataIndex="created_at" title={translate("grants.fields.createdAt")} sorter width={120}
          render={(v: string) => (v ? districtDate(v) : "")} />
        {needs.length > 0 && <Table.Column<Application> key="waiting" title={translate("grants.applications.waiting")} width={180} render={(_, a) => waiting(a)} />}
      </ResponsiveTable>
    </List>
  );
}
