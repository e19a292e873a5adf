// Page frames: Refine's List / Show / Edit / Create with the page's title as its one <h1>, and PageTitle
// for pages built without them. Refine renders a header title as an h4 (or as whatever node it is given), so
// pages had no h1 at all; screen readers jump to "heading level 1" to find where a page starts, and axe
// expects one. Drop-in: import { List } from "../../components/Page" instead of "@refinedev/antd".
import { ArrowLeftOutlined, HomeOutlined } from "@ant-design/icons";
import { Create as RefineCreate, Edit as RefineEdit, List as RefineList, Show as RefineShow } from "@refinedev/antd";
import { useBack, useBreadcrumb, useResourceParams, useTranslate } from "@refinedev/core";
import { Breadcrumb as AntdBreadcrumb, Button } from "antd";
import type { ComponentProps, ReactNode } from "react";
import { Link } from "react-router";
import { PageTitle } from "./PageTitle";

export { PageTitle };


/** A page without a title of its own is named by its resource's label (a translation key, see App.tsx). */
function useTitle(title: ReactNode | undefined): ReactNode {
  const translate = useTranslate();
  const { resource, identifier } = useResourceParams();
  const label = (resource?.meta?.label as string | undefined) ?? identifier ?? "";
  return <PageTitle>{title ?? translate(label)}</PageTitle>;
}

/** Refine's breadcrumb shows resource labels as given (our labels are keys) and names its home link by an
 *  icon ("dashboard", in English): this one translates both. Hidden, as Refine's, below two items. */
function PageBreadcrumb() {
  const translate = useTranslate();
  const { breadcrumbs } = useBreadcrumb();
  if (breadcrumbs.length < 2) return null;
  return (
    <AntdBreadcrumb items={[
      { key: "home", title: <Link to="/" aria-label={translate("nav.dashboard")}><HomeOutlined /></Link> },
      ...breadcrumbs.map(({ label, href }) => ({
        key: `${label}-${href ?? ""}`,
        title: href ? <Link to={href}>{translate(label)}</Link> : translate(label),
      })),
    ]} />
  );
}

export function List(props: ComponentProps<typeof RefineList>) {
  return <RefineList breadcrumb={<PageBreadcrumb />} {...props} title={useTitle(props.title)} />;
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
  return <RefineShow breadcrumb={<PageBreadcrumb />} {...props} {...useTitleWithBack(props.title, props.goBack)} />;
}

export function Edit(props: ComponentProps<typeof RefineEdit>) {
  return <RefineEdit breadcrumb={<PageBreadcrumb />} {...props} {...useTitleWithBack(props.title, props.goBack)} />;
}

export function Create(props: ComponentProps<typeof RefineCreate>) {
  return <RefineCreate breadcrumb={<PageBreadcrumb />} {...props} {...useTitleWithBack(props.title, props.goBack)} />;
}
