import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stands in for an internal service (a database port, an admin panel, a metadata endpoint): listens
 * on every local address, IPv4 and IPv6 alike (so 127.0.0.1, ::1 and 0.0.0.0 all reach it), counts
 * each connection, and answers anything with a secret. A guarded call must leave `connections` at 0.
 */
export interface CountingListener {
  port: number;
  readonly connections: number;
  /** Requests that got as far as HTTP, with their headers (to see what credentials arrived). */
  requests: http.IncomingHttpHeaders[];
  close(): Promise<void>;
}

export const INTERNAL_SECRET = 'INTERNAL-SECRET-7f3a';

export async function startCountingListener(): Promise<CountingListener> {
  let connections = 0;
  const requests: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req.headers);
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: INTERNAL_SECRET, detail: INTERNAL_SECRET, error: INTERNAL_SECRET }));
  });
  server.on('connection', (socket) => {
    connections++;
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '::', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    get connections() {
      return connections;
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
