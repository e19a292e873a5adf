// The "filter / reset" pair at the end of a list's search form.
import { useTranslate } from "@refinedev/core";
import { Button, Space, type FormInstance } from "antd";

export function FilterActions({ form }: { form?: FormInstance }) {
  const translate = useTranslate();
  return (
    <Space>
      <Button type="primary" htmlType="submit">{translate("buttons.filter")}</Button>
      <Button onClick={() => { form?.resetFields(); form?.submit(); }}>{translate("buttons.reset")}</Button>
    </Space>
  );
}
