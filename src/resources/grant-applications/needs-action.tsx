// "Needs my action" (待我处理) for grants, from funds_action_counts(): one count per step the signed-in person
// takes next (a leader's drafts and vouchers due, a street's screening, finance's checks, payments and voucher
// checks, the organisation department's decisions), each linking to where it is done. The leader home lists
// them among its pending items; the dashboard shows them as one card.
import { RightOutlined } from "@ant-design/icons";
import { useTranslate } from "@refinedev/core";
import { Card } from "antd";
import { Link } from "react-router";
import { useRpcQuery } from "../../providers/rpc";
import "./grants.css";

const LINKS: Record<string, string> = {
  my_drafts: "/grant-applications?status=draft&view=all",
  my_vouchers_due: "/grants",
  my_rejected_vouchers: "/grants",
  screen: "/grant-applications?status=submitted&view=all",
  check: "/grant-applications?status=screened&view=all",
  decide: "/grant-applications?status=checked&view=all",
  second_approval: "/grant-applications?status=checked&view=all",
  approve_after_notice: "/grant-applications?status=in_notice&view=all",
  objections_open: "/grant-applications?status=in_notice&view=all",
  tranche_approve: "/grants",
  tranche_pay: "/grants",
  voucher_check: "/grants",
  change_decide: "/grants",
};

export interface GrantPendingItem {
  key: string;
  n: number;
  text: string;
  to: string;
}

/** The grant steps waiting for this person (only those with a count), worded and linked. */
export function useGrantPendingItems(): GrantPendingItem[] | undefined {
  const translate = useTranslate();
  const { data } = useRpcQuery<{ action: string; n: number }>("funds_action_counts", {});
  if (!data) return undefined;
  return data
    .filter((r) => Number(r.n) > 0 && LINKS[r.action])
    .map((r) => ({ key: r.action, n: Number(r.n), text: translate(`grants.needs.${r.action}`, { n: Number(r.n) }), to: LINKS[r.action] }));
}

/** The dashboard's card: nothing when nothing waits. */
export function GrantActionsCard() {
  const translate = useTranslate();
  const items = useGrantPendingItems();
  if (!items?.length) return null;
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="grant-actions"
      title={<h2 className="card-heading">{translate("grants.needs.title")}</h2>}>
      <ul className="grant-actions-list">
        {items.map((i) => (
          <li key={i.key}>
            <Link to={i.to} className="grant-action-row">
              <span>{i.text}</span>
              <RightOutlined aria-hidden />
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
