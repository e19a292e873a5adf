// Service records (志愿服务记录): filters, sorting, paging and CSV export; leaders and admins record
// service; admins of the scope approve or reject pending records (one by one or in bulk) and correct
// approved ones by reversal. Opening with ?street=&team=&from=&to=&status= (from the dashboard's
// charts) starts with those filters.
import { CheckOutlined, CloseOutlined, PlusOutlined, RollbackOutlined } from "@ant-design/icons";
import { List, useTable } from "@refinedev/antd";
import { useCan, useDelete, useGetIdentity, useInvalidate, useTranslate, useUpdateMany, type CrudFilter } from "@refinedev/core";
import { App, Button, DatePicker, Form, Input, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ExportButton } from "../../components/ExportButton";
import { FilterActions } from "../../components/FilterActions";
import { ReasonModal } from "../../components/ReasonModal";
import { UnitSelect } from "../../components/UnitSelect";
import { scopeFilters } from "../../domain/scope";
import { canReverse, canReview, SERVICE_STATUSES, type ServiceStatus } from "../../domain/service";
import { errorMessage } from "../../providers/data";
import { useRequestKey, useRpcAction } from "../../providers/rpc";
import { useScope } from "../../providers/scope";
import type { ServiceRecord } from "../../types/app";
import { RecordServiceModal } from "./record-modal";

/** The page's select. Embeds become inner joins only when a filter needs them (a name search, a
 *  street): an inner join makes every row's embed part of the count. */
export function serviceSelect(byVolunteerName: boolean, byStreet: boolean): string {
  return `*, volunteers${byVolunteerName ? "!inner" : ""}(name), team:org_units!team_id${byStreet ? "!inner" : ""}(name, street_id, community_id, district_id), service_activities(title, place, projects(name))`;
}

const STATUS_COLORS: Record<ServiceStatus, string> = { pending: "gold", approved: "green", rejected: "default" };

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
  const { message } = App.useApp();
  const run = useRpcAction();
  const { scope, loading } = useScope();
  const { data: me } = useGetIdentity<{ id: string }>();
  const invalidate = useInvalidate();
  const { mutateAsync: updateMany } = useUpdateMany();
  const { mutateAsync: deleteOne } = useDelete();
  const { data: canCreate } = useCan({ resource: "service_records", action: "create" });
  const [params] = useSearchParams();
  const [recording, setRecording] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [rejecting, setRejecting] = useState<number[]>();
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
      <Form {...searchFormProps} initialValues={initial} layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="q">
          <Input.Search placeholder={translate("service.searchVolunteer")} allowClear onSearch={() => searchFormProps.form?.submit()} style={{ width: 190 }} />
        </Form.Item>
        <Form.Item name="status">
          <Select allowClear placeholder={translate("service.status")} style={{ width: 120 }} data-testid="filter-status"
            options={SERVICE_STATUSES.map((s) => ({ value: s, label: translate(`service.statuses.${s}`) }))} />
        </Form.Item>
        <Form.Item name="street_id">
          <UnitSelect levels={["street"]} placeholder={translate("service.street")} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="team_id">
          <UnitSelect levels={["team"]} placeholder={translate("service.team")} style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <FilterActions form={searchFormProps.form} />
      </Form>
      <Table {...tableProps} rowKey="id" scroll={{ x: 1200 }} locale={{ emptyText: translate("common.empty") }} data-testid="service-table"
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as number[]),
          getCheckboxProps: (r) => ({ disabled: !reviewable(r) }),
          hideSelectAll: !rows.some(reviewable),
        }}
        pagination={{ ...tableProps.pagination, showTotal: (total) => translate("common.total", { total }), showSizeChanger: true }}>
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
        <Table.Column<ServiceRecord> dataIndex="status" title={translate("service.status")} width={120} render={(s: ServiceStatus, r) => (
          <Space size={4}>
            <Tag color={STATUS_COLORS[s]}>{translate(`service.statuses.${s}`)}</Tag>
            {r.kind === "reversal" && <Tooltip title={r.note}><Tag color="red">{translate("service.kinds.reversal")}</Tag></Tooltip>}
            {r.review_note && r.kind === "service" && <Tooltip title={r.review_note}><Typography.Text type="secondary">ⓘ</Typography.Text></Tooltip>}
          </Space>
        )} />
        <Table.Column<ServiceRecord> title={translate("table.actions")} fixed="right" width={170} render={(_, r) => (
          <Space size={4}>
            {reviewable(r) && (
              <>
                <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => review([r.id], "approved")} data-testid={`approve-${r.id}`}>
                  {translate("service.approve")}
                </Button>
                <Button size="small" danger icon={<CloseOutlined />} onClick={() => setRejecting([r.id])}>{translate("service.reject")}</Button>
              </>
            )}
            {canReverse(scope, r) && (
              <Button size="small" icon={<RollbackOutlined />} onClick={() => setReversing(r)}>{translate("service.reverse")}</Button>
            )}
            {r.status === "pending" && r.recorded_by === me?.id && (
              <Popconfirm title={translate("service.withdrawConfirm")} onConfirm={() => withdraw(r)}>
                <Button size="small">{translate("service.withdraw")}</Button>
              </Popconfirm>
            )}
          </Space>
        )} />
      </Table>
      <RecordServiceModal open={recording} teamId={initial.team_id} onClose={() => setRecording(false)} onRecorded={refresh} />
      <ReasonModal open={!!rejecting} title={translate("service.reject")} label={translate("service.rejectReason")}
        onClose={() => setRejecting(undefined)} onSubmit={(reason) => review(rejecting ?? [], "rejected", reason)} />
      <ReasonModal open={!!reversing} title={translate("service.reverse")} label={translate("service.reverseReason")} hint={translate("service.reverseHint")}
        onClose={() => setReversing(undefined)}
        onSubmit={async (reason) => {
          const r = await run("reverse_service_record", { p_record_id: reversing!.id, p_reason: reason, p_request_key: reverseKey }, () => translate("notifications.success"));
          if (r.ok) refresh();
          return r.ok;
        }} />
    </List>
  );
}
