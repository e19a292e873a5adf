// 申报: a team's leader starts an application (the short form in form.tsx), saves it as a draft or submits it.
import { useTranslate } from "@refinedev/core";
import { App } from "antd";
import { useNavigate } from "react-router";
import { Create } from "../../components/Page";
import { ApplicationForm } from "./form";
import { useSaveApplication } from "./save";

export default function ApplicationCreate() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const save = useSaveApplication();
  return (
    <Create title={translate("grants.form.createTitle")} footerButtons={() => null} saveButtonProps={{ hidden: true }}>
      <ApplicationForm onSave={async (values, submit) => {
        const id = await save(values, submit);
        if (id === undefined) return false;
        if (id > 0) message.success(translate(submit ? "grants.done.submitted" : "grants.done.draftSaved"));
        navigate(`/grant-applications/${Math.abs(id)}`);
        return true;
      }} />
    </Create>
  );
}
