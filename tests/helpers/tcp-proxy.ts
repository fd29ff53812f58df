import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy on loopback in front of a real server (PostgreSQL here), which a test can freeze
 * (connections stay open, nothing is forwarded: a network that went quiet) or cut (every socket
 * destroyed and the port closed, so new connections are refused: a server that went away), and
 * then resume on the same port.
 */
export interface TcpProxy {
  port: number;
  freeze(): void;
  cut(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: 'open' | 'frozen' | 'cut' = 'open';
  const pairs = new Set<[Socket, Socket]>();
  const held: Socket[] = [];

  const pipe = (client: Socket) => {
    const upstream = connect(target.port, target.host);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    if (mode === 'frozen') for (const s of pair) s.pause();
  };

  const server: Server = createServer((client) => {
    if (mode === 'frozen') {
      // Accepted but never answered, as a host that stopped responding.
      client.pause();
      client.on('error', () => {});
      held.push(client);
      return;
    }
    pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    freeze() {
      mode = 'frozen';
      for (const pair of pairs) for (const s of pair) s.pause();
    },
    cut() {
      mode = 'cut';
      server.close();
      for (const [a, b] of [...pairs]) {
        a.destroy();
        b.destroy();
      }
      for (const s of held.splice(0)) s.destroy();
    },
    resume() {
      if (mode === 'cut') server.listen(port, '127.0.0.1');
      mode = 'open';
      for (const pair of pairs) for (const s of pair) s.resume();
      for (const s of held.splice(0)) {
        if (!s.destroyed) pipe(s);
        s.resume();
      }
    },
    close: () =>
      new Promise<void>((r) => {
        for (const [a, b] of pairs) {
          a.destroy();
          b.destroy();
        }
        for (const s of held.splice(0)) s.destroy();
        if (server.listening) server.close(() => r());
        else r();
      }),
  };
}
