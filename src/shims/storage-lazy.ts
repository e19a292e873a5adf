// Stands in for @supabase/storage-js inside supabase-js (vite.config.ts: SHIMS): the real client
// (about 6 kB gzip) loads on the first Storage call, which only the voucher pages make (providers/storage.ts).
// supabase-js builds its StorageClient in its constructor; this one keeps the arguments and hands every
// bucket call to the real client once loaded. Every call the app makes is async already (upload, remove,
// createSignedUrl); a synchronous one (getPublicUrl) would return a promise here.
import type { StorageClient as RealStorageClient } from "@supabase/storage-js";

type Args = ConstructorParameters<typeof RealStorageClient>;
type Bucket = ReturnType<RealStorageClient["from"]>;

let real: Promise<typeof import("@supabase/storage-js")> | undefined;
const load = () => (real ??= import("@supabase/storage-js"));

export class StorageClient {
  private client: Promise<RealStorageClient> | undefined;
  private readonly args: Args;
  constructor(...args: Args) {
    this.args = args;
  }
  private real() {
    return (this.client ??= load().then((m) => new m.StorageClient(...this.args)));
  }
  /** A bucket whose methods run on the real client. */
  from(id: string): Bucket {
    return new Proxy({} as Bucket, {
      get: (_t, method: string) => async (...a: unknown[]) => {
        const bucket = (await this.real()).from(id) as unknown as Record<string, (...x: unknown[]) => unknown>;
        return bucket[method](...a);
      },
    });
  }
}

/** Stands in for the error class supabase-js re-exports: the real client's errors are not instances of it
 *  (the app never tests for it; providers/storage.ts reads the status). */
export class StorageApiError extends Error {
  status?: number;
  statusCode?: string;
}
