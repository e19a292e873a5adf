// ESLint (flat config), run by `npm run lint` and as a step of `npm test`:
// typescript-eslint's recommended rules, React's rules of hooks (eslint-plugin-react-hooks recommended),
// and one architectural rule: pages, resources and components never import the raw Supabase client —
// reads go through Refine's data hooks, writes through the data provider or the typed RPC hook
// (src/providers/rpc.ts), so caching, invalidation and the one error mapping apply everywhere.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const RAW_CLIENT = {
  patterns: [{
    group: ["**/providers/supabase", "**/providers/supabase.ts", "@supabase/supabase-js"],
    message: "Pages, resources and components reach data through Refine hooks (useList/useOne/useCreate/…, useRpcQuery) or useRpcAction — not the raw client.",
  }],
};

export default tseslint.config(
  { ignores: ["dist/**", "dist-e2e/**", "node_modules/**", "test-results/**", "playwright-report/**", ".supabase-local/**", "src/types/database.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // the district's time zone is named once in the app: src/providers/dayjs.ts (districtNow / districtToday)
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/providers/dayjs.ts"],
    rules: {
      "no-restricted-syntax": ["error", {
        selector: "Literal[value=/Asia\\//], TemplateElement[value.raw=/Asia\\//]",
        message: "Name the district's time zone only in src/providers/dayjs.ts; use districtNow() / districtToday() / districtDate().",
      }],
    },
  },
  {
    files: ["src/pages/**", "src/resources/**", "src/components/**"],
    rules: { "no-restricted-imports": ["error", RAW_CLIENT] },
  },
);
