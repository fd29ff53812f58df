import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createNodeOutbound,
  DEFAULT_FEED_MAX_BYTES,
  DEFAULT_MAX_BYTES,
  OutboundError,
  parseAllowlist,
} from '../../src/http/outbound';
import { type CountingListener, startCountingListener } from '../fakes/counting-listener';
import { createTestContext } from '../helpers/test-app';

/**
 * What an allowed host can still try: bounce the call to an internal one, bounce it forever, take
 * the credentials along to another host, or answer without end. The guard allows 127.0.0.1 only on
 * the ports of the two "public" servers here; the counting listener stands for the internal service.
 */
const MB = 1024 * 1024;
const HUGE = 200 * MB;
const TEXT = JSON.stringify({ posts: Array.from({ length: 200 }, (_, i) => ({ id: i, text: `post ${i} über` })) });
// 32 MiB of zeros: about 32 KB on the wire, eight times the API cap once decoded.
const BOMB = zlib.gzipSync(Buffer.alloc(32 * MB), { level: 9 });
const ENCODED: Record<string, (b: Buffer) => Buffer> = {
  gzip: (b) => zlib.gzipSync(b),
  'x-gzip': (b) => zlib.gzipSync(b),
  deflate: (b) => zlib.deflateSync(b),
  'deflate-raw': (b) => zlib.deflateRawSync(b),
  br: (b) => zlib.brotliCompressSync(b),
  'gzip, br': (b) => zlib.brotliCompressSync(zlib.gzipSync(b)),
};

interface Streamed {
  sent: number;
  closed: Promise<void>;
}

let internal: CountingListener;
let server: http.Server;
let other: http.Server;
let base: string;
let otherBase: string;
let streamed: Streamed | null = null;
const seenByOther: http.IncomingHttpHeaders[] = [];
const seenByServer: http.IncomingHttpHeaders[] = [];

/** Streams `total` bytes with backpressure and counts what actually left, until the client hangs up. */
function stream(res: http.ServerResponse, total: number, declared: boolean): void {
  res.writeHead(200, {
    'content-type': 'application/rss+xml',
    ...(declared ? { 'content-length': String(total) } : {}),
  });
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const s: Streamed = { sent: 0, closed: new Promise((resolve) => res.on('close', () => resolve())) };
  streamed = s;
  const pump = () => {
    while (s.sent < total && !res.destroyed) {
      s.sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

const listen = async (s: http.Server) => {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  internal = await startCountingListener();
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seenByServer.push(req.headers);
    if (url.pathname === '/to') {
      res.writeHead(Number(url.searchParams.get('status') ?? 302), { location: url.searchParams.get('u')! });
      return res.end();
    }
    const hops = /^\/chain\/(\d+)$/.exec(url.pathname);
    if (hops) {
      const left = Number(hops[1]);
      if (left > 0) res.writeHead(302, { location: `/chain/${left - 1}` }).end();
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('end of the chain');
      return;
    }
    if (url.pathname === '/auth')
      return res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ authorization: req.headers.authorization ?? null }));
    // /2/...: X's API paths, answered without end like /big.
    if (url.pathname === '/big' || url.pathname.startsWith('/2/')) return stream(res, HUGE, false);
    if (url.pathname === '/big-declared') return stream(res, HUGE, true);
    const status = /^\/status\/(\d+)$/.exec(url.pathname);
    if (status) return res.writeHead(Number(status[1]), { etag: '"v1"' }).end();
    const sized = /^\/sized\/(\d+)$/.exec(url.pathname);
    if (sized) return stream(res, Number(sized[1]), false);
    // /encoded/<coding>: TEXT compressed as named ("deflate-raw" is deflate without its zlib wrapper).
    const coding = /^\/encoded\/(.+)$/.exec(url.pathname)?.[1];
    if (coding && ENCODED[decodeURIComponent(coding)]) {
      const name = decodeURIComponent(coding);
      const body = ENCODED[name]!(Buffer.from(TEXT));
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-encoding': name === 'deflate-raw' ? 'deflate' : name,
        'content-length': String(body.length),
      });
      return res.end(body);
    }
    if (url.pathname === '/bomb') {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      return res.end(BOMB);
    }
    res.writeHead(404).end();
  });
  other = http.createServer((req, res) => {
    seenByOther.push(req.headers);
    res.writeHead(200, { 'content-type': 'text/plain' }).end('other');
  });
  base = await listen(server);
  otherBase = await listen(other);
});
afterAll(async () => {
  server.closeAllConnections();
  other.closeAllConnections();
  await new Promise((r) => server.close(r));
  await new Promise((r) => other.close(r));
  await internal.close();
});

const allowlist = () => `${base.replace('http://', '')},${otherBase.replace('http://', '')}`;
const guard = () =>
  createNodeOutbound({
    allow: parseAllowlist(allowlist()),
    maxBytes: DEFAULT_MAX_BYTES,
    feedMaxBytes: DEFAULT_FEED_MAX_BYTES,
  });
let before = 0;
beforeEach(() => {
  before = internal.connections;
  seenByOther.length = 0;
  seenByServer.length = 0;
});

describe('redirects', () => {
  it('refuses a redirect from an allowed host to an internal one, which sees no connection', async () => {
    const targets: [string, string][] = [
      [`http://127.0.0.1:${internal.port}/`, 'refused: loopback address (127.0.0.1)'],
      [`http://localhost:${internal.port}/`, 'refused: internal host name (localhost)'],
      [`http://[::1]:${internal.port}/`, 'refused: loopback address (::1)'],
      [`http://2130706433:${internal.port}/`, 'refused: loopback address (127.0.0.1)'],
      ['http://169.254.169.254/latest/meta-data/', 'refused: cloud metadata address (169.254.169.254)'],
      ['file:///etc/passwd', 'refused: only http and https addresses (file:)'],
    ];
    for (const status of [301, 302, 303, 307, 308]) {
      for (const [target, reason] of targets) {
        const err = await guard()
          .fetch(`${base}/to?status=${status}&u=${encodeURIComponent(target)}`)
          .catch((e) => e);
        expect(err, `${status} → ${target}`).toBeInstanceOf(OutboundError);
        expect(err.message).toBe(reason);
      }
    }
    expect(internal.connections - before).toBe(0);
  });

  it('refuses it for a feed source too: the poll fails in our words, nothing reaches the internal port', async () => {
    const t = await createTestContext({ env: { OUTBOUND_ALLOWLIST: allowlist() } });
    try {
      const ws = await t.seedWorkspace('Bounce Co');
      const feedUrl = `${base}/to?u=${encodeURIComponent(`http://127.0.0.1:${internal.port}/admin`)}`;
      const id = (
        await t.request('POST', '/api/v1/sources', {
          token: ws.token,
          body: {
            platform: 'rss',
            name: 'Feed',
            config: { feedUrl },
            credentials: { username: 'ana', password: 'secret' },
          },
        })
      ).json.id;
      const poll = await t.request('POST', `/api/v1/sources/${id}/poll`, { token: ws.token });
      expect(poll.json).toMatchObject({
        status: 'failed',
        error: `Could not reach the feed at ${feedUrl}: refused: loopback address (127.0.0.1)`,
      });
      expect(internal.connections - before).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('follows three redirects and refuses a fourth', async () => {
    expect(await (await guard().fetch(`${base}/chain/3`)).text()).toBe('end of the chain');
    const err = await guard()
      .fetch(`${base}/chain/4`)
      .catch((e) => e);
    expect(err).toBeInstanceOf(OutboundError);
    expect(err.message).toBe('more than 3 redirects');
  });

  it('keeps the Authorization header on the same origin and drops it when a redirect leaves for another', async () => {
    const headers = { authorization: 'Bearer source-secret' };
    const same = await guard().fetch(`${base}/to?u=${encodeURIComponent('/auth')}`, { headers });
    expect(await same.json()).toEqual({ authorization: 'Bearer source-secret' });
    expect((await guard().fetch(`${base}/to?u=${encodeURIComponent(`${otherBase}/x`)}`, { headers })).status).toBe(200);
    expect(seenByOther).toHaveLength(1);
    expect(seenByOther[0]!.authorization).toBeUndefined();
  });
});

describe('answer size', () => {
  it('stops a 200 MB answer at the 4 MiB API cap while reading it: no more than about the cap arrives', async () => {
    const res = await guard().fetch(`${base}/big`);
    const err = await res.arrayBuffer().catch((e) => e);
    expect(err).toBeInstanceOf(OutboundError);
    expect(err.message).toBe('answer larger than 4 MiB');
    await streamed!.closed;
    // What the server managed to send bounds what this process could have held: the cap plus
    // socket buffers, nowhere near the 200 MB it meant to send.
    expect(streamed!.sent).toBeLessThan(DEFAULT_MAX_BYTES + 16 * MB);
  });

  it('refuses an answer that declares more than the cap before reading any of it', async () => {
    const err = await guard()
      .fetch(`${base}/big-declared`)
      .catch((e) => e);
    expect(err).toBeInstanceOf(OutboundError);
    expect(err.message).toBe('answer larger than 4 MiB');
    await streamed!.closed;
    expect(streamed!.sent).toBeLessThan(16 * MB);
  });

  it('refuses an API answer past OUTBOUND_MAX_BYTES that a feed, with its larger cap, may read whole', async () => {
    const t = await createTestContext({
      env: { OUTBOUND_ALLOWLIST: allowlist(), OUTBOUND_MAX_BYTES: String(MB), OUTBOUND_FEED_MAX_BYTES: String(3 * MB) },
    });
    try {
      const api = await t.deps.outbound.fetch(`${base}/sized/${2 * MB}`);
      const err = await api.arrayBuffer().catch((e) => e);
      expect(err).toBeInstanceOf(OutboundError);
      expect(err.message).toBe('answer larger than 1 MiB');
      const feed = await t.deps.outbound.fetchFeed(`${base}/sized/${2 * MB}`);
      expect((await feed.arrayBuffer()).byteLength).toBe(2 * MB);
    } finally {
      await t.close();
    }
  });

  it('gives feeds 16 MiB and APIs 4 MiB when nothing is configured', async () => {
    const t = await createTestContext({ env: { OUTBOUND_ALLOWLIST: allowlist() } });
    try {
      expect(t.deps.outbound.policy).toMatchObject({ maxBytes: 4 * MB, feedMaxBytes: 16 * MB });
      expect([DEFAULT_MAX_BYTES, DEFAULT_FEED_MAX_BYTES]).toEqual([4 * MB, 16 * MB]);
    } finally {
      await t.close();
    }
  });

  it('fails a feed poll on an endless answer with "answer larger than", from OUTBOUND_FEED_MAX_BYTES', async () => {
    const t = await createTestContext({
      env: { OUTBOUND_ALLOWLIST: allowlist(), OUTBOUND_FEED_MAX_BYTES: String(2 * MB) },
    });
    try {
      const ws = await t.seedWorkspace('Flood Co');
      const id = (
        await t.request('POST', '/api/v1/sources', {
          token: ws.token,
          body: { platform: 'rss', name: 'Feed', config: { feedUrl: `${base}/big` } },
        })
      ).json.id;
      const poll = await t.request('POST', `/api/v1/sources/${id}/poll`, { token: ws.token });
      expect(poll.json).toMatchObject({
        status: 'failed',
        error: `Could not reach the feed at ${base}/big: answer larger than 2 MiB`,
      });
      await streamed!.closed;
      expect(streamed!.sent).toBeLessThan(2 * MB + 16 * MB);
    } finally {
      await t.close();
    }
  });

  it('caps X answers too, although twitter-api-v2 reads through node:http', async () => {
    const t = await createTestContext({ env: { OUTBOUND_ALLOWLIST: allowlist(), OUTBOUND_MAX_BYTES: String(2 * MB) } });
    try {
      const ws = await t.seedWorkspace('Flood X');
      await t.request('POST', '/api/v1/topics', {
        token: ws.token,
        body: { name: 'Acme', kind: 'brand', query: 'acme' },
      });
      const id = (
        await t.request('POST', '/api/v1/sources', {
          token: ws.token,
          body: { platform: 'x', name: 'X', config: { baseUrl: `${base}/` }, credentials: { bearerToken: 't' } },
        })
      ).json.id;
      const poll = await t.request('POST', `/api/v1/sources/${id}/poll`, { token: ws.token });
      expect(poll.json).toMatchObject({ status: 'failed', error: 'Could not read X: answer larger than 2 MiB' });
      await streamed!.closed;
      expect(streamed!.sent).toBeLessThan(2 * MB + 16 * MB);
    } finally {
      await t.close();
    }
  });
});

describe('compression', () => {
  it.each(Object.keys(ENCODED))('asks for compression and decodes a %s answer', async (coding) => {
    const res = await guard().fetch(`${base}/encoded/${encodeURIComponent(coding)}`);
    expect(seenByServer[0]!['accept-encoding']).toBe('gzip, deflate, br');
    expect(await res.text()).toBe(TEXT);
    // What is handed on is the decoded body: the wire's coding and length no longer describe it.
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(res.headers.get('content-length')).toBeNull();
  });

  it("leaves a caller's own Accept-Encoding alone", async () => {
    await (await guard().fetch(`${base}/chain/0`, { headers: { 'accept-encoding': 'identity' } })).text();
    expect(seenByServer[0]!['accept-encoding']).toBe('identity');
  });

  it('refuses a gzip bomb by its decoded size: 32 KB on the wire, more than the cap once inflated', async () => {
    expect(BOMB.length).toBeLessThan(DEFAULT_MAX_BYTES / 16);
    const res = await guard().fetch(`${base}/bomb`);
    const err = await res.arrayBuffer().catch((e) => e);
    expect(err).toBeInstanceOf(OutboundError);
    expect(err.message).toBe('answer larger than 4 MiB');
  });

  it('refuses the bomb as a feed too, at the feed cap', async () => {
    const err = await guard()
      .fetchFeed(`${base}/bomb`)
      .then((r) => r.text())
      .catch((e) => e);
    expect(err).toBeInstanceOf(OutboundError);
    expect(err.message).toBe('answer larger than 16 MiB');
  });
});

describe('answers without a body', () => {
  it('answers HEAD, 204 and 304 with their headers and an empty body, and the connection serves on', async () => {
    const http = guard();
    const head = await http.fetch(`${base}/encoded/gzip`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    for (const code of [204, 304]) {
      const res = await http.fetch(`${base}/status/${code}`);
      expect([res.status, res.headers.get('etag'), await res.text()]).toEqual([code, '"v1"', '']);
    }
    expect(await (await http.fetch(`${base}/chain/0`)).text()).toBe('end of the chain');
  });
});
