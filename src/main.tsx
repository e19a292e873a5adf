import "@ant-design/v5-patch-for-react-19";
import "@refinedev/antd/dist/reset.css";
import "./theme.css";
import "./print.css";
import "./responsive.css";
import { lazy, StrictMode, Suspense, useCallback, useState, startTransition } from "react";
import { createRoot } from "react-dom/client";
import { watchAriaRequired } from "./antd-aria";
import { Frame } from "./components/Frame";
import { LoadBoundary } from "./components/LoadBoundary";
import { preloadable } from "./components/preloadable";
import { mayHaveSession } from "./providers/config";
import { preloadBackend } from "./providers/deferred";
import { prepareLocale } from "./providers/i18n";
import { PUBLIC_TITLES } from "./public-pages";
import { AppLayout, preloadHome, preloadStart } from "./start";

// Two ways in. Someone signed out gets the sign-in form alone (SignedOut.tsx: no Refine, router or
// supabase-js); everyone else, and the public pages (public-pages.ts), the app (App.tsx). Signing in moves from
// the one to the other without reloading.
const App = preloadable(() => import("./App"));
const SignedOut = lazy(() => import("./SignedOut"));

/** While the person fills in the form: first the client that signing in waits for, then the app, its
 *  frame and start page (start.ts; providers/auth.ts login asks for these too), which arrive during the
 *  sign-in and then show without loading steps. */
let preloading: Promise<unknown> | undefined;
function preloadApp() {
  preloading ??= preloadBackend().finally(() => Promise.all([App.load(), preloadStart({ leaderHome: true })]))
    .catch(() => undefined); // a failed fetch is retried when the page asks for it
}

function Root({ signedOut }: { signedOut: boolean }) {
  const [outside, setOutside] = useState(signedOut);
  // the sign-in form stays on screen (busy) until the app can show the page (a transition)
  const enter = useCallback((path: string, replace = true) => {
    window.history[replace ? "replaceState" : "pushState"](null, "", path);
    startTransition(() => setOutside(false));
  }, []);
  return (
    <Frame>
      <LoadBoundary>
        <Suspense fallback={null}>
          {outside ? <SignedOut enter={enter} loadApp={preloadApp} /> : <App />}
        </Suspense>
      </LoadBoundary>
    </Frame>
  );
}

const path = window.location.pathname;
const signedOut = !mayHaveSession() && (path === "/login" || !(path in PUBLIC_TITLES));
if (signedOut && window.location.pathname !== "/login") {
  // as Refine's CatchAllNavigate does: /login?to=<where the person was going>
  const here = window.location.pathname + window.location.search;
  window.history.replaceState(null, "", `/login${here.length > 1 ? `?to=${encodeURIComponent(here)}` : ""}`);
}

// a stored session opens the app: its frame (and on the index route its start page) come alongside it, not after it
if (!signedOut && !(path in PUBLIC_TITLES)) void (path === "/" ? Promise.all([preloadStart({ leaderHome: false }), preloadHome()]) : AppLayout.load()).catch(() => undefined);
watchAriaRequired();
// a stored English is loaded before the first screen, so nothing shows in the wrong language
void prepareLocale().finally(() => {
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <Root signedOut={signedOut} />
    </StrictMode>,
  );
});
