// A budget line's thermometer (bullet): paid, then committed, then what is left, against the line's
// amount, with a tick at the warning ratio (fund_settings.warn_ratio, 90 %). Colour is never the only
// cue: the figures are printed beside it and the bar carries them as its accessible name.
import { useTranslate } from "@refinedev/core";
import { Typography } from "antd";
import { formatFen, ratio, type Fen } from "../../domain/money";
import "./funds.css";

export function Thermometer({ amount, committed, paid, warnRatio, compact, testId }: {
  amount: Fen;
  committed: Fen;
  paid: Fen;
  warnRatio: number;
  compact?: boolean;
  testId?: string;
}) {
  const translate = useTranslate();
  const used = ratio(committed + paid, amount);
  const warn = used >= warnRatio;
  const pct = (v: number) => `${Math.min(100, Math.max(0, v * 100)).toFixed(1)}%`;
  const label = translate("finance.thermometer", {
    paid: formatFen(paid), committed: formatFen(committed), available: formatFen(amount - committed - paid), amount: formatFen(amount),
    used: (used * 100).toFixed(1),
  });
  return (
    <div className={`thermometer${compact ? " thermometer-compact" : ""}`} data-testid={testId} data-warn={warn || undefined}>
      <div className="thermometer-bar" role="img" aria-label={label}>
        <span className="thermometer-paid" style={{ width: pct(ratio(paid, amount)) }} />
        <span className="thermometer-committed" style={{ width: pct(ratio(committed, amount)) }} />
        <span className="thermometer-tick" style={{ left: pct(warnRatio) }} />
      </div>
      {!compact && (
        <Typography.Text type={warn ? "danger" : "secondary"} className="thermometer-text">
          {translate("finance.usedShort", { used: (used * 100).toFixed(1) })}
          {warn && ` · ${translate("finance.nearlyFull")}`}
        </Typography.Text>
      )}
    </div>
  );
}
