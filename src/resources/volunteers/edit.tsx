import { Edit, useForm } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { App } from "antd";
import { useEffect } from "react";
import { manages } from "../../domain/scope";
import { errorMessage } from "../../providers/data";
import { useScope } from "../../providers/scope";
import { supabaseClient } from "../../providers/supabase";
import type { Volunteer } from "../../types/app";
import { VOLUNTEER_SELECT } from "./list";
import { savePhone, VolunteerForm, writableVolunteer } from "./form";

export default function VolunteerEdit() {
  const translate = useTranslate();
  const { message } = App.useApp();
  const { scope } = useScope();
  const { formProps, saveButtonProps, onFinish, query, form } = useForm<Volunteer>({
    resource: "volunteers", redirect: "show", meta: { select: VOLUNTEER_SELECT },
  });
  const record = query?.data?.data;
  useEffect(() => {
    if (record) form.setFieldValue("phone", record.volunteer_contacts?.phone ?? "");
  }, [record, form]);
  return (
    <Edit title={record ? translate("lists.editVolunteer", { name: record.name }) : translate("volunteers.title")} saveButtonProps={saveButtonProps} canDelete={!!record && manages(scope, { id: record.home_community_id, street_id: record.home_street_id })}>
      <VolunteerForm
        managedOnly={false}
        formProps={{
          ...formProps,
          onFinish: async (values) => {
            const { phone, ...rest } = values as Volunteer & { phone?: string };
            await onFinish(writableVolunteer(rest));
            if ((record?.volunteer_contacts?.phone ?? "") !== (phone ?? "").trim()) {
              const err = await savePhone(supabaseClient, record!.id, phone);
              if (err) message.error(errorMessage(err));
            }
          },
        }}
      />
    </Edit>
  );
}
