// The talent pool: server-side search by name, filters by category, street, post and status,
// sorting, pagination and CSV export. Phone numbers appear only where the database returns them.
import { EditButton, ShowButton, useTable } from "@refinedev/antd";
import { useTranslate, type CrudFilter } from "@refinedev/core";
import { Link, useSearchParams } from "react-router";
import { Button, Form, Input, Select, Space, Table, Tag } from "antd";
import { ExportButton } from "../../components/ExportButton";
import { FilterForm } from "../../components/FilterForm";
import { RecordCard, ResponsiveTable, useIsPhone } from "../../components/Responsive";
import { Stars } from "../../components/Stars";
import { UnitSelect } from "../../components/UnitSelect";
import { scopeFilters } from "../../domain/scope";
import { COMMUNITY_POSTS, maskPhone } from "../../domain/volunteer";
import { useScope } from "../../providers/scope";
import type { Volunteer } from "../../types/app";
import { useLookups } from "./lookups";
import { List } from "../../components/Page";

export const VOLUNTEER_SELECT =
  "*, home_community:org_units!home_community_id(name), home_street:org_units!home_street_id(name), volunteer_contacts(phone), volunteer_service_totals!inner(star_level, approved_hours)";

interface Search {
  q?: string;
  category?: number;
  street_id?: number;
  post?: string;
  status?: string;
  pool?: boolean;
  star?: number;
}

export default function VolunteerList() {
  const translate = useTranslate();
  const phone = useIsPhone();
  const { scope, loading } = useScope();
  const { categories, categoryName } = useLookups();
  // ?star=N, from the dashboard's star distribution
  const [params] = useSearchParams();
  const starParam = params.get("star") === null ? undefined : Number(params.get("star"));
  const scoped = scopeFilters(scope, { street: "home_street_id", community: "home_community_id" }) ?? [];
  const permanent: CrudFilter[] = scoped.length > 1 ? [{ operator: "or", value: scoped }] : scoped;
  const { tableProps, searchFormProps, filters, sorters } = useTable<Volunteer, never, Search>({
    resource: "volunteers",
    meta: { select: VOLUNTEER_SELECT },
    filters: { permanent, initial: starParam === undefined ? [] : [{ field: "volunteer_service_totals.star_level", operator: "eq", value: starParam }] },
    sorters: { initial: [{ field: "created_at", order: "desc" }] },
    pagination: { pageSize: 20 },
    queryOptions: { enabled: !loading },
    syncWithLocation: true,
    onSearch: (v) => [
      { field: "name", operator: "contains", value: v.q?.trim() || undefined },
      { field: "talent_category_ids", operator: "ina", value: v.category ? [v.category] : undefined },
      { field: "home_street_id", operator: "eq", value: v.street_id },
      { field: "community_posts", operator: "ina", value: v.post ? [v.post] : undefined },
      { field: "status", operator: "eq", value: v.status },
      { field: "in_talent_pool", operator: "eq", value: v.pool },
      { field: "volunteer_service_totals.star_level", operator: "eq", value: v.star },
    ],
  });

  return (
    <List
      title={translate("volunteers.title")}
      headerButtons={({ defaultButtons }) => (
        <>
          <ExportButton<Volunteer>
            resource="volunteers"
            filters={filters}
            sorters={sorters}
            select={VOLUNTEER_SELECT}
            filename="volunteers"
            columns={[
              { title: translate("volunteers.name"), value: (r) => r.name },
              { title: translate("volunteers.gender"), value: (r) => translate(`gender.${r.gender}`) },
              { title: translate("volunteers.birthYear"), value: (r) => r.birth_year },
              { title: translate("volunteers.homeStreet"), value: (r) => r.home_street?.name },
              { title: translate("volunteers.homeCommunity"), value: (r) => r.home_community?.name },
              { title: translate("volunteers.phone"), value: (r) => r.volunteer_contacts?.phone },
              { title: translate("volunteers.formerUnit"), value: (r) => r.former_unit },
              { title: translate("volunteers.formerPost"), value: (r) => r.former_post },
              { title: translate("volunteers.partyMember"), value: (r) => (r.is_party_member ? translate("common.yes") : translate("common.no")) },
              { title: translate("volunteers.categories"), value: (r) => r.talent_category_ids.map((c) => categoryName.get(c)).join("、") },
              { title: translate("volunteers.posts"), value: (r) => r.community_posts.map((p) => translate(`posts.${p}`)).join("、") },
              { title: translate("volunteers.status"), value: (r) => translate(`status.${r.status}`) },
            ]}
          />
          {defaultButtons}
        </>
      )}
    >
      <FilterForm formProps={searchFormProps} testId="volunteer-filters"
        search={(
          <Form.Item name="q">
            <Input.Search placeholder={translate("volunteers.searchName")} aria-label={translate("volunteers.searchName")} allowClear
              onSearch={() => searchFormProps.form?.submit()} style={{ width: 200 }} />
          </Form.Item>
        )}>
        <Form.Item name="category" label={phone ? translate("volunteers.categories") : undefined}>
          <Select allowClear placeholder={translate("volunteers.categories")} aria-label={translate("volunteers.categories")} style={{ width: 150 }} options={categories.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="street_id" label={phone ? translate("volunteers.homeStreet") : undefined}>
          <UnitSelect levels={["street"]} placeholder={translate("volunteers.homeStreet")} aria-label={translate("volunteers.homeStreet")} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="post" label={phone ? translate("volunteers.posts") : undefined}>
          <Select allowClear placeholder={translate("volunteers.posts")} aria-label={translate("volunteers.posts")} style={{ width: 160 }} options={COMMUNITY_POSTS.map((p) => ({ value: p, label: translate(`posts.${p}`) }))} />
        </Form.Item>
        <Form.Item name="status" label={phone ? translate("volunteers.status") : undefined}>
          <Select allowClear placeholder={translate("volunteers.status")} aria-label={translate("volunteers.status")} style={{ width: 110 }} options={["active", "paused", "withdrawn"].map((s) => ({ value: s, label: translate(`status.${s}`) }))} />
        </Form.Item>
        <Form.Item name="pool" label={phone ? translate("volunteers.inPool") : undefined}>
          <Select allowClear placeholder={translate("volunteers.inPool")} aria-label={translate("volunteers.inPool")} style={{ width: 120 }} options={[{ value: true, label: translate("common.yes") }, { value: false, label: translate("common.no") }]} />
        </Form.Item>
        <Form.Item name="star" initialValue={starParam} label={phone ? translate("stars.level") : undefined}>
          <Select allowClear placeholder={translate("stars.level")} aria-label={translate("stars.level")} style={{ width: 120 }} data-testid="filter-star"
            options={[0, 1, 2, 3, 4, 5].map((l) => ({ value: l, label: l === 0 ? translate("dashboard.noStar") : translate("dashboard.starLabel", { n: l }) }))} />
        </Form.Item>
      </FilterForm>
      <ResponsiveTable<Volunteer> {...tableProps} rowKey="id" scroll={{ x: 1100 }} locale={{ emptyText: translate("common.empty") }}
        pagination={{ ...tableProps.pagination, showTotal: (total) => translate("common.total", { total }), showSizeChanger: true }}
        card={(r) => (
          <RecordCard testId="volunteer-card"
            title={<Space size={6} wrap><Link to={`/volunteers/show/${r.id}`}>{r.name}</Link>{r.is_party_member && <Tag color="red">{translate("lists.partyTag")}</Tag>}</Space>}
            extra={<Tag color={r.status === "active" ? "green" : "default"}>{translate(`status.${r.status}`)}</Tag>}
            fields={[
              { label: translate("volunteers.homeCommunity"), value: [r.home_street?.name, r.home_community?.name].filter(Boolean).join(" / ") },
              { label: translate("stars.level"), value: <Stars level={r.volunteer_service_totals?.star_level ?? 0} /> },
              { label: translate("roster.hours"), value: translate("lists.hoursShort", { h: Number(r.volunteer_service_totals?.approved_hours ?? 0) }) },
            ]}
            actions={<>
              <ShowButton recordItemId={r.id}>{translate("buttons.show")}</ShowButton>
              <EditButton recordItemId={r.id}>{translate("buttons.edit")}</EditButton>
              <Link to={`/passbook/${r.id}`}><Button>{translate("passbook.open")}</Button></Link>
            </>} />
        )}>
        <Table.Column<Volunteer> dataIndex="name" title={translate("volunteers.name")} sorter fixed="left" width={150}
          render={(v, r) => <Space>{v}{r.is_party_member && <Tag color="red">{translate("lists.partyTag")}</Tag>}</Space>} />
        <Table.Column<Volunteer> dataIndex="gender" title={translate("volunteers.gender")} render={(g) => translate(`gender.${g}`)} />
        <Table.Column<Volunteer> dataIndex="birth_year" title={translate("volunteers.birthYear")} sorter />
        <Table.Column<Volunteer> dataIndex={["home_street", "name"]} title={translate("volunteers.homeStreet")} />
        <Table.Column<Volunteer> dataIndex={["home_community", "name"]} title={translate("volunteers.homeCommunity")} />
        <Table.Column<Volunteer> title={translate("volunteers.phone")} render={(_, r) => (r.volunteer_contacts?.phone ? maskPhone(r.volunteer_contacts.phone) : "—")} />
        <Table.Column<Volunteer> dataIndex="talent_category_ids" title={translate("volunteers.categories")}
          render={(ids: number[]) => ids.map((c) => <Tag key={c} color="geekblue">{categoryName.get(c)}</Tag>)} />
        <Table.Column<Volunteer> dataIndex="community_posts" title={translate("volunteers.posts")}
          render={(ps: string[]) => ps.map((p) => <Tag key={p} color="gold">{translate(`posts.${p}`)}</Tag>)} />
        <Table.Column<Volunteer> title={translate("stars.level")} render={(_, r) => <Stars level={r.volunteer_service_totals?.star_level ?? 0} />} />
        <Table.Column<Volunteer> title={translate("roster.hours")} align="right" render={(_, r) => (
          <Link to={`/passbook/${r.id}`}>{Number(r.volunteer_service_totals?.approved_hours ?? 0)}</Link>
        )} />
        <Table.Column<Volunteer> dataIndex="status" title={translate("volunteers.status")} render={(s) => <Tag color={s === "active" ? "green" : "default"}>{translate(`status.${s}`)}</Tag>} />
        <Table.Column<Volunteer> title={translate("table.actions")} fixed="right" render={(_, r) => (
          <Space>
            <ShowButton hideText size="small" recordItemId={r.id} aria-label={`${translate("buttons.show")} ${r.name}`} />
            <EditButton hideText size="small" recordItemId={r.id} aria-label={`${translate("buttons.edit")} ${r.name}`} />
          </Space>
        )} />
      </ResponsiveTable>
    </List>
  );
}
