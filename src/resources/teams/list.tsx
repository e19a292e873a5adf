// Teams of the caller's scope: filter by street and community, search by name, member counts.
import { useTable } from "@refinedev/antd";
import { useTranslate, type CrudFilter } from "@refinedev/core";
import { Button, Form, Input, Table } from "antd";
import { Link } from "react-router";
import { ExportButton } from "../../components/ExportButton";
import { FilterForm } from "../../components/FilterForm";
import { RecordCard, ResponsiveTable, useIsPhone } from "../../components/Responsive";
import { UnitSelect } from "../../components/UnitSelect";
import { scopeFilters } from "../../domain/scope";
import { useScope } from "../../providers/scope";
import type { OrgUnit } from "../../types/app";
import { List } from "../../components/Page";

type TeamRow = OrgUnit & { community_name: string; street_name: string };

export default function TeamList() {
  const translate = useTranslate();
  const phone = useIsPhone();
  const { scope, loading } = useScope();
  const scoped = scopeFilters(scope, { street: "street_id", community: "community_id", team: "id" }) ?? [];
  const permanent: CrudFilter[] = scoped.length > 1 ? [{ operator: "or", value: scoped }] : scoped;
  const { tableProps, searchFormProps, filters, sorters } = useTable<TeamRow, never, { q?: string; street_id?: number; community_id?: number }>({
    resource: "team_list",
    filters: { permanent },
    sorters: { initial: [{ field: "id", order: "asc" }] },
    pagination: { pageSize: 20 },
    queryOptions: { enabled: !loading },
    onSearch: (v) => [
      { field: "name", operator: "contains", value: v.q || undefined },
      { field: "street_id", operator: "eq", value: v.street_id },
      { field: "community_id", operator: "eq", value: v.community_id },
    ],
    syncWithLocation: true,
  });
  const streetId = Form.useWatch("street_id", searchFormProps.form);

  return (
    <List
      title={translate("teams.title")}
      headerButtons={() => (
        <ExportButton<TeamRow>
          resource="team_list"
          filters={filters}
          sorters={sorters}
          filename="teams"
          columns={[
            { title: translate("common.name"), value: (r) => r.name },
            { title: translate("common.street"), value: (r) => r.street_name },
            { title: translate("common.community"), value: (r) => r.community_name },
            { title: translate("teams.members"), value: (r) => r.active_member_count },
            { title: translate("orgTree.established"), value: (r) => r.established_on },
          ]}
        />
      )}
    >
      <FilterForm formProps={searchFormProps} testId="team-filters"
        search={(
          <Form.Item name="q">
            <Input.Search placeholder={translate("teams.searchName")} aria-label={translate("teams.searchName")} allowClear onSearch={() => searchFormProps.form?.submit()} style={{ width: 220 }} />
          </Form.Item>
        )}>
        <Form.Item name="street_id" label={phone ? translate("teams.filterStreet") : undefined}>
          <UnitSelect levels={["street"]} placeholder={translate("teams.filterStreet")} aria-label={translate("teams.filterStreet")} style={{ width: 180 }} onChange={() => searchFormProps.form?.setFieldValue("community_id", undefined)} />
        </Form.Item>
        <Form.Item name="community_id" label={phone ? translate("teams.filterCommunity") : undefined}>
          <UnitSelect levels={["community"]} streetId={streetId} placeholder={translate("teams.filterCommunity")} aria-label={translate("teams.filterCommunity")} style={{ width: 220 }} />
        </Form.Item>
      </FilterForm>
      <ResponsiveTable<TeamRow> {...tableProps} rowKey="id" locale={{ emptyText: translate("common.empty") }}
        pagination={{ ...tableProps.pagination, showTotal: (total) => translate("common.total", { total }), showSizeChanger: true }}
        card={(r) => (
          <RecordCard testId="team-card" title={<Link to={`/teams/${r.id}`}>{r.name}</Link>}
            fields={[
              { label: translate("common.community"), value: [r.street_name, r.community_name].filter(Boolean).join(" / ") },
              { label: translate("teams.members"), value: r.active_member_count },
            ]}
            actions={<Link to={`/teams/${r.id}`}><Button type="primary">{translate("teams.roster")}</Button></Link>} />
        )}>
        <Table.Column<TeamRow> dataIndex="name" title={translate("common.name")} sorter render={(v, r) => <Link to={`/teams/${r.id}`}>{v}</Link>} />
        <Table.Column<TeamRow> dataIndex="street_name" title={translate("common.street")} />
        <Table.Column<TeamRow> dataIndex="community_name" title={translate("common.community")} />
        <Table.Column<TeamRow> dataIndex="active_member_count" title={translate("teams.members")} sorter align="right" />
        <Table.Column<TeamRow> dataIndex="established_on" title={translate("orgTree.established")} sorter />
        <Table.Column<TeamRow> title={translate("table.actions")} render={(_, r) => <Link to={`/teams/${r.id}`} aria-label={`${translate("teams.roster")}：${r.name}`}>{translate("teams.roster")}</Link>} />
      </ResponsiveTable>
    </List>
  );
}
