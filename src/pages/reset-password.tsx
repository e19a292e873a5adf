// 设置新密码, reached from the recovery email: waits for the recovery session the link brings, then
// takes the new password twice and signs the person in to the home page. An expired or used link
// says so and offers a new email.
import { useTranslate, useUpdatePassword } from "@refinedev/core";
import { Alert, Button, Form, Spin } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { AuthCard } from "../components/AuthCard";
import { BackToLogin } from "../components/BackToLogin";
import { NewPasswordFields } from "../components/NewPasswordFields";
import { PASSWORD_CHANGED_FLAG, useLinkSession, type UpdatePasswordInput } from "../providers/auth";


export default function ResetPasswordPage() {
  const translate = useTranslate();
  const link = useLinkSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const { mutate, isPending } = useUpdatePassword<UpdatePasswordInput>({
    mutationOptions: {
      onSuccess: (r) => {
        if (!r.success) return setError(r.error?.message);
        sessionStorage.setItem(PASSWORD_CHANGED_FLAG, "1"); // the home page says 密码已更改 once on arrival
        window.location.replace("/");
      },
      onError: (e) => setError(e.message),
    },
  });

  return (
    <AuthCard title={translate("auth.resetTitle")}>
      {link.state === "checking" && <div style={{ textAlign: "center", padding: 24 }}><Spin /> {translate("auth.checking")}</div>}
      {(link.state === "expired" || link.state === "missing") && (
        <>
          <Alert type="warning" showIcon data-testid="link-expired" role="alert"
            message={link.state === "expired" ? link.message : translate("auth.noLink")}
            description={link.state === "expired" ? translate("auth.resetExpired") : undefined} style={{ marginBottom: 16 }} />
          <Button type="primary" size="large" block onClick={() => navigate("/forgot-password")}>{translate("auth.resetAgain")}</Button>
        </>
      )}
      {link.state === "ready" && (
        <>
          <Alert type="info" message={link.email} style={{ marginBottom: 16 }} data-testid="reset-email" />
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
          <Form layout="vertical" requiredMark={false} onFinish={({ password }: { password: string }) => { setError(undefined); mutate({ password }); }}>
            <NewPasswordFields />
            <Button type="primary" htmlType="submit" size="large" block loading={isPending}>{translate("auth.resetSave")}</Button>
          </Form>
        </>
      )}
      <BackToLogin />
    </AuthCard>
  );
}
