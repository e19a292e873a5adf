import { useGetIdentity, useOne, useTranslate, useUpdate, useUpdatePassword } from "@refinedev/core";
import { App, Button, Card, Descriptions, Form, Input, Segmented, Space, Switch, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { NewPasswordFields } from "../components/NewPasswordFields";
import { PageTitle } from "../components/PageTitle";
import { useIsPhone } from "../components/useIsPhone";
import type { Locale } from "../locales";
import { errorMessage } from "../providers/data";
import { saveDisplayNameMetadata, type UpdatePasswordInput } from "../providers/auth";
import { getLocale, setLocale } from "../providers/i18n";
import { useLargeText } from "../providers/preferences";
import { useScope } from "../providers/scope";

export default function AccountPage() {
  const translate = useTranslate();
  const { message } = App.useApp();
  const { data: user } = useGetIdentity<{ id: string; email: string; name: string }>();
  const { scope } = useScope();
  const [nameForm] = Form.useForm<{ display_name: string }>();
  const [pwForm] = Form.useForm<{ password: string; passwordAgain: string }>();
  const [saving, setSaving] = useState(false);
  const { largeText, setLargeText } = useLargeText();
  const phone = useIsPhone();

  const profileMeta = { idColumnName: "user_id", select: "display_name" };
  const { result: profile } = useOne<{ display_name: string | null }>({
    resource: "staff_profiles", id: user?.id, meta: profileMeta, queryOptions: { enabled: !!user?.id },
  });
  useEffect(() => {
    if (profile) nameForm.setFieldsValue({ display_name: profile.display_name ?? "" });
  }, [profile, nameForm]);
  const { mutateAsync: updateProfile } = useUpdate();

  const saveName = async ({ display_name }: { display_name: string }) => {
    setSaving(true);
    const error = await updateProfile({ resource: "staff_profiles", id: user!.id, values: { display_name }, meta: profileMeta,
      successNotification: false, errorNotification: false }).then(() => saveDisplayNameMetadata(display_name), (e: unknown) => e);
    setSaving(false);
    if (error) message.error(errorMessage(error));
    else message.success(translate("account.saved"));
  };

  const { mutate: updatePassword, isPending: savingPassword } = useUpdatePassword<UpdatePasswordInput>({
    mutationOptions: {
      onSuccess: (r) => {
        if (!r.success) message.error(r.error?.message);
        else {
          message.success(translate("account.saved"));
          pwForm.resetFields();
        }
      },
      onError: (e) => message.error(e.message),
    },
  });

  return (
    <Space direction="vertical" style={{ width: "100%" }} size="large">
      <PageTitle>{translate("account.title")}</PageTitle>
      <Card>
        <Descriptions column={1} bordered size="small" layout={phone ? "vertical" : "horizontal"}>
          <Descriptions.Item label={translate("account.email")}>{user?.email}</Descriptions.Item>
          <Descriptions.Item label={translate("account.grants")}>
            {scope.map((g) => (
              <Tag color="red" key={g.grant_id} style={{ whiteSpace: "normal", marginBlock: 2 }}>{translate(`roles.${g.role}`)} · {g.unit_name}</Tag>
            ))}
          </Descriptions.Item>
          <Descriptions.Item label={translate("account.language")}>
            <Segmented<Locale> value={getLocale()} options={[{ label: "中文", value: "zh-CN" }, { label: "English", value: "en" }]} onChange={setLocale} />
          </Descriptions.Item>
          <Descriptions.Item label={<label htmlFor="large-text-switch">{translate("frame.largeTextSetting")}</label>}>
            <Space direction="vertical" size={4}>
              <Switch id="large-text-switch" data-testid="account-large-text" checked={largeText} onChange={setLargeText} />
              <Typography.Text type="secondary">{translate("frame.largeTextExplain")}</Typography.Text>
            </Space>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={translate("account.displayName")}>
        <Form form={nameForm} layout="inline" onFinish={saveName}>
          <Form.Item name="display_name" rules={[{ max: 40 }]}>
            <Input style={{ width: 280, maxWidth: "100%" }} aria-label={translate("account.displayName")} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>{translate("buttons.save")}</Button>
        </Form>
      </Card>
      <Card title={translate("account.changePassword")}>
        <Form form={pwForm} layout="vertical" requiredMark={false} style={{ maxWidth: 400 }}
          onFinish={({ password }: { password: string }) => updatePassword({ password })}>
          <NewPasswordFields />
          <Button htmlType="submit" loading={savingPassword} data-testid="save-password">{translate("buttons.save")}</Button>
        </Form>
      </Card>
    </Space>
  );
}
