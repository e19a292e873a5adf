// Redeems a reward for a volunteer through redeem_reward (scope, balance and stock checked under row
// locks in the database). On a phone it is three taps: the person (from the team's members, with their
// balance, when opened for a team), the reward, and the confirmation, which names both and shows the
// balance before and after. A refusal names the person and the reason and keeps what was chosen.
import { MinusOutlined, PlusOutlined } from "@ant-design/icons";
import { useList, useTranslate } from "@refinedev/core";
import { Alert, App, Button, Form, Modal, Space, Typography } from "antd";
import { useMemo, useState } from "react";
import { redemptionProblem } from "../domain/passbook";
import { errorMessage } from "../providers/data";
import { callRpc, useRequestKey } from "../providers/rpc";
import type { Membership, PointsBalance, Reward } from "../types/app";
import { VolunteerPicker } from "./VolunteerPicker";
import "../leader.css";

interface Props {
  open: boolean;
  volunteer?: { id: string; name: string };
  /** Choose the person from this team's active members (the leader's home) instead of a name search. */
  teamId?: number;
  rewardId?: number;
  onClose: () => void;
  onDone: () => void;
}

/** One large row to tap: a choice in a list of people or rewards. */
function ChoiceRow({ on, disabled, onClick, main, side, testId }: {
  on: boolean; disabled?: boolean; onClick: () => void; main: React.ReactNode; side?: React.ReactNode; testId?: string;
}) {
  return (
    <button type="button" className="choice-row" role="radio" aria-checked={on} disabled={disabled} onClick={onClick} data-testid={testId}>
      <span className="choice-row-main">{main}</span>
      {side && <span>{side}</span>}
    </button>
  );
}

export function RedeemModal(props: Props) {
  const requestKey = useRequestKey(props.open);
  // every opening starts from what the page chose (person, reward), with a fresh request key
  return <RedeemDialog key={props.open ? requestKey : "closed"} requestKey={requestKey} {...props} />;
}

function RedeemDialog({ open, volunteer, teamId, rewardId, onClose, onDone, requestKey }: Props & { requestKey: string }) {
  const translate = useTranslate();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [problemText, setProblemText] = useState<string>();
  const [person, setPerson] = useState<{ id: string; name: string } | undefined>(volunteer && { id: volunteer.id, name: volunteer.name });
  const [chosenReward, setChosenReward] = useState<number | undefined>(rewardId);
  const [quantity, setQuantity] = useState(1);

  const { result: members } = useList<Membership>({
    resource: "team_memberships",
    filters: [{ field: "team_id", operator: "eq", value: teamId }, { field: "left_on", operator: "null", value: true }],
    pagination: { mode: "off" }, sorters: [{ field: "id", order: "asc" }], meta: { select: "id, volunteer_id, volunteers(id, name)" },
    queryOptions: { enabled: open && !!teamId && !volunteer },
  });
  const memberIds = (members?.data ?? []).map((m) => m.volunteer_id);
  const { result: rewards } = useList<Reward>({
    resource: "rewards", pagination: { mode: "off" }, filters: [{ field: "active", operator: "eq", value: true }],
    sorters: [{ field: "category", order: "asc" }, { field: "points_cost", order: "asc" }], queryOptions: { enabled: open },
  });
  const balanceIds = person ? [person.id] : memberIds;
  const { result: balances, query: balanceQuery } = useList<PointsBalance>({
    resource: "points_balances", filters: [{ field: "volunteer_id", operator: "in", value: balanceIds }],
    pagination: { mode: "off" }, queryOptions: { enabled: open && balanceIds.length > 0 },
  });
  const balanceOf = useMemo(() => new Map((balances?.data ?? []).map((b) => [b.volunteer_id, Number(b.balance)])), [balances]);
  const reward = useMemo(() => rewards?.data.find((r) => r.id === chosenReward), [rewards, chosenReward]);
  const balance = person ? balanceOf.get(person.id) ?? 0 : 0;
  const cost = (reward?.points_cost ?? 0) * quantity;
  const problem = reward && person && !balanceQuery.isFetching ? redemptionProblem(balance, reward.stock, reward.points_cost, quantity) : undefined;

  const submit = async () => {
    if (!person || !reward) return;
    setSaving(true);
    const { error } = await callRpc("redeem_reward", { p_volunteer_id: person.id, p_reward_id: reward.id, p_quantity: quantity, p_request_key: requestKey });
    setSaving(false);
    if (error) {
      // the person and the reward stay chosen
      setProblemText(translate("leader.redeem.failed", { name: person.name, reason: errorMessage(error) }));
      return;
    }
    message.success(translate("rewards.redeemOk", { points: cost }));
    onDone();
    onClose();
  };

  const pickingPerson = !person && !!teamId;
  return (
    <Modal open={open} destroyOnHidden onCancel={onClose}
      title={person ? translate("leader.redeem.titleFor", { name: person.name }) : translate("leader.redeem.title")}
      footer={[
        <Button key="cancel" size="large" onClick={onClose}>{translate("buttons.cancel")}</Button>,
        <Button key="ok" size="large" type="primary" loading={saving} disabled={!person || !reward || !!problem} onClick={submit} data-testid="redeem-submit">
          {translate("leader.redeem.submit")}
        </Button>,
      ]}>
      <Space direction="vertical" size={16} style={{ width: "100%" }}>
        {pickingPerson && (
          <div>
            <Typography.Title level={5}>{translate("leader.redeem.who")}</Typography.Title>
            <div className="choice-list" role="radiogroup" aria-label={translate("leader.redeem.who")}>
              {(members?.data ?? []).map((m) => {
                const name = m.volunteers?.name ?? m.volunteer_id;
                return (
                  <ChoiceRow key={m.volunteer_id} on={false} onClick={() => setPerson({ id: m.volunteer_id, name })} testId={`redeem-person-${name}`}
                    main={name} side={translate("leader.redeem.points", { n: balanceOf.get(m.volunteer_id) ?? 0 })} />
                );
              })}
            </div>
          </div>
        )}
        {person && (
          <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
            <Typography.Text strong style={{ fontSize: "1.125em" }} data-testid="redeem-person">
              {person.name} · {translate("leader.redeem.points", { n: balance })}
            </Typography.Text>
            {!volunteer && <Button onClick={() => setPerson(undefined)}>{translate("leader.redeem.change")}</Button>}
          </Space>
        )}
        {!person && !teamId && (
          <Form layout="vertical">
            <Form.Item label={translate("rewards.volunteer")} required>
              <VolunteerPicker activeOnly placeholder={translate("rewards.pickVolunteer")}
                onChange={(id, name) => setPerson({ id, name: name ?? "" })} />
            </Form.Item>
          </Form>
        )}
        {!pickingPerson && (
          <div>
            <Typography.Title level={5}>{translate("leader.redeem.what")}</Typography.Title>
            <div className="choice-list" role="radiogroup" aria-label={translate("leader.redeem.what")}>
              {(rewards?.data ?? []).filter((r) => !reward || r.id === reward.id).map((r) => (
                <ChoiceRow key={r.id} on={r.id === chosenReward} disabled={r.stock === 0} onClick={() => { setChosenReward(r.id); setProblemText(undefined); }}
                  testId={`redeem-reward-${r.name}`}
                  main={<>{r.name}<Typography.Text type="secondary" style={{ display: "block", fontSize: "0.875em" }}>
                    {translate(`rewards.categories.${r.category}`)}{r.stock === 0 ? ` · ${translate("rewards.outOfStock")}` : ""}</Typography.Text></>}
                  side={translate("leader.redeem.points", { n: r.points_cost })} />
              ))}
            </div>
            {reward && (
              <Button style={{ marginTop: 8 }} onClick={() => { setChosenReward(undefined); setProblemText(undefined); }}>
                {translate("leader.redeem.changeReward")}
              </Button>
            )}
          </div>
        )}
        {reward && person && (
          <Space align="center">
            <Typography.Text>{translate("rewards.quantity")}</Typography.Text>
            <Button size="large" icon={<MinusOutlined />} aria-label="−1" disabled={quantity <= 1} onClick={() => setQuantity((q) => q - 1)} />
            <Typography.Text strong style={{ fontSize: "1.25em", minWidth: 32, textAlign: "center", display: "inline-block" }}>{quantity}</Typography.Text>
            <Button size="large" icon={<PlusOutlined />} aria-label="+1" disabled={quantity >= 99} onClick={() => setQuantity((q) => q + 1)} />
          </Space>
        )}
        {reward && person && person.name && !problem && (
          <Alert type="info" showIcon data-testid="redeem-summary" message={translate("leader.redeem.confirm", {
            name: person.name, reward: reward.name, qty: quantity, cost, before: balance, after: balance - cost,
          })} />
        )}
        {problem && person && (
          <Alert type="warning" showIcon
            message={translate(problem === "points" ? "errors.pointsInsufficient" : problem === "stock" ? "errors.outOfStock" : "errors.quantity")} />
        )}
        {problemText && <Alert type="error" showIcon message={problemText} data-testid="redeem-error" />}
      </Space>
    </Modal>
  );
}
