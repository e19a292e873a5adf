// Stands in for error-stack-parser inside @refinedev/devtools-internal (vite.config.ts: SHIMS). Refine's
// devtools read the call stack only when NODE_ENV is "development"; in a build that code never runs, yet
// its import brought error-stack-parser and stackframe (about 3 kB gzip) to every signed-in page. If it ever
// ran, the devtools would see an empty trace.
const ErrorStackParser = { parse: (_error: Error): { fileName?: string; functionName?: string }[] => [] };

export default ErrorStackParser;
