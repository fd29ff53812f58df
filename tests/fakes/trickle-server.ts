import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A server that answers every request with "200 OK" and then a body that never ends: one byte
 * every `everyMs`, so an idle-socket timeout never fires. Only a total deadline ends the request.
 */
export interface TrickleServer {
  url: string;
  /** Requests received so far. */
  requests: number;
  /** Requests whose connection is still open. */
  open(): number;
  close(): Promise<void>;
}

export async function startTrickleServer(everyMs = 100): Promise<TrickleServer> {
  const sockets = new Set<import('node:net').Socket>();
  let open = 0;
  const state = { requests: 0 };
  const server = http.createServer((_req, res) => {
    state.requests++;
    open++;
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.write('{');
    const timer = setInterval(() => res.write(' '), everyMs);
    res.on('close', () => {
      clearInterval(timer);
      open--;
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    get requests() {
      return state.requests;
    },
    open: () => open,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
