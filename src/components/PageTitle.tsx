// The page's one <h1>, in a module of its own: pages built without Refine's List/Show (dashboard, org tree,
// leader home) import it from here and so do not load @refinedev/antd's page frames.
import { theme } from "antd";
import type { CSSProperties, ReactNode } from "react";

/** The page's heading, an h1 the size of the h4 Refine used (so nothing moves on screen), in antd's heading
 *  colour and weight (a plain h1: antd's Typography would bring its editing and copying code along). */
export function PageTitle({ children, style }: { children: ReactNode; style?: CSSProperties }) {
  const { token } = theme.useToken();
  return (
    <h1 className="page-title"
      style={{ margin: 0, fontSize: token.fontSizeHeading4, lineHeight: token.lineHeightHeading4, fontWeight: token.fontWeightStrong,
        color: token.colorTextHeading, overflowWrap: "break-word", ...style }}>
      {children}
    </h1>
  );
}
