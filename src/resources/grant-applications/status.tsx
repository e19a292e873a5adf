// The status of an application, a tranche or a voucher as a tag: the state is in the text and the icon,
// never in the colour alone.
import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined, EditOutlined, FileSearchOutlined, NotificationOutlined, StopOutlined } from "@ant-design/icons";
import { useTranslate } from "@refinedev/core";
import { Tag } from "antd";
import type { ReactNode } from "react";
import type { ApplicationStatus } from "../../domain/grants";

const LOOK: Record<ApplicationStatus, { color: string; icon: ReactNode }> = {
  draft: { color: "default", icon: <EditOutlined /> },
  submitted: { color: "blue", icon: <ClockCircleOutlined /> },
  screened: { color: "geekblue", icon: <FileSearchOutlined /> },
  checked: { color: "purple", icon: <FileSearchOutlined /> },
  in_notice: { color: "gold", icon: <NotificationOutlined /> },
  approved: { color: "green", icon: <CheckCircleOutlined /> },
  rejected: { color: "red", icon: <CloseCircleOutlined /> },
  withdrawn: { color: "default", icon: <StopOutlined /> },
};

export function StatusTag({ status }: { status: ApplicationStatus }) {
  const translate = useTranslate();
  const look = LOOK[status] ?? LOOK.draft;
  return <Tag color={look.color} icon={look.icon} data-testid="application-status">{translate(`grants.statuses.${status}`)}</Tag>;
}

const OTHER: Record<string, string> = {
  scheduled: "default", requested: "blue", approved: "geekblue", paid: "green", cancelled: "default", returned: "orange",
  pending: "gold", verified: "green", rejected: "red", active: "green", completed: "blue", terminated: "default",
  open: "gold", upheld: "red", dismissed: "default",
};

/** A tranche, voucher, grant, change or objection state: `grants.<group>.<state>`. */
export function StateTag({ group, state }: { group: string; state: string }) {
  const translate = useTranslate();
  return <Tag color={OTHER[state] ?? "default"}>{translate(`grants.${group}.${state}`)}</Tag>;
}
