import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeOutbound, OutboundError, parseAllowlist, strictPolicy } from '../../src/http/outbound';
import { checkSpikes } from '../../src/reports/spikes';
import { sendWeeklyDigests } from '../../src/reports/digest';
import { alerts, alertSettings } from '../../src/reports/schema';
import { sources } from '../../src/sources/schema';
import { topics } from '../../src/topics/schema';
import { type CountingListener, INTERNAL_SECRET, startCountingListener } from '../fakes/counting-listener';
import { createTestContext, type TestContext } from '../helpers/test-app';

/**
 * Server-side request forgery: an admin (or anyone who gets to set an address) must not be able to
 * make the app call into its own network. A local listener stands in for the internal service;
 * whatever form the address takes, the listener must see no connection at all.
 */
let listener: CountingListener;
let t: TestContext;
let token: string;
let workspaceId: string;

const NOW = new Date('2026-12-06T10:00:00Z');

beforeAll(async () => {
  listener = await startCountingListener();
  // The production guard: no allowlist at all.
  t = await createTestContext({ clock: () => NOW, env: { OUTBOUND_ALLOWLIST: '' } });
  const ws = await t.seedWorkspace('Forge Co');
  token = ws.token;
  workspaceId = ws.workspace.id;
  // Connectors that search need something to search for before they make any call.
  await t.request('POST', '/api/v1/topics', { token, body: { name: 'Acme', kind: 'brand', query: 'acme #acme' } });
});
afterAll(async () => {
  await t.close();
  await listener.close();
});

let before = 0;
beforeEach(() => {
  before = listener.connections;
});
const reachedListener = () => listener.connections - before;

/** Every way of writing "this machine" or "the cloud's metadata service" the issue lists. */
const forms = (port: number): [string, RegExp][] => [
  [`http://127.0.0.1:${port}/`, /^refused: loopback address \(127\.0\.0\.1\)$/],
  [`http://localhost:${port}/`, /^refused: internal host name \(localhost\)$/],
  [`http://[::1]:${port}/`, /^refused: loopback address \(::1\)$/],
  [`http://0.0.0.0:${port}/`, /^refused: unspecified address \(0\.0\.0\.0\)$/],
  [`http://2130706433:${port}/`, /^refused: loopback address \(127\.0\.0\.1\)$/],
  [`http://0x7f.1:${port}/`, /^refused: loopback address \(127\.0\.0\.1\)$/],
  [`http://0177.0.0.1:${port}/`, /^refused: loopback address \(127\.0\.0\.1\)$/],
  [`http://[::ffff:127.0.0.1]:${port}/`, /^refused: loopback address \(127\.0\.0\.1\)$/],
  ['http://127.0.0.1:5432/', /^refused: loopback address \(127\.0\.0\.1\)$/],
  ['http://169.254.169.254/latest/meta-data/iam/', /^refused: cloud metadata address \(169\.254\.169\.254\)$/],
  [
    'http://metadata.google.internal/computeMetadata/v1/',
    /^refused: internal host name \(metadata\.google\.internal\)$/,
  ],
  ['http://10.0.0.1/', /^refused: private address \(10\.0\.0\.1\)$/],
  ['file:///etc/passwd', /^refused: only http and https addresses \(file:\)$/],
  [`gopher://127.0.0.1:${port}/_SET%20a%20b`, /^refused: only http and https addresses \(gopher:\)$/],
  ['data:text/plain,hello', /^refused: only http and https addresses \(data:\)$/],
];

describe('the outbound guard, with no allowlist', () => {
  const guard = createNodeOutbound(strictPolicy());

  it('refuses every loopback, private, metadata and non-http form before connecting', async () => {
    for (const [url, reason] of forms(listener.port)) {
      const err = await guard.fetch(url).catch((e) => e);
      expect(err, url).toBeInstanceOf(OutboundError);
      expect(err.message, url).toMatch(reason);
    }
    expect(reachedListener()).toBe(0);
  });

  it('refuses a public-looking name that resolves to this machine, and connects to no address of it', async () => {
    const rebinding = createNodeOutbound(strictPolicy(), {
      resolve: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    const err = await rebinding.fetch(`http://feeds.example.com:${listener.port}/`).catch((e) => e);
    expect(err.message).toBe('refused: loopback address (127.0.0.1)');
    expect(reachedListener()).toBe(0);
  });

  it('refuses a name when any one of its addresses is internal', async () => {
    const mixed = createNodeOutbound(strictPolicy(), {
      resolve: async () => [
        { address: '93.184.216.34', family: 4 },
        { address: '::1', family: 6 },
      ],
    });
    expect((await mixed.fetch(`http://mixed.example.com:${listener.port}/`).catch((e) => e)).message).toBe(
      'refused: loopback address (::1)',
    );
    expect(reachedListener()).toBe(0);
  });

  it('connects to the very address it checked: an allowlisted name reaches what the lookup returned', async () => {
    // No real DNS knows this name: reaching the listener proves the socket used the checked answer.
    const named = createNodeOutbound(
      { allow: parseAllowlist(`fake-api.example:${listener.port}`), maxBytes: 1024 * 1024 },
      { resolve: async () => [{ address: '127.0.0.1', family: 4 }] },
    );
    const res = await named.fetch(`http://fake-api.example:${listener.port}/`);
    expect(res.status).toBe(500);
    expect(reachedListener()).toBe(1);
    // The same name on another port is not allowlisted.
    expect((await named.fetch(`http://fake-api.example:${listener.port + 1}/`).catch((e) => e)).message).toBe(
      'refused: loopback address (127.0.0.1)',
    );
  });
});

describe('addresses saved through the API', () => {
  it('refuses every internal form as a feed address or an API address, with the reason', async () => {
    for (const [url, reason] of forms(listener.port)) {
      const rss = await t.request('POST', '/api/v1/sources', {
        token,
        body: { platform: 'rss', name: 'Feed', config: { feedUrl: url } },
      });
      expect(rss.status, url).toBe(422);
      const x = await t.request('POST', '/api/v1/sources', {
        token,
        body: { platform: 'x', name: 'X', config: { baseUrl: url }, credentials: { bearerToken: 'tkn' } },
      });
      expect(x.status, url).toBe(422);
      expect(x.json.error.message, url).toMatch(new RegExp(`^config\\.baseUrl: ${reason.source.slice(1)}`));
    }
    const source = await t.request('POST', '/api/v1/sources', {
      token,
      body: { platform: 'rss', name: 'Feed', config: { feedUrl: 'https://feeds.example.com/rss' } },
    });
    expect(source.status).toBe(201);
    const moved = await t.request('PATCH', `/api/v1/sources/${source.json.id}`, {
      token,
      body: { config: { feedUrl: `http://[::1]:${listener.port}/` } },
    });
    expect(moved.status).toBe(422);
    expect(moved.json.error.message).toBe('config.feedUrl: refused: loopback address (::1)');
    expect(reachedListener()).toBe(0);
  });

  it('refuses an internal alert webhook', async () => {
    const res = await t.request('PUT', '/api/v1/reports/alert-settings', {
      token,
      body: { webhookUrl: `http://127.0.0.1:${listener.port}/hook`, webhookSecret: 'a-secret-of-16-chars' },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.message).toBe('webhookUrl: refused: loopback address (127.0.0.1)');
  });
});

describe('addresses stored before the guard existed', () => {
  const here = () => `http://127.0.0.1:${listener.port}/`;
  const platforms: [string, () => Record<string, unknown>, Record<string, unknown>][] = [
    ['x', () => ({ baseUrl: here() }), { bearerToken: 'tkn' }],
    ['mastodon', () => ({ baseUrl: here() }), { accessToken: 'tkn' }],
    ['bluesky', () => ({ baseUrl: here() }), { identifier: 'acme.bsky.social', appPassword: 'app-pass' }],
    ['reddit', () => ({ baseUrl: here(), authBaseUrl: here() }), { clientId: 'id', clientSecret: 'secret' }],
    ['hackernews', () => ({ baseUrl: here() }), {}],
    ['rss', () => ({ feedUrl: `${here()}feed.xml` }), { username: 'ana', password: 'pw' }],
  ];

  it.each(platforms)(
    '%s: polling and verifying are refused in our words, and nothing reaches the address',
    async (platform, config, creds) => {
      const id = crypto.randomUUID();
      await t.db.insert(sources).values({
        id,
        workspaceId,
        platform: platform as 'x',
        name: `old ${platform}`,
        config: config(),
        credentialsEnc: Object.keys(creds).length ? await t.deps.credentials.seal(id, creds) : null,
      });
      const poll = await t.request('POST', `/api/v1/sources/${id}/poll`, { token });
      expect(poll.json).toMatchObject({ status: 'failed' });
      expect(poll.json.error).toMatch(/: refused: loopback address \(127\.0\.0\.1\)$/);
      const verify = await t.request('POST', `/api/v1/sources/${id}/verify`, { token });
      expect(verify.json).toMatchObject({ ok: false });
      expect(verify.json.message).toMatch(/refused: loopback address \(127\.0\.0\.1\)/);
      const stored = await t.request('GET', `/api/v1/sources/${id}`, { token });
      expect(stored.json.lastError).toMatch(/refused: loopback address/);
      expect(reachedListener()).toBe(0);
    },
  );

  it('records a refused spike webhook as such, and the weekly digest does not call it either', async () => {
    const [topic] = await t.db.select().from(topics).limit(1);
    await t.db.insert(alertSettings).values({
      workspaceId,
      webhookUrl: `http://0x7f.1:${listener.port}/hook`,
      webhookSecretEnc: await t.deps.credentials.seal(`alerts:${workspaceId}`, { secret: 'a-secret-of-16-chars' }),
    });
    const [alert] = await t.db
      .insert(alerts)
      .values({
        workspaceId,
        topicId: topic!.id,
        reasons: ['volume'],
        windowStart: NOW,
        windowEnd: NOW,
        volume: 50,
        baselineVolume: 1,
        negativeShare: 0,
        baselineNegativeShare: 0,
        mentionIds: [],
        webhookStatus: 'pending',
      })
      .returning();
    expect(await checkSpikes(t.deps)).toMatchObject({ webhooksSent: 0, webhooksFailed: 1 });
    const [after] = await t.db.select().from(alerts).where(eq(alerts.id, alert!.id));
    expect(after).toMatchObject({ webhookStatus: 'failed', webhookError: 'refused: loopback address (127.0.0.1)' });
    expect(await sendWeeklyDigests(t.deps)).toMatchObject({ webhooks: 0 });
    expect(reachedListener()).toBe(0);
  });
});

describe('what an allowed address answers is not repeated', () => {
  it('reports a reachable service by status alone, never its body; a closed port as "could not connect"', async () => {
    const allowed = await createTestContext({ env: { OUTBOUND_ALLOWLIST: `127.0.0.1:${listener.port}` } });
    try {
      const ws = await allowed.seedWorkspace('Echo Co');
      await allowed.request('POST', '/api/v1/topics', {
        token: ws.token,
        body: { name: 'Acme', kind: 'brand', query: 'acme' },
      });
      const make = async (platform: string, config: Record<string, unknown>, credentials?: Record<string, unknown>) =>
        (
          await allowed.request('POST', '/api/v1/sources', {
            token: ws.token,
            body: { platform, name: platform, config, ...(credentials ? { credentials } : {}) },
          })
        ).json.id as string;
      const base = `http://127.0.0.1:${listener.port}/`;
      const ids = [
        await make('hackernews', { baseUrl: base }),
        await make('mastodon', { baseUrl: base }, { accessToken: 't' }),
        await make('x', { baseUrl: base }, { bearerToken: 't' }),
        await make('reddit', { baseUrl: base, authBaseUrl: base }, { clientId: 'i', clientSecret: 's' }),
        await make('bluesky', { baseUrl: base }, { identifier: 'a.bsky.social', appPassword: 'p' }),
        await make('rss', { feedUrl: `${base}feed` }),
      ];
      for (const id of ids) {
        const poll = await allowed.request('POST', `/api/v1/sources/${id}/poll`, { token: ws.token });
        expect(poll.json.status).toBe('failed');
        expect(poll.json.error, id).toMatch(/HTTP 500/);
        expect(poll.json.error).not.toContain(INTERNAL_SECRET);
      }
      // A port nothing listens on (allowlisted, so only the network decides).
      const closed = await createTestContext({ env: { OUTBOUND_ALLOWLIST: '127.0.0.1:1' } });
      try {
        const ws2 = await closed.seedWorkspace('Closed Co');
        const id = (
          await closed.request('POST', '/api/v1/sources', {
            token: ws2.token,
            body: { platform: 'rss', name: 'f', config: { feedUrl: 'http://127.0.0.1:1/feed' } },
          })
        ).json.id;
        expect((await closed.request('POST', `/api/v1/sources/${id}/poll`, { token: ws2.token })).json.error).toBe(
          'Could not reach the feed at http://127.0.0.1:1/feed: could not connect',
        );
      } finally {
        await closed.close();
      }
    } finally {
      await allowed.close();
    }
  });
});
