// Reads a request body completely, within a size limit and a time limit, before anything is
// forwarded: a client that sends too much (413) or too slowly (408) costs the gateway one socket and
// a bounded buffer, never an upstream connection. Shared by every route that takes a body.
import type http from "node:http";

export interface BodyLimits {
  /** Largest body accepted, in bytes. */
  limitBytes: number;
  /** Time allowed for the whole body to arrive, from the call. */
  timeoutMs: number;
}

/** A refused body. `status` is the HTTP status to answer; the connection should then be closed. */
export class BodyError extends Error {
  constructor(
    readonly status: 408 | 413,
    readonly code: "request_timeout" | "request_too_large",
    message: string,
  ) {
    super(message);
    this.name = "BodyError";
  }
}

export class BodyTooLargeError extends BodyError {
  constructor(readonly limitBytes: number) {
    super(413, "request_too_large", `Request body is larger than ${limitBytes} bytes`);
  }
}

export class BodyTimeoutError extends BodyError {
  constructor(readonly timeoutMs: number) {
    super(408, "request_timeout", `Request body not received within ${timeoutMs} ms`);
  }
}

export function readBody(req: http.IncomingMessage, { limitBytes, timeoutMs }: BodyLimits): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limitBytes) return reject(new BodyTooLargeError(limitBytes));
    if (req.readableEnded) return resolve(Buffer.alloc(0));
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (err?: BodyError) => {
      clearTimeout(timer);
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("aborted", onAborted);
      if (err) {
        req.pause(); // stop reading; the caller answers with `Connection: close`
        reject(err);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) return finish(new BodyTooLargeError(limitBytes));
      chunks.push(chunk);
    };
    const onEnd = () => finish();
    const onError = () => finish(new BodyTimeoutError(timeoutMs)); // the socket is gone; no answer reaches it
    const onAborted = onError;
    const timer = setTimeout(() => finish(new BodyTimeoutError(timeoutMs)), timeoutMs);
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("aborted", onAborted);
  });
}

/** Answers a refused body and closes the connection (the rest of the body is never read). */
export function answerBodyError(res: http.ServerResponse, e: BodyError, body: Record<string, unknown>): void {
  if (res.headersSent || res.destroyed) return void res.destroy();
  res.writeHead(e.status, { "Content-Type": "application/json", Connection: "close" });
  res.end(JSON.stringify(body), () => res.socket?.destroySoon?.());
}
