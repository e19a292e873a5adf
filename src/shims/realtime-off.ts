// Stands in for @supabase/realtime-js inside supabase-js (vite.config.ts: SHIMS). The app uses no
// Realtime (no channels, no Refine live provider), yet supabase-js builds a RealtimeClient in its constructor,
// which brought realtime-js and phoenix (about 13 kB gzip) to every signed-in page. Token changes are accepted
// and ignored; opening a channel says plainly that this build has none. The enums are realtime-js's own values
// (supabase-js re-exports them; @refinedev/supabase's live provider imports one).
const NO_REALTIME = "Supabase Realtime is not part of this build (vite.config.ts: SHIMS)";

function off(): never {
  throw new Error(NO_REALTIME);
}

export class RealtimeClient {
  constructor(_endpoint?: string, _options?: unknown) {}
  setAuth(_token?: string | null): Promise<void> {
    return Promise.resolve();
  }
  channel(_topic: string, _params?: unknown): never {
    return off();
  }
  getChannels(): never[] {
    return [];
  }
  removeChannel(_channel: unknown): Promise<"ok"> {
    return Promise.resolve("ok");
  }
  removeAllChannels(): Promise<"ok"[]> {
    return Promise.resolve([]);
  }
  connect() {}
  disconnect() {}
}

export class RealtimeChannel {
  constructor() {
    off();
  }
}
export class RealtimePresence {
  constructor() {
    off();
  }
}
export class RealtimePostgresFilterBuilder {
  constructor() {
    off();
  }
}
export class WebSocketFactory {
  constructor() {
    off();
  }
}
export const postgresChangesFilter = off;

export enum REALTIME_POSTGRES_CHANGES_LISTEN_EVENT { ALL = "*", INSERT = "INSERT", UPDATE = "UPDATE", DELETE = "DELETE" }
export enum REALTIME_LISTEN_TYPES { BROADCAST = "broadcast", PRESENCE = "presence", POSTGRES_CHANGES = "postgres_changes", SYSTEM = "system" }
export enum REALTIME_SUBSCRIBE_STATES { SUBSCRIBED = "SUBSCRIBED", TIMED_OUT = "TIMED_OUT", CLOSED = "CLOSED", CHANNEL_ERROR = "CHANNEL_ERROR" }
export enum REALTIME_PRESENCE_LISTEN_EVENTS { SYNC = "sync", JOIN = "join", LEAVE = "leave" }
export const REALTIME_CHANNEL_STATES = { closed: "closed", errored: "errored", joined: "joined", joining: "joining", leaving: "leaving" } as const;
