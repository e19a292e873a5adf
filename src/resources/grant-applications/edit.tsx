// A draft application changed by its applicant (the form of form.tsx, filled from the saved draft).
import { useList, useOne, useTranslate } from "@refinedev/core";
import { App, Empty, Skeleton } from "antd";
import dayjs from "dayjs";
import { useNavigate, useParams } from "react-router";
import { Edit } from "../../components/Page";
import { ApplicationForm } from "./form";
import type { Application, BudgetItemRow } from "./queries";
import { useSaveApplication } from "./save";

export default function ApplicationEdit() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { id } = useParams();
  const appId = Number(id);
  const save = useSaveApplication();
  const { result: a, query } = useOne<Application>({ resource: "grant_applications", id: appId });
  const items = useList<BudgetItemRow>({
    resource: "application_budget_items", filters: [{ field: "application_id", operator: "eq", value: appId }],
    pagination: { mode: "off" }, sorters: [{ field: "sort_order", order: "asc" }, { field: "id", order: "asc" }],
  });
  const rows = items.result?.data ?? [];
  const loading = query.isLoading || items.query.isLoading;
  return (
    <Edit title={a ? translate("grants.form.editTitle", { title: a.title }) : translate("grants.form.editTitle", { title: "" })}
      footerButtons={() => null} saveButtonProps={{ hidden: true }} canDelete={false}>
      {loading ? <Skeleton active /> : !a || a.status !== "draft" ? <Empty description={translate("grants.form.notDraft")} /> : (
        <ApplicationForm
          initialValues={{
            ...a, amount_requested_fen: Number(a.amount_requested_fen),
            period_start: a.period_start ? dayjs(a.period_start) : null, period_end: a.period_end ? dayjs(a.period_end) : null,
            target_hours: a.target_hours == null ? null : Number(a.target_hours),
            items: rows.length ? rows.map((r) => ({ item: r.item, amount_fen: Number(r.amount_fen) })) : [{ item: "", amount_fen: null as unknown as number }],
          }}
          onSave={async (values, submit) => {
            const saved = await save(values, submit, { id: a.id, itemIds: rows.map((r) => r.id) });
            if (saved === undefined) return false;
            if (saved > 0) message.success(translate(submit ? "grants.done.submitted" : "grants.done.draftSaved"));
            navigate(`/grant-applications/${a.id}`);
            return true;
          }} />
      )}
    </Edit>
  );
}
