// 忘记密码: asks Supabase Auth to email a recovery link to <origin>/reset-password. The answer is the
// same whether or not the address has an account, so nobody can probe who works here.
import { useForgotPassword, useTranslate, type AuthActionResponse } from "@refinedev/core";
import { Alert, Button, Form, Input, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { AuthCard } from "../components/AuthCard";
import { BackToLogin } from "../components/BackToLogin";

export default function ForgotPasswordPage() {
  const translate = useTranslate();
  const [params] = useSearchParams();
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string>();
  const { mutate, isPending } = useForgotPassword<{ email: string }>({
    mutationOptions: {
      onSuccess: (r) => { const res = r as AuthActionResponse; if (res.success) setSent(true); else setError(res.error?.message); },
      onError: (e) => setError(e.message),
    },
  });

  return (
    <AuthCard title={translate("auth.forgotTitle")}>
      {sent ? (
        <Alert type="success" showIcon message={translate("auth.forgotSent")} data-testid="forgot-sent" role="status" />
      ) : (
        <>
          <Typography.Paragraph>{translate("auth.forgotIntro")}</Typography.Paragraph>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
          <Form layout="vertical" requiredMark={false} initialValues={{ email: params.get("email") ?? "" }}
            onFinish={({ email }: { email: string }) => { setError(undefined); mutate({ email }); }}>
            <Form.Item name="email" label={translate("pages.login.fields.email")} rules={[
              { required: true, message: translate("pages.login.errors.requiredEmail") },
              { type: "email", message: translate("pages.login.errors.validEmail") },
            ]}>
              <Input size="large" autoComplete="username" inputMode="email" />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={isPending}>{translate("auth.forgotSend")}</Button>
          </Form>
        </>
      )}
      <BackToLogin />
    </AuthCard>
  );
}
