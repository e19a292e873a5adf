import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";

const shim = (file: string) => fileURLToPath(new URL(`src/shims/${file}`, import.meta.url));

/** Third-party imports answered by src/shims/ in the browser build, each only inside the package named
 *  (importer), so nothing else changes. Each shim says what it replaces and why; together about 40 kB gzip
 *  that every signed-in page downloaded and (but for Card's tabs and the confirm dialog) never ran.
 *  - supabase-js builds a Realtime client in its constructor: the app uses no Realtime.
 *  - antd's Card imports Tabs for `tabList`, which no page uses (loaded when a card shows tabs).
 *  - qs keeps its cycle checks in side-channel, whose polyfill helpers the browser has natively.
 *  - Refine's devtools parse call stacks in development only; Refine pluralizes only in the text
 *    transformers that App.tsx replaces.
 *  - antd's App builds the confirm-dialog hook for App.useApp().modal, which no page calls (loaded on first use).
 *  - auth-js (supabase-js's Auth) brings WebAuthn/passkey and Sign-In-with-Ethereum helpers: staff sign in with
 *    email and password only.
 *  - rc-resize-observer brings resize-observer-polyfill: every supported browser has ResizeObserver. */
const SHIMS: { importer: RegExp; source: string; file: string }[] = [
  { importer: /[\\/]@supabase[\\/]supabase-js[\\/]/, source: "@supabase/realtime-js", file: shim("realtime-off.ts") },
  { importer: /[\\/]antd[\\/]es[\\/]card[\\/]Card\.js$/, source: "../tabs", file: shim("card-tabs.tsx") },
  { importer: /[\\/]qs[\\/]lib[\\/]/, source: "side-channel", file: shim("side-channel.cjs") },
  { importer: /[\\/]@refinedev[\\/]devtools-internal[\\/]/, source: "error-stack-parser", file: shim("no-stack-parser.ts") },
  { importer: /[\\/]@refinedev[\\/]core[\\/]/, source: "pluralize", file: shim("plural-as-is.ts") },
  { importer: /[\\/]antd[\\/]es[\\/]app[\\/]App\.js$/, source: "../modal/useModal", file: shim("app-modal.tsx") },
  { importer: /[\\/]@supabase[\\/]auth-js[\\/]dist[\\/]module[\\/]GoTrueClient\.js$/, source: "./lib/webauthn", file: shim("no-webauthn.ts") },
  { importer: /[\\/]@supabase[\\/]auth-js[\\/]dist[\\/]module[\\/]GoTrueClient\.js$/, source: "./lib/web3/ethereum", file: shim("no-web3.ts") },
  { importer: /[\\/]rc-resize-observer[\\/]/, source: "resize-observer-polyfill", file: shim("resize-observer-native.ts") },
];

function shims(): Plugin {
  return {
    name: "shims",
    enforce: "pre",
    resolveId(source, importer) {
      return importer ? SHIMS.find((s) => s.source === source && s.importer.test(importer))?.file : undefined;
    },
  };
}

export default defineConfig({
  plugins: [react(), shims()],
  server: { host: "127.0.0.1", port: 5173 },
  preview: { host: "127.0.0.1", port: 4173 },
  build: {
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      // Packages without a "sideEffects" field that have none: the bundler may then drop them where unused.
      // papaparse is Refine core's CSV import/export; react-markdown and remark-gfm are @refinedev/antd's
      // MarkdownField (its single module is imported whole by every page using one of its components).
      // rc-field-form is antd's Form: its index module attaches Field, List, useForm… to the default export,
      // which keeps the whole form (and its validator) on pages that only reach antd's form context (Select,
      // Input and the config provider import it); without side effects only what a page uses stays.
      treeshake: {
        moduleSideEffects: [{ test: /node_modules[\\/](papaparse|react-markdown|remark-gfm|rc-field-form)[\\/]/, sideEffects: false }],
      },
      // What every signed-in page loads with the frame and the sign-in page does not (Refine, the router, the
      // query cache, antd's menu, layout, notices and cards) in one chunk instead of some twenty small ones that
      // each compress on their own (about 10 kB gzip less in all). Nothing here may be reached from the sign-in
      // page (SignedOut.tsx), or it would load the whole chunk: the bundle bench shows the sign-in figure.
      output: {
        codeSplitting: {
          groups: [{
            name: "frame",
            // only these modules, not what they import (antd's core and React, which the sign-in page shares)
            includeDependenciesRecursively: false,
            test: new RegExp([
              String.raw`node_modules[\\/](@refinedev[\\/](core|react-router|supabase|devtools-internal)|react-router|@tanstack|qs|lodash-es|pluralize|warn-once|tiny-invariant)[\\/]`,
              String.raw`node_modules[\\/](rc-menu|rc-overflow|rc-notification|rc-dialog)[\\/]`,
              String.raw`node_modules[\\/]antd[\\/]es[\\/](menu|layout|notification|message|app|skeleton|card|spin|tag|empty|popover|statistic)[\\/]`,
              // the menu's and the header's icons (components/AppMenu.tsx, AppHeader.tsx)
              String.raw`node_modules[\\/]@ant-design[\\/]icons(-svg)?[\\/]es[\\/](asn|icons)[\\/](AccountBook|Apartment|Audit|Bank|BarChart|Dashboard|Experiment|FieldTime|FileDone|Flag|Gift|Idcard|Logout|Profile|SafetyCertificate|Smile|Solution|Star|Team|Trophy|UnorderedList|User|Wallet|Menu|FontSize)Outlined\.js$`,
              // the app's own modules that only a signed-in page reaches
              String.raw`src[\\/](App\.tsx|components[\\/](AppLayout|AppHeader|AppMenu)\.tsx|providers[\\/](auth|rpc|access|scope|preferences|notification|data|backend|dayjs)\.tsx?|domain[\\/](access|scope|errors|password)\.ts)$`,
            ].join("|")),
          }],
        },
      },
    },
  },
  test: {
    server: { deps: { inline: [/@refinedev\//] } },
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], environment: "node" } },
      {
        // supabase/local is a product of its own: its tests start stacks of a fixture project
        // (ports from TEST_LOCAL_PORT_BASE, default 26500).
        extends: true,
        test: {
          name: "local",
          include: ["supabase/local/tests/**/*.test.ts"],
          environment: "node",
          testTimeout: 30000,
          hookTimeout: 90000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["tests/db/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/db/global-setup.ts"],
          testTimeout: 30000,
          hookTimeout: 60000,
          fileParallelism: false,
        },
      },
    ],
  },
});
