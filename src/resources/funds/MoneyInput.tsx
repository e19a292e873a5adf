// Typing an amount of money: the text a person types (¥ 1,234.50) read by parseYuan, never a float.
// The field's value stays the typed text; toFen reads it when the form is sent.
import { useTranslate } from "@refinedev/core";
import { Input, type InputProps } from "antd";
import type { Rule } from "antd/es/form";
import { parseYuan, type Fen } from "../../domain/money";

export function MoneyInput(props: InputProps) {
  return <Input prefix="¥" inputMode="decimal" autoComplete="off" {...props} />;
}

/** Form rules for a money field: required, an amount of yuan, more than zero. */
export function useMoneyRules(required = true): Rule[] {
  const translate = useTranslate();
  return [
    { required, whitespace: true, message: translate("finance.amountRequired") },
    {
      validator: async (_: unknown, v: unknown) => {
        if (v === undefined || v === null || String(v).trim() === "") return;
        const fen = parseYuan(String(v));
        if (fen === null) throw new Error(translate("finance.amountInvalid"));
        if (fen <= 0) throw new Error(translate("finance.amountPositive"));
      },
    },
  ];
}

/** The typed text as fen (the rules have checked it). */
export const toFen = (v: unknown): Fen => parseYuan(String(v ?? "")) ?? 0;
