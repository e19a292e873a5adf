// 接受邀请, the invitation email's link target: once the link's session is in, shows the invited
// email and the roles waiting for it (my_scope), takes a display name and a password, saves both and
// enters the app. Opening the link once confirms the address, so a used or expired link leads to
// 设置密码 (the recovery email, which works for such an account) or to signing in; no admin needed.
import { useTranslate, useUpdatePassword } from "@refinedev/core";
import { Alert, Button, Descriptions, Form, Grid, Input, Spin, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { AuthCard } from "../components/AuthCard";
import { BackToLogin } from "../components/BackToLogin";
import { NewPasswordFields } from "../components/NewPasswordFields";
import type { ScopeGrant } from "../domain/scope";
import { useLinkSession, type UpdatePasswordInput } from "../providers/auth";
import { loadScope } from "../providers/scope";

export default function AcceptInvitePage() {
  const translate = useTranslate();
  const link = useLinkSession();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const [grants, setGrants] = useState<ScopeGrant[]>();
  const [error, setError] = useState<string>();
  const { mutate, isPending } = useUpdatePassword<UpdatePasswordInput>({
    mutationOptions: {
      onSuccess: (r) => (r.success ? window.location.replace("/") : setError(r.error?.message)),
      onError: (e) => setError(e.message),
    },
  });

  useEffect(() => {
    if (link.state === "ready") loadScope().then(setGrants, () => setGrants([]));
  }, [link.state]);

  return (
    <AuthCard title={translate("auth.acceptTitle")}>
      {link.state === "checking" && <div style={{ textAlign: "center", padding: 24 }}><Spin /> {translate("auth.checking")}</div>}
      {(link.state === "expired" || link.state === "missing") && (
        <>
          {link.state === "expired" ? (
            <Alert type="warning" showIcon data-testid="link-expired" role="alert" style={{ marginBottom: 16 }}
              message={link.message} description={translate("auth.acceptExpired")} />
          ) : (
            <Alert type="info" showIcon data-testid="link-missing" role="status" style={{ marginBottom: 16 }}
              message={translate("auth.acceptNoLink")} />
          )}
          <Button type={link.state === "expired" ? "primary" : "default"} size="large" block data-testid="accept-set-password"
            onClick={() => navigate("/forgot-password")}>
            {link.state === "expired" ? translate("auth.acceptSetPassword") : translate("auth.forgotLink")}
          </Button>
        </>
      )}
      {link.state === "ready" && (
        <>
          <Typography.Paragraph>{translate("auth.acceptIntro")}</Typography.Paragraph>
          <Descriptions column={1} bordered size="small" layout={screens.sm ? "horizontal" : "vertical"} style={{ marginBottom: 16 }} data-testid="invite-summary"
            items={[
              { key: "email", label: translate("auth.invitedEmail"), children: <span style={{ wordBreak: "break-all" }}>{link.email}</span> },
              {
                key: "roles", label: translate("auth.invitedRoles"),
                children: grants === undefined ? <Spin size="small" />
                  : grants.length === 0 ? translate("auth.noRoleYet")
                    : grants.map((g) => <Tag color="red" key={g.grant_id} style={{ fontSize: 16, padding: "4px 8px", marginBottom: 4, whiteSpace: "normal" }}>{translate(`roles.${g.role}`)} · {g.unit_name}</Tag>),
              },
            ]} />
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
          <Form layout="vertical" requiredMark={false}
            onFinish={({ password, displayName }: { password: string; displayName: string }) => { setError(undefined); mutate({ password, displayName }); }}>
            <Form.Item name="displayName" label={translate("auth.displayName")} extra={translate("auth.displayNameHint")}
              rules={[{ required: true, whitespace: true, message: translate("auth.requiredName") }, { max: 40 }]}>
              <Input size="large" autoComplete="name" maxLength={40} data-testid="display-name" />
            </Form.Item>
            <NewPasswordFields />
            <Button type="primary" htmlType="submit" size="large" block loading={isPending}>{translate("auth.acceptSave")}</Button>
          </Form>
        </>
      )}
      <BackToLogin />
    </AuthCard>
  );
}
