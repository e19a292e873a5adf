// Phone or not, in a module of its own: the frame asks it on every page, and importing it from
// Responsive.tsx would load antd's Table and List with the frame.
import { Grid } from "antd";

/** True below antd's `md` breakpoint (768 px): phones, and tablets held upright. */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  // useBreakpoint answers {} on the first render; fall back to the window's width then.
  if (screens.md === undefined) return typeof window !== "undefined" && window.innerWidth < 768;
  return !screens.md;
}
