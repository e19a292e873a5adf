// Page frames: Refine's List / Show / Edit / Create with the page's title as its one <h1>, and PageTitle
// for pages built without them. Refine renders a header title as an h4 (or as whatever node it is given), so
// pages had no h1 at all; screen readers jump to "heading level 1" to find where a page starts, and axe
// expects one. Drop-in: import { List } from "../../components/Page" instead of "@refinedev/antd".
import { ArrowLeftOutlined } from "@ant-design/icons";
import { Create as RefineCreate, Edit as RefineEdit, List as RefineList, Show as RefineShow } from "@refinedev/antd";
import { useBack, useResourceParams, useTranslate } from "@refinedev/core";
import { Button, theme, Typography } from "antd";
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

/** The title with a back button before it. Refine's own back button is a button inside the page header's
 *  role="button" div named "back" in English (axe: nested-interactive); this one is a single button named in
 *  the UI's language, and the header's is turned off. A page's own `goBack` is kept. */
function useTitleWithBack(title: ReactNode | undefined, goBack: ReactNode | undefined) {
  const translate = useTranslate();
  const back = useBack();
  const heading = useTitle(title);
  if (goBack !== undefined) return { title: heading, goBack };
  return {
    title: (
      <span style={{ display: "inline-flex", alignItems: "center", gap: 8, minWidth: 0 }}>
        <Button type="text" icon={<ArrowLeftOutlined />} aria-label={translate("buttons.back")} onClick={() => back()} />
        {heading}
      </span>
    ),
    goBack: false,
  };
}

export function Show(props: ComponentProps<typeof RefineShow>) {
  return <RefineShow {...props} {...useTitleWithBack(props.title, props.goBack)} />;
}

export function Edit(props: ComponentProps<typeof RefineEdit>) {
  return <RefineEdit {...props} {...useTitleWithBack(props.title, props.goBack)} />;
}

export function Create(props: ComponentProps<typeof RefineCreate>) {
  return <RefineCreate {...props} {...useTitleWithBack(props.title, props.goBack)} />;
}
