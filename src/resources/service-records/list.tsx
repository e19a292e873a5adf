// Service records (志愿服务记录): filters, sorting, paging and CSV export; leaders and admins record
// service; admins of the scope approve or reject pending records (one by one or in bulk) and correct
// approved ones by reversal. Opening with ?street=&team=&from=&to=&status= (from the dashboard's
// charts) starts with those filters.
import { CheckCircleOutlined, CheckOutlined, ClockCircleOutlined, CloseCircleOutlined, CloseOutlined, PlusOutlined, RollbackOutlined } from "@ant-design/icons";
import { useTable } from "@refinedev/antd";
import { useCan, useDelete, useGetIdentity, useInvalidate, useTranslate, useUpdateMany, type CrudFilter } from "@refinedev/core";
import { App, Button, Form, Grid, Input, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import dayjs from "dayjs";
import { useState, type ReactNode } from "react";
import { Link, useSearchParams } from "react-router";
import { ExportButton } from "../../components/ExportButton";
import { DateRangeField, FilterForm } from "../../components/FilterForm";
import { RecordCard, ResponsiveTable, useIsPhone } from "../../components/Responsive";
import { ReasonModal } from "../../components/ReasonModal";
import { UnitSelect } from "../../components/UnitSelect";
import { scopeFilters } from "../../domain/scope";
import { canReverse, canReview, SERVICE_STATUSES, type ServiceStatus } from "../../domain/service";
import { errorMessage } from "../../providers/data";
import { useRequestKey, useRpcAction } from "../../providers/rpc";
import { useScope } from "../../providers/scope";
import type { ServiceRecord } from "../../types/app";
import { RecordServiceModal } from "./record-modal";
import { List } from "../../components/Page";

/** The page's select. Embeds become inner joins only when a filter needs them (a name search, a
 *  street): an inner join makes every row's embed part of the count. */
export function serviceSelect(byVolunteerName: boolean, byStreet: boolean): string {
  return `*, volunteers${byVolunteerName ? "!inner" : ""}(name), team:org_units!team_id${byStreet ? "!inner" : ""}(name, street_id, community_id, district_id), service_activities(title, place, projects(name))`;
}

const STATUS_COLORS: Record<ServiceStatus, string> = { pending: "gold", approved: "green", rejected: "default" };
// the status is in the tag's text and icon, not only its colour
const STATUS_ICONS: Record<ServiceStatus, ReactNode> = { pending: <ClockCircleOutlined />, approved: <CheckCircleOutlined />, rejected: <CloseCircleOutlined /> };

interface Search {
  q?: string;
  status?: ServiceStatus;
  street_id?: number;
  team_id?: number;
  range?: [dayjs.Dayjs, dayjs.Dayjs];
}

function searchFilters(v: Search): CrudFilter[] {
  return [
    { field: "volunteers.name", operator: "contains", value: v.q?.trim() || undefined },
    { field: "status", operator: "eq", value: v.status },
    { field: "team.street_id", operator: "eq", value: v.street_id },
    { field: "team_id", operator: "eq", value: v.team_id },
    { field: "service_date", operator: "gte", value: v.range?.[0]?.format("YYYY-MM-DD") },
    { field: "service_date", operator: "lte", value: v.range?.[1]?.format("YYYY-MM-DD") },
  ];
}

export default function ServiceRecordList() {
  const translate = useTranslate();
  const phone = useIsPhone();
  // a scrolling table renders a hidden measuring row with focusable checkboxes (axe aria-hidden-focus): only where it must scroll
  const wide = !!Grid.useBreakpoint().xl;
  const { message } = App.useApp();
  const run = useRpcAction();
  const { scope, loading } = useScope();
  const { data: me } = useGetIdentity<{ id: string }>();
  const invalidate = useInvalidate();
  const { mutateAsync: updateMany } = useUpdateMany();
  const { mutateAsync: deleteOne } = useDelete();
  const { data: canCreate } = useCan({ resource: "service_records", action: "record" });
  const [params] = useSearchParams();
  const [recording, setRecording] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [rejecting, setRejecting] = useState<ServiceRecord[]>();
  const [reversing, setReversing] = useState<ServiceRecord>();
  const reverseKey = useRequestKey(!!reversing);

  const initial: Search = {
    status: (params.get("status") as ServiceStatus | null) ?? undefined,
    street_id: params.get("street") ? Number(params.get("street")) : undefined,
    team_id: params.get("team") ? Number(params.get("team")) : undefined,
    range: params.get("from") && params.get("to") ? [dayjs(params.get("from")), dayjs(params.get("to"))] : undefined,
  };
  const scoped = scopeFilters(scope, { street: "team.street_id", community: "team.community_id", team: "team_id" }) ?? [];
  const [searched, setSearched] = useState<Search>(initial);
  const select = serviceSelect(!!searched.q?.trim(), !!searched.street_id || scoped.some((f) => f.field.startsWith("team.")));
  const narrowed = scoped.length > 0 || Object.values(searched).some((v) => v !== undefined && v !== "");
  const { tableProps, searchFormProps, filters, sorters } = useTable<ServiceRecord, never, Search>({
    resource: "service_records",
    // a district-wide page without filters counts by the planner's estimate (an exact count reads every row)
    meta: { select, count: narrowed ? "exact" : "estimated" },
    filters: { permanent: scoped.length === 1 ? scoped : [], initial: searchFilters(initial).filter((f) => f.value !== undefined) },
    sorters: { initial: [{ field: "service_date", order: "desc" }, { field: "id", order: "desc" }] },
    pagination: { pageSize: 20 },
    queryOptions: { enabled: !loading },
    syncWithLocation: false,
    onSearch: (v) => {
      setSearched(v);
      return searchFilters(v);
    },
  });
  const rows = (tableProps.dataSource ?? []) as ServiceRecord[];
  const reviewable = (r: ServiceRecord) => canReview(scope, me?.id, r);

  const refresh = () => {
    setSelected([]);
    invalidate({ resource: "service_records", invalidates: ["list"] });
  };

  const review = async (ids: number[], status: "approved" | "rejected", note?: string): Promise<boolean> => {
    const quiet = { successNotification: false, errorNotification: false } as const;
    const { data, error } = await updateMany({ resource: "service_records", ids, values: { status, review_note: note ?? null }, meta: { select: "id" }, ...quiet })
      .then((r) => ({ data: r.data, error: null }), (e: unknown) => ({ data: [], error: e }));
    if (error) {
      message.error(errorMessage(error));
      return false;
    }
    if ((data ?? []).length < ids.length) message.warning(translate("errors.noRows"));
    else message.success(status === "approved" ? translate("service.approvedN", { n: ids.length }) : translate("notifications.success"));
    refresh();
    return true;
  };

  const withdraw = async (r: ServiceRecord) => {
    const error = await deleteOne({ resource: "service_records", id: r.id, successNotification: false, errorNotification: false })
      .then(() => null, (e: unknown) => e);
    if (error) message.error(errorMessage(error));
    else refresh();
  };

  // who and what a dialog acts on: "张三 2026-11-02 的服务记录（2 小时）"
  const subject = (r: ServiceRecord) => `${r.volunteers?.name ?? ""} ${r.service_date} ${Number(r.hours)}`;
  const named = (r: ServiceRecord) => ({ name: r.volunteers?.name ?? "", date: r.service_date, hours: Number(r.hours) });

  const statusTags = (r: ServiceRecord) => (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[r.status]} icon={STATUS_ICONS[r.status]}>{translate(`service.statuses.${r.status}`)}</Tag>
      {r.kind === "reversal" && <Tooltip title={r.note}><Tag color="red">{translate("service.kinds.reversal")}</Tag></Tooltip>}
      {r.review_note && r.kind === "service" && (
        <Tooltip title={r.review_note}><Typography.Text type="secondary" aria-label={r.review_note} role="img">ⓘ</Typography.Text></Tooltip>
      )}
    </Space>
  );

  // 通过 and 驳回 differ in icon, text and style (filled primary against a plain outline), not in colour alone
  const actions = (r: ServiceRecord, size?: "small") => (
    <Space size={4} wrap>
      {reviewable(r) && (
        <>
          <Popconfirm title={translate("lists.approveConfirm", named(r))} onConfirm={() => review([r.id], "approved")} okText={translate("service.approve")}>
            <Button size={size} type="primary" icon={<CheckOutlined />} data-testid={`approve-${r.id}`}>{translate("service.approve")}</Button>
          </Popconfirm>
          <Button size={size} icon={<CloseOutlined />} onClick={() => setRejecting([r])} data-testid={`reject-${r.id}`}>{translate("service.reject")}</Button>
        </>
      )}
      {canReverse(scope, r) && (
        <Button size={size} icon={<RollbackOutlined />} onClick={() => setReversing(r)}>{translate("service.reverse")}</Button>
      )}
      {r.status === "pending" && r.recorded_by === me?.id && (
        <Popconfirm title={translate("lists.withdrawConfirm", named(r))} onConfirm={() => withdraw(r)}>
          <Button size={size}>{translate("service.withdraw")}</Button>
        </Popconfirm>
      )}
    </Space>
  );

  return (
    <List
      title={translate("service.title")}
      headerButtons={() => (
        <Space wrap>
          {selected.length > 0 && (
            <Popconfirm title={translate("service.bulkApprove", { n: selected.length })} onConfirm={() => review(selected, "approved")}>
              <Button type="primary" ghost icon={<CheckOutlined />} data-testid="bulk-approve">{translate("service.bulkApprove", { n: selected.length })}</Button>
            </Popconfirm>
          )}
          <ExportButton<ServiceRecord>
            resource="service_records" filters={filters} sorters={sorters} select={select} filename="service-records"
            columns={[
              { title: translate("service.date"), value: (r) => r.service_date },
              { title: translate("service.volunteer"), value: (r) => r.volunteers?.name },
              { title: translate("service.team"), value: (r) => r.team?.name },
              { title: translate("service.activity"), value: (r) => r.service_activities?.title },
              { title: translate("service.place"), value: (r) => r.service_activities?.place },
              { title: translate("service.project"), value: (r) => r.service_activities?.projects?.name },
              { title: translate("service.hours"), value: (r) => r.hours },
              { title: translate("service.status"), value: (r) => translate(`service.statuses.${r.status}`) },
              { title: translate("service.note"), value: (r) => r.note ?? r.review_note },
            ]}
          />
          {canCreate?.can && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="record-service">{translate("service.record")}</Button>
          )}
        </Space>
      )}
    >
      <FilterForm formProps={searchFormProps} initialValues={initial} testId="service-filters"
        search={(
          <Form.Item name="q">
            <Input.Search placeholder={translate("service.searchVolunteer")} aria-label={translate("service.searchVolunteer")} allowClear onSearch={() => searchFormProps.form?.submit()} style={{ width: 190 }} />
          </Form.Item>
        )}>
        <Form.Item name="status" label={phone ? translate("service.status") : undefined}>
          <Select allowClear placeholder={translate("service.status")} aria-label={translate("service.status")} style={{ width: 120 }} data-testid="filter-status"
            options={SERVICE_STATUSES.map((s) => ({ value: s, label: translate(`service.statuses.${s}`) }))} />
        </Form.Item>
        <Form.Item name="street_id" label={phone ? translate("service.street") : undefined}>
          <UnitSelect levels={["street"]} placeholder={translate("service.street")} aria-label={translate("service.street")} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="team_id" label={phone ? translate("service.team") : undefined}>
          <UnitSelect levels={["team"]} placeholder={translate("service.team")} aria-label={translate("service.team")} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="range" label={phone ? translate("service.dateRange") : undefined}>
          <DateRangeField />
        </Form.Item>
      </FilterForm>
      <ResponsiveTable<ServiceRecord> {...tableProps} rowKey="id" scroll={wide ? undefined : { x: 1200 }} locale={{ emptyText: translate("common.empty") }} data-testid="service-table"
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as number[]),
          getCheckboxProps: (r) => ({ disabled: !reviewable(r), "aria-label": subject(r) }),
          hideSelectAll: !rows.some(reviewable),
        }}
        pagination={{ ...tableProps.pagination, showTotal: (total) => translate("common.total", { total }), showSizeChanger: true }}
        card={(r) => (
          <RecordCard testId="service-card"
            title={<Link to={`/passbook/${r.volunteer_id}`}>{r.volunteers?.name}</Link>}
            extra={statusTags(r)}
            fields={[
              { label: translate("service.date"), value: r.service_date },
              { label: translate("service.hours"), value: <Typography.Text type={r.kind === "reversal" ? "danger" : undefined}>{Number(r.hours).toFixed(2)}</Typography.Text> },
              { label: translate("service.team"), value: r.team?.name },
              { label: translate("service.activity"), value: [r.service_activities?.title, r.service_activities?.place].filter(Boolean).join(" · ") },
            ]}
            actions={actions(r)} />
        )}>
        <Table.Column<ServiceRecord> dataIndex="service_date" title={translate("service.date")} sorter width={110} />
        <Table.Column<ServiceRecord> title={translate("service.volunteer")} width={110} render={(_, r) =>
          <Link to={`/passbook/${r.volunteer_id}`}>{r.volunteers?.name}</Link>} />
        <Table.Column<ServiceRecord> title={translate("service.team")} render={(_, r) => r.team?.name} />
        <Table.Column<ServiceRecord> title={translate("service.activity")} render={(_, r) => (
          <Space direction="vertical" size={0}>
            <span>{r.service_activities?.title}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[r.service_activities?.place, r.service_activities?.projects?.name].filter(Boolean).join(" · ")}
            </Typography.Text>
          </Space>
        )} />
        <Table.Column<ServiceRecord> dataIndex="hours" title={translate("service.hours")} sorter align="right" width={130} render={(h: number, r) =>
          <Typography.Text type={r.kind === "reversal" ? "danger" : undefined}>{Number(h).toFixed(2)}</Typography.Text>} />
        <Table.Column<ServiceRecord> dataIndex="status" title={translate("service.status")} width={120} render={(_, r) => statusTags(r)} />
        <Table.Column<ServiceRecord> title={translate("table.actions")} fixed="right" width={190} render={(_, r) => actions(r, "small")} />
      </ResponsiveTable>
      <RecordServiceModal open={recording} teamId={initial.team_id} onClose={() => setRecording(false)} onRecorded={refresh} />
      <ReasonModal open={!!rejecting} label={translate("service.rejectReason")} okText={translate("service.reject")}
        title={rejecting?.length === 1 ? translate("lists.rejectTitle", named(rejecting[0])) : translate("lists.rejectManyTitle", { n: rejecting?.length ?? 0 })}
        onClose={() => setRejecting(undefined)} onSubmit={(reason) => review((rejecting ?? []).map((r) => r.id), "rejected", reason)} />
      <ReasonModal open={!!reversing} title={reversing ? translate("lists.reverseTitle", named(reversing)) : ""} label={translate("service.reverseReason")}
        hint={translate("service.reverseHint")} okText={translate("service.reverse")}
        onClose={() => setReversing(undefined)}
        onSubmit={async (reason) => {
          const r = await run("reverse_service_record", { p_record_id: reversing!.id, p_reason: reason, p_request_key: reverseKey }, () => translate("notifications.success"));
          if (r.ok) refresh();
          return r.ok;
        }} />
    </List>
  );
}
