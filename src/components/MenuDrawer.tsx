// The phone's menu: a drawer from the left, opened by the header's 菜单 button (AppHeader loads this
// module on phones only).
import { HeartFilled } from "@ant-design/icons";
import { useTranslate } from "@refinedev/core";
import { Drawer } from "antd";
import type { ReactNode } from "react";
import { BRAND_RED } from "../theme";

export default function MenuDrawer({ open, onClose, children }: { open: boolean; onClose: () => void; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Drawer
      id="app-menu-drawer"
      className="app-drawer"
      placement="left"
      open={open}
      onClose={onClose}
      width="min(320px, 88vw)"
      title={<span><HeartFilled style={{ color: BRAND_RED }} aria-hidden /> {translate("app.title")}</span>}
      closable={{ "aria-label": translate("frame.closeMenu") }}
      styles={{ body: { padding: 0 } }}
    >
      {children}
    </Drawer>
  );
}
