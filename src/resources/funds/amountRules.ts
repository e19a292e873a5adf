// The finance forms' money fields: YuanInput (src/components, value in fen) with its rule, worded for finance;
// a partner's pledge may be left empty.
import { useTranslate } from "@refinedev/core";
import type { Rule } from "antd/es/form";
import { yuanRule } from "../../components/YuanInput";
import type { Fen } from "../../domain/money";

export function useAmountRules(required = true): Rule[] {
  const translate = useTranslate();
  const rule = yuanRule({ required: translate("finance.amountRequired"), invalid: translate("finance.amountInvalid") });
  return [required ? rule : { validator: async (_: unknown, v: Fen | null | undefined) => (v == null ? undefined : rule.validator(_, v)) }];
}
