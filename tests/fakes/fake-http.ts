import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny programmable HTTP server for platform fakes: routes answer from in-memory state, and
 * scripted faults (rate limits, 5xx, hangs, broken JSON) can be queued for the next requests.
 */
export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  /** Sent as-is (for malformed payloads, XML feeds, HTML). */
  raw?: string;
  /** Wait this long before answering (slow answers). */
  delayMs?: number;
  /**
   * Never answer: the request is held until the client gives up or the server closes. Timeout tests use this
   * instead of a delay, so they cannot race the clock on a loaded machine.
   */
  hang?: true;
}

export type Fault = FakeResponse & {
  match?: (req: FakeRequest) => boolean;
  /** Hold the request until this settles, then give the normal answer (a slow page, released by the test). */
  holdUntil?: Promise<unknown>;
};
export type Handler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;

export interface FakeServer {
  url: string;
  requests: FakeRequest[];
  /** The next matching request gets this answer instead of the normal one. */
  fault(f: Fault): void;
  close(): Promise<void>;
}

export async function startFakeServer(route: (req: FakeRequest) => Handler | undefined): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  const faults: Fault[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const fr: FakeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    requests.push(fr);
    const i = faults.findIndex((f) => !f.match || f.match(fr));
    let answer: FakeResponse;
    const fault = i >= 0 ? faults.splice(i, 1)[0]! : null;
    if (fault?.holdUntil) await fault.holdUntil;
    if (fault && !fault.holdUntil) answer = fault;
    else {
      const handler = route(fr);
      answer = handler
        ? await handler(fr)
        : { status: 404, json: { title: 'Not Found', detail: `No fake route for ${fr.method} ${fr.path}` } };
    }
    if (answer.hang) await new Promise((r) => res.once('close', r));
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    if (res.destroyed) return;
    const body = answer.raw ?? JSON.stringify(answer.json ?? {});
    res.writeHead(answer.status ?? 200, {
      'content-type': answer.raw !== undefined ? 'text/plain' : 'application/json; charset=utf-8',
      ...answer.headers,
    });
    res.end(body);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    fault: (f) => faults.push(f),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
