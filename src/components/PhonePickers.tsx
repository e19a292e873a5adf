import { ConfigProvider } from "antd";
import type { ReactNode } from "react";
import { useIsPhone } from "./useIsPhone";

/** Date pickers sized for a phone: the touch theme's 44 px small controls make antd's panels 7 × 66 px
 *  wide (486 px, off a 390 px screen); 44 px cells keep a panel at 340 px. */
export function PhonePickers({ children }: { children: ReactNode }) {
  const phone = useIsPhone();
  if (!phone) return <>{children}</>;
  return <ConfigProvider theme={{ components: { DatePicker: { cellWidth: 44, cellHeight: 36, withoutTimeCellHeight: 52 } } }}>{children}</ConfigProvider>;
}
