import { useList, useShow, useTranslate } from "@refinedev/core";
import { Descriptions, Table, Tag } from "antd";
import { Stars } from "../../components/Stars";
import { Link } from "react-router";
import type { Membership, Volunteer } from "../../types/app";
import { VOLUNTEER_SELECT } from "./list";
import { useLookups } from "./lookups";
import { Show } from "../../components/Page";

export default function VolunteerShow() {
  const translate = useTranslate();
  const { query, result: v } = useShow<Volunteer>({ resource: "volunteers", meta: { select: VOLUNTEER_SELECT } });
  const { categoryName, groupName } = useLookups();
  const { result: memberships } = useList<Membership & { org_units: { name: string } }>({
    resource: "team_memberships",
    filters: [{ field: "volunteer_id", operator: "eq", value: v?.id }],
    pagination: { mode: "off" },
    meta: { select: "*, org_units(name)" },
    queryOptions: { enabled: !!v?.id },
  });
  return (
    <Show isLoading={query.isLoading} title={v?.name}>
      {v && (
        <Descriptions bordered column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={translate("volunteers.name")}>{v.name}</Descriptions.Item>
          <Descriptions.Item label={translate("volunteers.gender")}>{translate(`gender.${v.gender}`)}</Descriptions.Item>
          <Descriptions.Item label={translate("volunteers.birthYear")}>{v.birth_year}</Descriptions.Item>
          <Descriptions.Item label={translate("volunteers.phone")}>{v.volunteer_contacts?.phone ?? translate("roster.noPhone")}</Descriptions.Item>
          <Descriptions.Item label={translate("volunteers.homeStreet")}>{v.home_street?.name}</Descriptions.Item>
          <Descriptions.Item label={translate("volunteers.homeCommunity")}>{v.home_community?.name}</Descriptions.Item>
          <Descriptions.Item label={translate("volunteers.formerUnit")}>{v.former_unit}</Descriptions.Item>
          <Descriptions.Item label={translate("volunteers.formerPost")}>{v.former_post} {v.former_level && `（${v.former_level}）`}</Descriptions.Item>
          <Descriptions.Item label={translate("volunteers.partyMember")}>{v.is_party_member ? translate("common.yes") : translate("common.no")}</Descriptions.Item>
          <Descriptions.Item label={translate("volunteers.status")}>{translate(`status.${v.status}`)}</Descriptions.Item>
          <Descriptions.Item label={translate("volunteers.categories")}>{v.talent_category_ids.map((c) => <Tag key={c} color="geekblue">{categoryName.get(c)}</Tag>)}</Descriptions.Item>
          <Descriptions.Item label={translate("volunteers.posts")}>{v.community_posts.map((p) => <Tag key={p} color="gold">{translate(`posts.${p}`)}</Tag>)}</Descriptions.Item>
          <Descriptions.Item label={translate("volunteers.groups")}>{v.guidance_group_ids.map((g) => <Tag key={g}>{groupName.get(g)}</Tag>)}</Descriptions.Item>
          <Descriptions.Item label={translate("volunteers.skills")}>{v.skills.join("、")}</Descriptions.Item>
          <Descriptions.Item label={translate("stars.level")}>
            <Stars level={v.volunteer_service_totals?.star_level ?? 0} />
          </Descriptions.Item>
          <Descriptions.Item label={translate("stars.hours")}>
            {Number(v.volunteer_service_totals?.approved_hours ?? 0)} {translate("dashboard.hoursUnit")} · <Link to={`/passbook/${v.id}`}>{translate("passbook.open")}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={translate("volunteers.note")} span={2}>{v.note}</Descriptions.Item>
        </Descriptions>
      )}
      <Table style={{ marginTop: 16 }} rowKey="id" size="small" pagination={false} dataSource={memberships?.data ?? []} scroll={{ x: "max-content" }}
        title={() => translate("volunteers.teams")} locale={{ emptyText: translate("common.empty") }}>
        <Table.Column title={translate("common.team")} render={(_, m: Membership & { org_units: { name: string } }) => <Link to={`/teams/${m.team_id}`}>{m.org_units?.name}</Link>} />
        <Table.Column title={translate("roster.role")} render={(_, m: Membership) => translate(`memberRoles.${m.role}`)} />
        <Table.Column title={translate("roster.joined")} dataIndex="joined_on" />
        <Table.Column title={translate("roster.left")} dataIndex="left_on" />
      </Table>
    </Show>
  );
}
