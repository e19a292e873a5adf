// A tiny reader for the part of TOML that supabase/config.toml uses: [tables] and [dotted.tables],
// key = "string" | 'string' | number | true/false | [arrays of those, possibly over several lines],
// and # comments. Enough for the local stack to honour the settings the Supabase CLI reads.
export type TomlValue = string | number | boolean | TomlValue[];
export type TomlTable = { [key: string]: TomlValue | TomlTable };

function stripComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quote) {
      if (ch === "\\" && quote === '"') i += 1;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "#") return line.slice(0, i);
  }
  return line;
}

function parseValue(src: string, where: string): TomlValue {
  const s = src.trim();
  if (s.startsWith('"')) return JSON.parse(s) as string;
  if (s.startsWith("'")) return s.slice(1, -1);
  if (s === "true" || s === "false") return s === "true";
  if (s.startsWith("[")) {
    const inner = s.slice(1, -1);
    const items: string[] = [];
    let cur = "";
    let quote: string | null = null;
    let depth = 0;
    for (let i = 0; i < inner.length; i += 1) {
      const ch = inner[i];
      if (quote) {
        cur += ch;
        if (ch === "\\" && quote === '"') cur += inner[++i];
        else if (ch === quote) quote = null;
      } else if (ch === '"' || ch === "'") {
        quote = ch;
        cur += ch;
      } else if (ch === "[") {
        depth += 1;
        cur += ch;
      } else if (ch === "]") {
        depth -= 1;
        cur += ch;
      } else if (ch === "," && depth === 0) {
        if (cur.trim()) items.push(cur);
        cur = "";
      } else cur += ch;
    }
    if (cur.trim()) items.push(cur);
    return items.map((i) => parseValue(i, where));
  }
  const n = Number(s.replace(/_/g, ""));
  if (s !== "" && Number.isFinite(n)) return n;
  throw new Error(`config.toml: cannot read the value ${s} (${where})`);
}

export function parseToml(text: string): TomlTable {
  const root: TomlTable = {};
  let table = root;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i += 1) {
    let line = stripComment(lines[i]).trim();
    if (!line) continue;
    const header = /^\[([A-Za-z0-9_.\-"]+)\]$/.exec(line);
    if (header) {
      table = root;
      for (const part of header[1].split(".").map((p) => p.replace(/"/g, ""))) {
        const next = table[part];
        if (next === undefined) table[part] = {};
        else if (typeof next !== "object" || Array.isArray(next)) throw new Error(`config.toml line ${i + 1}: [${header[1]}] redefines a value`);
        table = table[part] as TomlTable;
      }
      continue;
    }
    const eq = line.indexOf("=");
    if (eq < 0) throw new Error(`config.toml line ${i + 1}: expected key = value`);
    const key = line.slice(0, eq).trim().replace(/^"|"$/g, "");
    let value = line.slice(eq + 1).trim();
    // arrays may span lines: read until the brackets balance
    const balance = (v: string) => (v.match(/\[/g)?.length ?? 0) - (v.match(/\]/g)?.length ?? 0);
    while (value.startsWith("[") && balance(value) > 0 && i + 1 < lines.length) {
      i += 1;
      line = stripComment(lines[i]).trim();
      value += ` ${line}`;
    }
    table[key] = parseValue(value, `line ${i + 1}`);
  }
  return root;
}
