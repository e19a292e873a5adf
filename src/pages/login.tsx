import { HeartFilled } from "@ant-design/icons";
import { useLogin, useTranslate } from "@refinedev/core";
import { Alert, Button, Card, Form, Input, List, Segmented, Typography } from "antd";
import { useState } from "react";
import type { Locale } from "../locales";
import { getLocale, setLocale } from "../providers/i18n";
import { IS_LOCAL_STACK } from "../providers/supabase";

const DEMO = ["org@demo.local", "street@demo.local", "leader@demo.local", "finance@demo.local"];

export function LoginPage() {
  const translate = useTranslate();
  const [form] = Form.useForm<{ email: string; password: string }>();
  const { mutate: login, isPending } = useLogin<{ email: string; password: string }>();
  const [error, setError] = useState<string>();

  const submit = (values: { email: string; password: string }) => {
    setError(undefined);
    login(values, { onSuccess: (r) => !r.success && setError(r.error?.message) });
  };

  return (
    <div style={{ minHeight: "100vh", display: "flex", alignItems: "center", justifyContent: "center", background: "linear-gradient(135deg,#fdf2f0,#f5f5f5)" }}>
      <Card style={{ width: 420 }}>
        <div style={{ display: "flex", justifyContent: "flex-end" }}>
          <Segmented<Locale> size="small" value={getLocale()} options={[{ label: "中文", value: "zh-CN" }, { label: "EN", value: "en" }]} onChange={setLocale} />
        </div>
        <Typography.Title level={3} style={{ textAlign: "center", marginTop: 8 }}>
          <HeartFilled style={{ color: "#c0392b" }} /> {translate("app.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: "center" }}>
          {translate("app.subtitle")}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="email"
            label={translate("pages.login.fields.email")}
            rules={[
              { required: true, message: translate("pages.login.errors.requiredEmail") },
              { type: "email", message: translate("pages.login.errors.validEmail") },
            ]}
          >
            <Input size="large" autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={translate("pages.login.fields.password")} rules={[{ required: true, message: translate("pages.login.errors.requiredPassword") }]}>
            <Input.Password size="large" autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={isPending}>
            {translate("pages.login.signin")}
          </Button>
        </Form>
        {IS_LOCAL_STACK && (
          <List
            style={{ marginTop: 24 }}
            size="small"
            header={<Typography.Text type="secondary">{translate("pages.login.demo")}</Typography.Text>}
            dataSource={DEMO}
            renderItem={(email) => (
              <List.Item>
                <Button type="link" size="small" onClick={() => form.setFieldsValue({ email, password: "demo123456" })}>
                  {email}
                </Button>
              </List.Item>
            )}
          />
        )}
      </Card>
    </div>
  );
}
