import { useForm } from "@refinedev/antd";
import { useNavigation, useTranslate, useWarnAboutChange } from "@refinedev/core";
import { useState } from "react";
import { useRequestKey, useRpcAction } from "../../providers/rpc";
import type { Volunteer } from "../../types/app";
import { VolunteerForm, writableVolunteer } from "./form";
import { Create } from "../../components/Page";

export default function VolunteerCreate() {
  const translate = useTranslate();
  const { formProps, saveButtonProps } = useForm<Volunteer>({ resource: "volunteers", redirect: "show" });
  // the person and the phone in one RPC (save_volunteer): nothing is saved half
  const run = useRpcAction();
  const requestKey = useRequestKey(true);
  const { show } = useNavigation();
  const { setWarnWhen } = useWarnAboutChange();
  const [saving, setSaving] = useState(false);
  return (
    <Create title={translate("volunteers.title")} saveButtonProps={{ ...saveButtonProps, loading: saving }}>
      <VolunteerForm
        managedOnly
        formProps={{
          ...formProps,
          onFinish: async (values) => {
            const { phone, ...rest } = values as Volunteer & { phone?: string };
            setSaving(true);
            setWarnWhen(false); // as Refine's own submit does: the page may be left once it is saved
            const r = await run("save_volunteer", { p_volunteer: writableVolunteer(rest), p_phone: phone?.trim() || null, p_request_key: requestKey },
              () => translate("notifications.success"), ["volunteers"]);
            setSaving(false);
            if (r.ok) show("volunteers", r.data);
          },
        }}
      />
    </Create>
  );
}
