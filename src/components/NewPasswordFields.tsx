// A new password typed twice, with Supabase Auth's rules (src/domain/password.ts) said before the
// server is asked: used by the reset, accept-invitation and account pages alike. The rule's hint
// hides while an error shows (one message at a time), and a differing second entry is said at once,
// even while the first is still too short.
import { useTranslate } from "@refinedev/core";
import { Form, Input } from "antd";
import { PASSWORD_MIN_LENGTH, passwordProblem } from "../domain/password";

export function NewPasswordFields() {
  const translate = useTranslate();
  const message = (problem: string) =>
    problem === "tooLong" ? translate("auth.passwordTooLong")
      : problem === "required" ? translate("auth.passwordRequired")
      : problem === "mismatch" ? translate("auth.passwordMismatch")
        : translate("auth.passwordRule", { min: PASSWORD_MIN_LENGTH });
  return (
    <>
      <style>{".new-password-field.ant-form-item-has-error .ant-form-item-extra{display:none}"}</style>
      <Form.Item
        name="password"
        className="new-password-field"
        label={translate("auth.password")}
        extra={translate("auth.passwordRule", { min: PASSWORD_MIN_LENGTH })}
        rules={[{ validator: async (_, v: string | undefined) => { const p = passwordProblem(v); if (p) throw new Error(message(p)); } }]}
      >
        <Input.Password size="large" autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
      <Form.Item
        name="passwordAgain"
        label={translate("auth.passwordAgain")}
        dependencies={["password"]}
        rules={[({ getFieldValue }) => ({
          validator: async (_, v: string | undefined) => {
            const first: string = getFieldValue("password") ?? "";
            if ((v ?? "") !== first && (v || first)) throw new Error(message("mismatch"));
          },
        })]}
      >
        <Input.Password size="large" autoComplete="new-password" data-testid="new-password-again" />
      </Form.Item>
    </>
  );
}
