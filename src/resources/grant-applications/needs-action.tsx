// "Needs my action" (待我处理) for grants, from funds_action_counts(): one count per step the signed-in person
// takes next (a leader's drafts and vouchers due, a street's screening, finance's checks, payments and voucher
// checks, the organisation department's decisions), each linking to exactly those records (actionLink in
// src/domain/grants.ts). The leader home lists them among its pending items; the dashboard shows them as one card.
import { useTranslate } from "@refinedev/core";
import { Card } from "antd";
import { ActionList, type ActionLink } from "../../components/ActionList";
import { actionLink } from "../../domain/grants";
import { useRpcQuery } from "../../providers/rpc";
import "./grants.css";

/** The grant steps waiting for this person (only those with a count), worded and linked. */
export function useGrantPendingItems(): ActionLink[] | undefined {
  const translate = useTranslate();
  const { data } = useRpcQuery<{ action: string; n: number }>("funds_action_counts", {});
  if (!data) return undefined;
  return data.flatMap((r) => {
    const n = Number(r.n);
    const to = actionLink(r.action);
    return n > 0 && to ? [{ key: r.action, text: translate(`grants.needs.${r.action}`, { n }), to }] : [];
  });
}

/** The dashboard's card: nothing when nothing waits. */
export function GrantActionsCard() {
  const translate = useTranslate();
  const items = useGrantPendingItems();
  if (!items?.length) return null;
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="grant-actions"
      title={<h2 className="card-heading">{translate("grants.needs.title")}</h2>}>
      <ActionList items={items} />
    </Card>
  );
}
