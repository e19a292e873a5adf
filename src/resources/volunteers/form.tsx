// The volunteer form shared by create and edit. The phone number is saved to volunteer_contacts
// (personal data, readable only by those who manage the person).
import { useTranslate } from "@refinedev/core";
import { Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, type FormProps } from "antd";
import { UnitSelect } from "../../components/UnitSelect";
import { COMMUNITY_POSTS, FORMER_LEVELS, PHONE_PATTERN } from "../../domain/volunteer";
import type { Json } from "../../types/database";
import { useLookups } from "./lookups";

export function VolunteerForm({ formProps, managedOnly }: { formProps: FormProps; managedOnly: boolean }) {
  const translate = useTranslate();
  const { categories, groups } = useLookups();
  return (
    <Form {...formProps} layout="vertical">
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="name" label={translate("volunteers.name")} rules={[{ required: true, whitespace: true, max: 30 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="gender" label={translate("volunteers.gender")} rules={[{ required: true }]}>
            <Radio.Group options={[{ value: "male", label: translate("gender.male") }, { value: "female", label: translate("gender.female") }]} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="birth_year" label={translate("volunteers.birthYear")} rules={[{ type: "number", min: 1920, max: 2010, message: translate("errors.birthYear") }]}>
            <InputNumber style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="phone" label={translate("volunteers.phone")} tooltip={translate("volunteers.phoneHint")}
            rules={[{ pattern: PHONE_PATTERN, message: translate("errors.phone") }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="home_community_id" label={translate("volunteers.homeCommunity")} rules={[{ required: true }]}>
            <UnitSelect levels={["community"]} managedOnly={managedOnly} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="status" label={translate("volunteers.status")} initialValue="active">
            <Select options={["active", "paused", "withdrawn"].map((s) => ({ value: s, label: translate(`status.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="former_unit" label={translate("volunteers.formerUnit")} rules={[{ max: 60 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="former_post" label={translate("volunteers.formerPost")} rules={[{ max: 40 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="former_level" label={translate("volunteers.formerLevel")}>
            <Select allowClear options={FORMER_LEVELS.map((l) => ({ value: l, label: l }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="talent_category_ids" label={translate("volunteers.categories")} initialValue={[]}>
            <Select mode="multiple" options={categories.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="community_posts" label={translate("volunteers.posts")} initialValue={[]}>
            <Select mode="multiple" options={COMMUNITY_POSTS.map((p) => ({ value: p, label: translate(`posts.${p}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="guidance_group_ids" label={translate("volunteers.groups")} initialValue={[]}>
            <Select mode="multiple" options={groups.map((g) => ({ value: g.id, label: g.name }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="skills" label={translate("volunteers.skills")} tooltip={translate("volunteers.skillsHint")} initialValue={[]}>
            <Select mode="tags" tokenSeparators={[",", "，", "、"]} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="is_party_member" valuePropName="checked" label=" " initialValue={false}>
            <Checkbox>{translate("volunteers.partyMember")}</Checkbox>
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="note" label={translate("volunteers.note")} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

/** The columns a client may write on volunteers (the database grants insert/update on these only;
 *  id, home_street_id, created_by and the timestamps are filled by triggers). */
export const VOLUNTEER_WRITABLE = [
  "name", "gender", "birth_year", "home_community_id", "former_unit", "former_post", "former_level", "is_party_member",
  "talent_category_ids", "skills", "community_posts", "guidance_group_ids", "status", "note",
] as const;

/** The form's values reduced to the writable columns: a read-back field (embedded names, derived
 *  columns) would make the whole write fail with "permission denied". */
export function writableVolunteer(values: Record<string, unknown>): { [column: string]: Json | undefined } {
  return Object.fromEntries(VOLUNTEER_WRITABLE.filter((k) => k in values).map((k) => [k, values[k] as Json]));
}
