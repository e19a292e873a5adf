// A list's 待我处理 / 全部 tabs (?view=mine|all) and, on 待我处理, the filter by the step that waits (?action=…),
// each step with its count — the grants and the applications lists alike; and the orange tags that say what waits
// on one row. The rows and counts come from funds_action_items(), so a count and its list cannot disagree.
import { Button, Select, Space, Tabs, Tag, Typography } from "antd";
import { useSearchParams } from "react-router";
import { useIsPhone } from "./useIsPhone";

interface Props<A extends string> {
  /** "grant" | "application": data-testid `${testId}-tabs` and `${testId}-action-filter` */
  testId: string;
  /** whether this person has a 待我处理 at all (otherwise only the whole list shows) */
  tabs: boolean;
  view: "mine" | "all";
  labels: { mine: string; all: string; any: string; waiting: string };
  steps: readonly A[];
  /** per step, how many (undefined while loading: no "（0）" then) */
  counts: ReadonlyMap<A, number> | undefined;
  step: A | undefined;
  stepLabel: (step: A, n: number | undefined) => string;
}

export function NeedsMeBar<A extends string>({ testId, tabs, view, labels, steps, counts, step, stepLabel }: Props<A>) {
  const phone = useIsPhone();
  const [, setParams] = useSearchParams();
  return (
    <>
      {tabs && (
        <Tabs activeKey={view} onChange={(k) => setParams((p) => { p.set("view", k); p.delete("action"); return p; }, { replace: true })}
          data-testid={`${testId}-tabs`} items={[{ key: "mine", label: labels.mine }, { key: "all", label: labels.all }]} />
      )}
      {view === "mine" && (
        <Space direction={phone ? "vertical" : "horizontal"} style={{ width: phone ? "100%" : undefined, marginBottom: 12 }}>
          <Select allowClear value={step} data-testid={`${testId}-action-filter`}
            onChange={(v?: string) => setParams((p) => { if (v) p.set("action", v); else p.delete("action"); return p; }, { replace: true })}
            placeholder={labels.any} aria-label={labels.waiting} style={{ width: phone ? "100%" : 260 }}
            options={steps.filter((a) => !counts || counts.get(a) || a === step).map((a) => ({ value: a, label: stepLabel(a, counts?.get(a) ?? (counts ? 0 : undefined)) }))} />
        </Space>
      )}
    </>
  );
}

/** What waits on one row, as orange tags (nothing when nothing waits). */
export function WaitTags({ texts, testId }: { texts: readonly { key: string; text: string }[] | undefined; testId: string }) {
  return texts?.length ? (
    <Space size={4} wrap data-testid={testId}>
      {texts.map((w) => <Tag key={w.key} color="orange" style={{ whiteSpace: "normal" }}>{w.text}</Tag>)}
    </Space>
  ) : null;
}

/** The empty 待我处理: said plainly (readable, not the faint placeholder grey) with the way on to the whole list. */
export function NothingForMe({ text, allLabel }: { text: string; allLabel: string }) {
  const [, setParams] = useSearchParams();
  return (
    <Space direction="vertical" align="center" style={{ padding: "16px 0" }} data-testid="nothing-for-me">
      <Typography.Text>{text}</Typography.Text>
      <Button onClick={() => setParams((p) => { p.set("view", "all"); p.delete("action"); return p; }, { replace: true })}>{allLabel}</Button>
    </Space>
  );
}
