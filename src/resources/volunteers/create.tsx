import { Create, useForm } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { App } from "antd";
import { errorMessage } from "../../providers/data";
import { supabaseClient } from "../../providers/supabase";
import type { Volunteer } from "../../types/app";
import { savePhone, VolunteerForm, writableVolunteer } from "./form";

export default function VolunteerCreate() {
  const translate = useTranslate();
  const { message } = App.useApp();
  const { formProps, saveButtonProps, onFinish } = useForm<Volunteer>({ resource: "volunteers", redirect: "show" });
  return (
    <Create title={translate("volunteers.title")} saveButtonProps={saveButtonProps}>
      <VolunteerForm
        managedOnly
        formProps={{
          ...formProps,
          onFinish: async (values) => {
            const { phone, ...rest } = values as Volunteer & { phone?: string };
            const r = await onFinish(writableVolunteer(rest));
            const id = (r as { data?: Volunteer } | undefined)?.data?.id;
            if (id && phone) {
              const err = await savePhone(supabaseClient, id, phone);
              if (err) message.error(errorMessage(err));
            }
          },
        }}
      />
    </Create>
  );
}
