// The money pages' gate: someone who may not see money (a team leader, a street or community admin) who
// opens a finance address gets a plain "not for you" page, not empty charts. The database refuses them
// anyway (RLS); this only says so. Which roles may: domain/access.ts (finance, the organisation department).
import { useCan, useTranslate } from "@refinedev/core";
import { Result } from "antd";
import { Link, Outlet } from "react-router";
import { PageLoading } from "../../components/PageLoading";
import { PageTitle } from "../../components/PageTitle";

export default function MoneyGate() {
  const translate = useTranslate();
  const { data, isLoading } = useCan({ resource: "finance", action: "list" });
  if (isLoading) return <PageLoading />;
  if (data?.can) return <Outlet />;
  return (
    <Result status="403" data-testid="money-refused" title={<PageTitle style={{ textAlign: "center" }}>{translate("finance.refusedTitle")}</PageTitle>}
      subTitle={translate("finance.refused")} extra={<Link to="/">{translate("finance.backHome")}</Link>} />
  );
}
