// Every message key the app asks for exists in both locales, so no user ever sees a raw key such as
// "errors.pointsInsufficient" (keys are found in the source: translate("…"), t("…"), errorKey's table).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "../../src/locales/en";
import zhCN from "../../src/locales/zh-CN";

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []);
}

function has(dict: unknown, key: string): boolean {
  let node = dict as Record<string, unknown> | string | undefined;
  for (const part of key.split(".")) {
    if (!node || typeof node !== "object") return false;
    node = node[part] as Record<string, unknown> | string | undefined;
  }
  return typeof node === "string";
}

const keys = new Set<string>();
for (const f of files(path.resolve(__dirname, "../../src"))) {
  const text = fs.readFileSync(f, "utf8");
  for (const m of text.matchAll(/\b(?:translate|t)\(\s*"([a-zA-Z][\w]*(?:\.[\w]+)+)"/g)) keys.add(m[1]);
  for (const m of text.matchAll(/"(errors\.[a-zA-Z]+)"/g)) keys.add(m[1]);
}

describe("locales", () => {
  it("finds the keys the source uses", () => {
    expect(keys.size).toBeGreaterThan(150);
    expect(keys).toContain("errors.pointsInsufficient");
  });
  for (const [name, dict] of [["zh-CN", zhCN], ["en", en]] as const) {
    it(`${name} has every key the app uses`, () => {
      expect([...keys].filter((k) => !has(dict, k))).toEqual([]);
    });
  }
});
