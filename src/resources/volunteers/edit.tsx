import { useForm } from "@refinedev/antd";
import { useNavigation, useTranslate, useWarnAboutChange } from "@refinedev/core";
import { useEffect, useState } from "react";
import { manages } from "../../domain/scope";
import { useScope } from "../../providers/scope";
import { useRpcAction } from "../../providers/rpc";
import type { Volunteer } from "../../types/app";
import { VOLUNTEER_SELECT } from "./list";
import { VolunteerForm, writableVolunteer } from "./form";
import { Edit } from "../../components/Page";

export default function VolunteerEdit() {
  const translate = useTranslate();
  const { scope } = useScope();
  const { formProps, saveButtonProps, query, form } = useForm<Volunteer>({
    resource: "volunteers", redirect: "show", meta: { select: VOLUNTEER_SELECT },
  });
  const record = query?.data?.data;
  // the person and the phone in one RPC (save_volunteer): nothing is saved half
  const run = useRpcAction();
  const { show } = useNavigation();
  const { setWarnWhen } = useWarnAboutChange();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (record) form.setFieldValue("phone", record.volunteer_contacts?.phone ?? "");
  }, [record, form]);
  return (
    <Edit title={record ? translate("lists.editVolunteer", { name: record.name }) : translate("volunteers.title")} saveButtonProps={{ ...saveButtonProps, loading: saving }} canDelete={!!record && manages(scope, { id: record.home_community_id, street_id: record.home_street_id })}>
      <VolunteerForm
        managedOnly={false}
        formProps={{
          ...formProps,
          onFinish: async (values) => {
            const { phone, ...rest } = values as Volunteer & { phone?: string };
            setSaving(true);
            setWarnWhen(false); // as Refine's own submit does: the page may be left once it is saved
            const r = await run("save_volunteer", { p_id: record!.id, p_volunteer: writableVolunteer(rest), p_phone: phone?.trim() || null },
              () => translate("notifications.success"), ["volunteers"]);
            setSaving(false);
            if (r.ok) show("volunteers", r.data);
          },
        }}
      />
    </Edit>
  );
}
