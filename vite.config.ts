import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
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
