// src/types/database.ts is what Supabase's generator (@supabase/postgres-meta) makes of the migrated
// schema: regenerated here against the test database, it must equal the committed file, so a migration
// that changes a table, view or function without `npm run types` fails the suite.
import fs from "node:fs";
import { expect, inject, it } from "vitest";
import { generateTypes, TYPES_FILE } from "../../scripts/types";

it("the committed database types match the migrated schema (run `npm run types` when this fails)", async () => {
  const generated = await generateTypes(inject("dbUrl"));
  const committed = fs.readFileSync(TYPES_FILE, "utf8");
  if (committed !== generated) {
    const a = committed.split("\n");
    const b = generated.split("\n");
    const line = a.findIndex((l, i) => l !== b[i]);
    expect.fail(
      `src/types/database.ts is stale: run \`npm run types\` and commit it.\n` +
      `first difference at line ${line + 1}:\n  committed: ${a[line] ?? "(end of file)"}\n  generated: ${b[line] ?? "(end of file)"}`,
    );
  }
}, 60000);
