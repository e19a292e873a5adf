// Stands in for antd's Tabs inside antd's Card (vite.config.ts: SHIMS). Card imports Tabs for its
// `tabList` header, which no page here uses, and so brought Tabs (rc-tabs, about 10 kB gzip) to every page with
// a card. A card given tabs still gets antd's own Tabs, loaded when first shown.
import { lazy, Suspense, type ComponentProps } from "react";

const Tabs = lazy(() => import("antd/es/tabs"));

export default function CardTabs(props: ComponentProps<typeof Tabs>) {
  return (
    <Suspense fallback={null}>
      <Tabs {...props} />
    </Suspense>
  );
}
