// An amount of money typed in yuan, kept in the form as integer fen (src/domain/money.ts parses it, never
// through floating point). A phone shows its decimal keypad; an unreadable amount keeps the text and the
// form's rule says so.
import { Input, type InputProps } from "antd";
import { useState } from "react";
import { formatFen, parseYuan, type Fen } from "../domain/money";

interface Props extends Omit<InputProps, "value" | "onChange"> {
  value?: Fen | null;
  onChange?: (fen: Fen | null) => void;
}

const shown = (fen: Fen | null | undefined) => (fen == null || !Number.isFinite(fen) ? "" : formatFen(fen, { symbol: false }));

export function YuanInput({ value, onChange, ...rest }: Props) {
  const [state, setState] = useState(() => ({ value, text: shown(value) }));
  // a value set from outside (reset, a saved draft) replaces the text, unless the text already says it
  // (Object.is: NaN, what unreadable text reports, equals itself)
  let text = state.text;
  if (!Object.is(value, state.value)) {
    const says = value == null ? text.trim() === "" : !Number.isFinite(value) || parseYuan(text) === value;
    text = says ? text : shown(value);
    setState({ value, text });
  }
  return (
    <Input inputMode="decimal" prefix="¥" autoComplete="off" {...rest} value={text}
      onChange={(e) => {
        const typed = e.target.value;
        const fen = typed.trim() === "" ? null : parseYuan(typed) ?? Number.NaN;
        setState({ value: fen, text: typed });
        onChange?.(fen);
      }} />
  );
}

/** A form rule: a positive amount of money (NaN is what YuanInput reports for unreadable text). */
export function yuanRule(messages: { required: string; invalid: string }) {
  return {
    validator: async (_: unknown, v: Fen | null | undefined) => {
      if (v == null) throw new Error(messages.required);
      if (!Number.isFinite(v) || v <= 0) throw new Error(messages.invalid);
    },
  };
}
