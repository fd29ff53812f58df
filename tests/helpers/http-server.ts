import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { TestContext } from './test-app';

/** Serves a test app over real HTTP on a free loopback port. */
export async function listen(t: TestContext): Promise<{ url: string; close: () => Promise<void> }> {
  // Keep the runtime's notion of the client address, as the Node entry does.
  t.deps.clientIp = (c) => {
    try {
      return getConnInfo(c).remote.address ?? null;
    } catch {
      return null;
    }
  };
  return new Promise((resolve) => {
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
