// The money pages' gate: someone who may not see money (a team leader, a street or community admin) who
// opens a finance address gets a plain "not for you" page, not empty charts. The database refuses them
// anyway (RLS); this only says so. Which roles may: domain/access.ts (finance, the organisation department).
import { useCan, useTranslate } from "@refinedev/core";
import { Button, Result } from "antd";
import { Outlet, useNavigate } from "react-router";
import { PageLoading } from "../../components/PageLoading";
import { PageTitle } from "../../components/PageTitle";

export default function MoneyGate() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { data, isLoading } = useCan({ resource: "finance", action: "list" });
  if (isLoading) return <PageLoading />;
  if (data?.can) return <Outlet />;
  return (
    <div data-testid="money-refused">
      <Result status="403" title={<PageTitle style={{ textAlign: "center" }}>{translate("finance.refusedTitle")}</PageTitle>}
        subTitle={translate("finance.refused")} extra={<Button type="primary" onClick={() => navigate("/")}>{translate("finance.backHome")}</Button>} />
    </div>
  );
}
