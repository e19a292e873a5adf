// Redeems a reward for a volunteer through redeem_reward (scope, balance and stock checked under row
// locks in the database). Shows the balance before and after; the database has the last word.
import { useList, useTranslate } from "@refinedev/core";
import { Alert, Descriptions, Form, InputNumber, Modal, Select } from "antd";
import { useEffect, useMemo, useState } from "react";
import { redemptionProblem } from "../domain/passbook";
import { VolunteerPicker } from "./VolunteerPicker";
import { useRequestKey, useRpcAction } from "../providers/rpc";
import type { PointsBalance, Reward } from "../types/app";

interface Props {
  open: boolean;
  volunteer?: { id: string; name: string };
  rewardId?: number;
  onClose: () => void;
  onDone: () => void;
}

interface Values {
  volunteer_id: string;
  reward_id: number;
  quantity: number;
}

export function RedeemModal({ open, volunteer, rewardId, onClose, onDone }: Props) {
  const translate = useTranslate();
  const run = useRpcAction();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const requestKey = useRequestKey(open);
  const volunteerId = Form.useWatch("volunteer_id", form);
  const chosenReward = Form.useWatch("reward_id", form);
  const quantity = Form.useWatch("quantity", form) ?? 1;

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({ volunteer_id: volunteer?.id, reward_id: rewardId, quantity: 1 });
  }, [open, volunteer, rewardId, form]);

  const { result: rewards } = useList<Reward>({
    resource: "rewards", pagination: { mode: "off" }, filters: [{ field: "active", operator: "eq", value: true }],
    sorters: [{ field: "category", order: "asc" }, { field: "points_cost", order: "asc" }], queryOptions: { enabled: open },
  });
  const { result: balances, query: balanceQuery } = useList<PointsBalance>({
    resource: "points_balances", filters: [{ field: "volunteer_id", operator: "eq", value: volunteerId }],
    pagination: { mode: "off" }, queryOptions: { enabled: open && !!volunteerId },
  });
  const reward = useMemo(() => rewards?.data.find((r) => r.id === chosenReward), [rewards, chosenReward]);
  const balance = Number(balances?.data[0]?.balance ?? 0);
  const cost = (reward?.points_cost ?? 0) * quantity;
  const problem = reward && volunteerId && !balanceQuery.isFetching ? redemptionProblem(balance, reward.stock, reward.points_cost, quantity) : undefined;

  const submit = async (v: Values) => {
    setSaving(true);
    const r = await run("redeem_reward", { p_volunteer_id: v.volunteer_id, p_reward_id: v.reward_id, p_quantity: v.quantity, p_request_key: requestKey },
      () => translate("rewards.redeemOk", { points: cost }));
    setSaving(false);
    if (!r.ok) return;
    onDone();
    onClose();
  };

  return (
    <Modal open={open} title={translate("rewards.redeem")} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden
      okButtonProps={{ loading: saving, disabled: !!problem, ...{ "data-testid": "redeem-submit" } }}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="volunteer_id" label={translate("rewards.volunteer")} rules={[{ required: true }]}>
          <VolunteerPicker activeOnly fixed={volunteer} placeholder={translate("rewards.pickVolunteer")} />
        </Form.Item>
        <Form.Item name="reward_id" label={translate("rewards.name")} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={(rewards?.data ?? []).map((r) => ({
            value: r.id, disabled: r.stock === 0,
            label: `${translate(`rewards.categories.${r.category}`)} · ${r.name} · ${r.points_cost} ${translate("dashboard.pointsUnit")}${r.stock === 0 ? ` (${translate("rewards.outOfStock")})` : ""}`,
          }))} />
        </Form.Item>
        <Form.Item name="quantity" label={translate("rewards.quantity")} rules={[{ required: true }]}>
          <InputNumber min={1} max={99} precision={0} />
        </Form.Item>
      </Form>
      {volunteerId && reward && (
        <Descriptions size="small" column={3} bordered layout="vertical">
          <Descriptions.Item label={translate("rewards.balance")}>{balance}</Descriptions.Item>
          <Descriptions.Item label={translate("rewards.cost")}>{cost}</Descriptions.Item>
          <Descriptions.Item label={translate("rewards.afterRedeem")}>{balance - cost}</Descriptions.Item>
        </Descriptions>
      )}
      {problem && (
        <Alert style={{ marginTop: 12 }} type="warning" showIcon
          message={translate(problem === "points" ? "errors.pointsInsufficient" : problem === "stock" ? "errors.outOfStock" : "errors.quantity")} />
      )}
    </Modal>
  );
}
