// React.lazy for code that is fetched ahead of its first render (while the person types the password, or
// while they read the page). React.lazy suspends on the first render even when the module has already
// arrived, and React holds each Suspense fallback for at least 300 ms: on the sign-in path (app → frame →
// start page → leader's home) that was four fallbacks and over a second on a phone (tests/bench/phone.ts).
// A preloadable component renders the module directly once it is here, and suspends only if it is not.
import { createElement, lazy, type ComponentType, type ReactElement } from "react";

export interface Preloadable<P> {
  (props: P): ReactElement;
  /** Fetches the module (once; a failed fetch is tried again on the next call). */
  load: () => Promise<unknown>;
}

const renewals = new Set<() => void>();

/** After a failed fetch was shown: the components whose code did not arrive fetch it again on their next render. */
export function retryFailedLoads() {
  for (const renew of renewals) renew();
  renewals.clear();
}

export function preloadable<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const fetchOnce = () =>
    (loading ??= load().then(
      (m) => {
        loaded = m.default;
        return m;
      },
      (e: unknown) => {
        // React.lazy keeps a failure for good: shown once by components/LoadBoundary.tsx, whose 再试一次
        // (retryFailedLoads) gives this component a new one, and the next render fetches anew
        loading = undefined;
        renewals.add(() => {
          Lazy = lazy(fetchOnce);
        });
        throw e;
      },
    ));
  let Lazy = lazy(fetchOnce);
  const Component = ((props: P) => createElement(loaded ?? Lazy, props)) as Preloadable<P>;
  Component.load = fetchOnce;
  return Component;
}

/** Fetches these once the browser is idle (so they do not hold up the screen being drawn); returns a cancel
 *  for an effect's cleanup. A failed fetch is tried again when the component renders. */
export function loadWhenIdle(...components: { load: () => Promise<unknown> }[]): () => void {
  const run = () => components.forEach((c) => void c.load().catch(() => undefined));
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(run, { timeout: 3000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(run, 1000);
  return () => window.clearTimeout(id);
}
