// The sign-in form, without Refine or the router: main.tsx shows it to someone not signed in before
// either is loaded (src/SignedOut.tsx), and the /login route inside the app shows it too (pages/login.tsx).
// Every refusal (wrong password, unconfirmed email, too many attempts, network) is worded by the one error
// mapping in the auth provider; there is no sign-up: staff join by invitation.
import { Alert, Button, Form, Input, theme } from "antd";
import { useState, type ReactNode } from "react";
import { IS_LOCAL_STACK } from "../providers/config";
import { t, useLocale } from "../providers/i18n";
import { AuthCard } from "./AuthCard";

export interface Credentials {
  email: string;
  password: string;
}

const DEMO = ["org@demo.local", "street@demo.local", "leader@demo.local", "finance@demo.local"];

/**
 * `login` signs in and answers the refusal's message, or nothing when signed in (the form then stays
 * busy until the caller has moved on). `forgotLink` and `noticeLink` are the 忘记密码 and 公示 links (router
 * links or plain ones).
 * `onStart` runs when the person first touches the form: time to load what comes after signing in.
 */
export function LoginForm({ login, forgotLink, noticeLink, onStart }: {
  login: (values: Credentials) => Promise<string | undefined>;
  forgotLink: ReactNode;
  noticeLink: ReactNode;
  onStart?: () => void;
}) {
  useLocale();
  const { token } = theme.useToken();
  const [form] = Form.useForm<Credentials>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (values: Credentials) => {
    setError(undefined);
    setBusy(true);
    const refusal = await login({ ...values, email: values.email.trim() }).catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
    if (refusal !== undefined) {
      // The message stays beside the form, where the person is looking.
      setError(refusal);
      setBusy(false);
    }
  };

  return (
    <AuthCard>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} onFocus={onStart}>
        <Form.Item
          name="email"
          label={t("pages.login.fields.email")}
          rules={[
            { required: true, message: t("pages.login.errors.requiredEmail") },
            { type: "email", message: t("pages.login.errors.validEmail") },
          ]}
        >
          <Input size="large" autoComplete="username" inputMode="email" />
        </Form.Item>
        <Form.Item name="password" label={t("pages.login.fields.password")} rules={[{ required: true, message: t("pages.login.errors.requiredPassword") }]}>
          <Input.Password size="large" autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={busy}>
          {t("pages.login.signin")}
        </Button>
      </Form>
      <div style={{ textAlign: "center", marginTop: 8 }}>{forgotLink}</div>
      <div style={{ textAlign: "center" }}>{noticeLink}</div>
      {IS_LOCAL_STACK && (
        <section style={{ marginTop: 16 }} aria-labelledby="demo-accounts">
          <span style={{ color: token.colorTextDescription }} id="demo-accounts">{t("pages.login.demo")}</span>
          <div style={{ display: "flex", flexDirection: "column", alignItems: "flex-start" }}>
            {DEMO.map((email) => (
              <Button key={email} type="link" style={{ minHeight: 44, paddingInline: 0 }} onClick={() => { onStart?.(); form.setFieldsValue({ email, password: "demo123456" }); }}>
                {email}
              </Button>
            ))}
          </div>
        </section>
      )}
    </AuthCard>
  );
}
