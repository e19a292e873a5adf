// Stands in for pluralize inside @refinedev/core (vite.config.ts: SHIMS). Refine uses it only for its
// default text transformers, which App.tsx replaces (names are kept as written: no English plural of a
// Chinese name), so the rule tables (about 3 kB gzip) never ran. These keep a word as it is, as App.tsx does.
const asIs = (word: string) => word;

export default { plural: asIs, singular: asIs };
