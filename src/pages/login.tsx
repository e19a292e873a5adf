// Sign in. Every refusal (wrong password, unconfirmed email, too many attempts, network) is worded by
// the one error mapping through the auth provider; there is no sign-up: staff join by invitation.
import { useLogin, useNotification, useTranslate } from "@refinedev/core";
import { Alert, Button, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { AuthCard } from "../components/AuthCard";
import { LINK_COLOR } from "../theme";
import { IS_LOCAL_STACK } from "../providers/config";

const DEMO = ["org@demo.local", "street@demo.local", "leader@demo.local", "finance@demo.local"];

export function LoginPage() {
  const translate = useTranslate();
  const [form] = Form.useForm<{ email: string; password: string }>();
  const { mutate: login, isPending } = useLogin<{ email: string; password: string }>();
  const [error, setError] = useState<string>();
  const { close } = useNotification();

  const submit = (values: { email: string; password: string }) => {
    setError(undefined);
    // The message stays beside the form, where the person is looking; Refine's passing toast is closed.
    login({ ...values, email: values.email.trim() }, {
      onSuccess: (r) => {
        if (r.success) return;
        close?.("login-error");
        setError(r.error?.message);
      },
    });
  };

  return (
    <AuthCard>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="email"
          label={translate("pages.login.fields.email")}
          rules={[
            { required: true, message: translate("pages.login.errors.requiredEmail") },
            { type: "email", message: translate("pages.login.errors.validEmail") },
          ]}
        >
          <Input size="large" autoComplete="username" inputMode="email" />
        </Form.Item>
        <Form.Item name="password" label={translate("pages.login.fields.password")} rules={[{ required: true, message: translate("pages.login.errors.requiredPassword") }]}>
          <Input.Password size="large" autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" block loading={isPending}>
          {translate("pages.login.signin")}
        </Button>
      </Form>
      <div style={{ textAlign: "center", marginTop: 8 }}>
        <Link to="/forgot-password" style={{ display: "inline-flex", alignItems: "center", minHeight: 44, padding: "0 12px", color: LINK_COLOR }} data-testid="forgot-link">
          {translate("auth.forgotLink")}
        </Link>
      </div>
      <div style={{ textAlign: "center" }}>
        <Link to="/notice" style={{ display: "inline-flex", alignItems: "center", minHeight: 44, padding: "0 12px", color: LINK_COLOR }} data-testid="notice-link">
          {translate("publicNotice.link")}
        </Link>
      </div>
      {IS_LOCAL_STACK && (
        <section style={{ marginTop: 16 }} aria-labelledby="demo-accounts">
          <Typography.Text type="secondary" id="demo-accounts">{translate("pages.login.demo")}</Typography.Text>
          <div style={{ display: "flex", flexDirection: "column", alignItems: "flex-start" }}>
            {DEMO.map((email) => (
              <Button key={email} type="link" style={{ minHeight: 44, paddingInline: 0 }} onClick={() => form.setFieldsValue({ email, password: "demo123456" })}>
                {email}
              </Button>
            ))}
          </div>
        </section>
      )}
    </AuthCard>
  );
}
