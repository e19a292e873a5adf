// Page frames: Refine's List / Show / Edit / Create with the page's title as its one <h1>, and PageTitle
// for pages built without them. Refine renders a header title as an h4 (or as whatever node it is given), so
// pages had no h1 at all; screen readers jump to "heading level 1" to find where a page starts, and axe
// expects one. Drop-in: import { List } from "../../components/Page" instead of "@refinedev/antd".
import { Create as RefineCreate, Edit as RefineEdit, List as RefineList, Show as RefineShow } from "@refinedev/antd";
import { useResourceParams } from "@refinedev/core";
import { theme, Typography } from "antd";
import type { ComponentProps, CSSProperties, ReactNode } from "react";

/** The page's heading, an h1 the size of the h4 Refine used (so nothing moves on screen). */
export function PageTitle({ children, style }: { children: ReactNode; style?: CSSProperties }) {
  const { token } = theme.useToken();
  return (
    <Typography.Title level={1} className="page-title"
      style={{ margin: 0, fontSize: token.fontSizeHeading4, lineHeight: token.lineHeightHeading4, ...style }}>
      {children}
    </Typography.Title>
  );
}

/** Refine's default title for a page without one: the resource's label (already in the UI's language). */
function useTitle(title: ReactNode | undefined): ReactNode {
  const { resource, identifier } = useResourceParams();
  const label = (resource?.meta?.label as string | undefined) ?? identifier;
  return <PageTitle>{title ?? label}</PageTitle>;
}

export function List(props: ComponentProps<typeof RefineList>) {
  return <RefineList {...props} title={useTitle(props.title)} />;
}

export function Show(props: ComponentProps<typeof RefineShow>) {
  return <RefineShow {...props} title={useTitle(props.title)} />;
}

export function Edit(props: ComponentProps<typeof RefineEdit>) {
  return <RefineEdit {...props} title={useTitle(props.title)} />;
}

export function Create(props: ComponentProps<typeof RefineCreate>) {
  return <RefineCreate {...props} title={useTitle(props.title)} />;
}
