// The failures of a vitest or Playwright JSON report as one line each ("where › test: first line of the error"),
// for the end of `npm test`, where the tail of a CI log shows them.

const firstLine = (s: unknown) =>
  String(s ?? "")
    // eslint-disable-next-line no-control-regex
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .find((l) => l.trim())
    ?.trim()
    .slice(0, 300) ?? "";

interface VitestReport {
  testResults?: { name?: string; status?: string; message?: string; assertionResults?: { status: string; title: string; fullName?: string; failureMessages?: string[] }[] }[];
}

export function vitestFailures(v: VitestReport): string[] {
  const out: string[] = [];
  for (const f of v.testResults ?? []) {
    const file = String(f.name ?? "").replace(/^.*?\/tests\//, "tests/");
    const failed = (f.assertionResults ?? []).filter((a) => a.status === "failed");
    for (const a of failed) out.push(`vitest ${file} › ${a.fullName ?? a.title}: ${firstLine(a.failureMessages?.[0])}`);
    if (f.status === "failed" && failed.length === 0) out.push(`vitest ${file} (the file): ${firstLine(f.message)}`);
  }
  return out;
}

interface Spec { title: string; file: string; line: number; tests: { results: { status: string; error?: { message?: string } }[] }[] }
interface Suite { title: string; specs?: Spec[]; suites?: Suite[] }

/** failed: the tests whose last attempt did not pass; flaky: those that passed only on a retry. */
export function playwrightFailures(p: { suites?: Suite[] }): { failed: string[]; flaky: string[] } {
  const failed: string[] = [];
  const flaky: string[] = [];
  const walk = (s: Suite, path: string[]) => {
    for (const spec of s.specs ?? []) {
      for (const t of spec.tests) {
        const last = t.results[t.results.length - 1];
        const where = `${spec.file}:${spec.line} › ${[...path, spec.title].join(" › ")}`;
        if (last && last.status !== "passed" && last.status !== "skipped") failed.push(`playwright ${where}: ${firstLine(last.error?.message)}`);
        else if (t.results.length > 1) flaky.push(`${where}: ${firstLine(t.results[0]?.error?.message)}`);
      }
    }
    for (const c of s.suites ?? []) walk(c, [...path, c.title]);
  };
  for (const s of p.suites ?? []) walk(s, []);
  return { failed, flaky };
}
