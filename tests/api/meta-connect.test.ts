import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facebookConnector } from '../../src/connectors/meta/facebook.connector';
import { instagramConnector } from '../../src/connectors/meta/instagram.connector';
import { threadsConnector } from '../../src/connectors/meta/threads.connector';
import { createApiKey } from '../../src/accounts/api-keys.service';
import { pollSource, sources, tendTokens, warnExpiringTokens } from '../../src/sources';
import { type FakeMetaGraph, startFakeMetaGraph } from '../fakes/meta-graph-server';
import { type FakeThreads, startFakeThreads } from '../fakes/threads-server';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

/**
 * Connect with Facebook and Threads against the fakes' sign-in (dialog, token endpoint, /me/accounts,
 * /debug_token): the state ties Meta's answer to the person who started, tokens are exchanged for
 * long-lived ones, the picked Pages and Instagram accounts become sources, and a reconnect gives an
 * existing source its new token.
 */
let t: TestContext;
let graph: FakeMetaGraph;
let threads: FakeThreads;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
type Who = { cookie: string; csrf: string };
let owner: Who;
let admin: Who;
const FORM = 'application/x-www-form-urlencoded';

async function browserLogin(email: string): Promise<Who> {
  const res = await t.request('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } });
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: res.json.csrfToken as string };
}

const get = async (who: Who, path: string) => {
  const res = await t.app.request(path, { headers: { cookie: who.cookie } });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};
const post = async (who: Who, path: string, fields: [string, string][] = []) => {
  const res = await t.app.request(path, {
    method: 'POST',
    headers: { cookie: who.cookie, 'content-type': FORM },
    body: new URLSearchParams([['_csrf', who.csrf], ...fields]).toString(),
  });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};

/** What a browser does on Meta's dialog: open it and press Continue (or Cancel); where Meta sends it back. */
async function throughDialog(dialogUrl: string, decision: 'continue' | 'cancel' = 'continue') {
  const url = new URL(dialogUrl);
  url.searchParams.set('decision', decision);
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const back = new URL(res.headers.get('location')!);
  return `${back.pathname}${back.search}`;
}

async function connectFacebook(who: Who) {
  const start = await post(who, '/settings/sources/connect/facebook');
  expect(start.status).toBe(303);
  const callback = await get(who, await throughDialog(start.location!));
  return { start, callback };
}

const sourcesOf = async () =>
  (await t.request('GET', '/api/v1/sources', { token: ws.token })).json.items as {
    id: string;
    platform: string;
    name: string;
    status: string;
    config: Record<string, unknown>;
    token: { expiresAt: string | null; scopes: string[] | null } | null;
  }[];

const bare = (url: string) => url.replace(/\/$/, '');

beforeAll(async () => {
  graph = await startFakeMetaGraph();
  threads = await startFakeThreads();
  t = await createTestContext({
    env: {
      META_APP_ID: graph.appId,
      META_APP_SECRET: graph.appSecret,
      META_GRAPH_URL: graph.url,
      META_DIALOG_URL: `${bare(graph.url)}/v24.0/dialog/oauth`,
      META_THREADS_APP_ID: threads.appId,
      META_THREADS_APP_SECRET: threads.appSecret,
      META_THREADS_GRAPH_URL: threads.url,
      META_THREADS_AUTHORIZE_URL: `${bare(threads.url)}/oauth/authorize`,
    },
    connectors: { facebook: facebookConnector, instagram: instagramConnector, threads: threadsConnector },
  });
  ws = await t.seedWorkspace('Connect');
  await t.seedUser(ws.workspace.id, 'admin', 'admin@connect.test');
  owner = await browserLogin('owner@connect.test');
  admin = await browserLogin('admin@connect.test');
});
afterAll(async () => {
  await t.close();
  await graph.close();
  await threads.close();
});

describe('Connect with Facebook', () => {
  it('sends the admin to Meta with our client id, the permissions, the way back and a fresh state', async () => {
    const a = await post(owner, '/settings/sources/connect/facebook');
    const b = await post(owner, '/settings/sources/connect/facebook');
    const url = new URL(a.location!);
    expect(`${url.origin}${url.pathname}`).toBe(`${bare(graph.url)}/v24.0/dialog/oauth`);
    expect(url.searchParams.get('client_id')).toBe(graph.appId);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('redirect_uri')).toBe('http://localhost/settings/sources/connect/facebook/callback');
    expect(url.searchParams.get('scope')!.split(',')).toEqual(
      expect.arrayContaining(['pages_show_list', 'pages_manage_engagement', 'instagram_manage_comments']),
    );
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(new URL(b.location!).searchParams.get('state')).not.toBe(url.searchParams.get('state'));
  });

  it('adds the picked Page and its Instagram account with long-lived tokens, scopes and expiry', async () => {
    const page = graph.addPage({ name: 'Acme Bikes' });
    const ig = graph.addIgUser({ username: 'acmebikes', pageId: page.id });
    graph.addPage({ name: 'Somebody Else', managerId: '999' });
    const { callback } = await connectFacebook(owner);
    expect(callback.status).toBe(303);
    const picker = await get(owner, callback.location!);
    expect(picker.status).toBe(200);
    expect(picker.html).toContain('Acme Bikes');
    expect(picker.html).toContain('@acmebikes');
    // Only the Pages this person manages are offered.
    expect(picker.html).not.toContain('Somebody Else');
    const grants = graph.oauth.exchanges.map((e) => e.grant);
    expect(grants).toEqual(['authorization_code', 'exchange']);

    const added = await post(owner, callback.location!, [
      ['pages', page.id],
      ['instagram', ig.id],
    ]);
    expect(added.status).toBe(200);
    expect(added.html).toContain('2 added');
    const mine = (await sourcesOf()).filter((s) => s.config.pageId === page.id || s.config.igUserId === ig.id);
    expect(mine.map((s) => [s.platform, s.name]).sort()).toEqual([
      ['facebook', 'Acme Bikes'],
      ['instagram', '@acmebikes'],
    ]);
    for (const s of mine) {
      expect(s.token?.scopes).toEqual(expect.arrayContaining(['pages_read_engagement', 'instagram_basic']));
      // The earlier of the user token's end (60 days) and its data access's (90 days, per /debug_token).
      const days = (Date.parse(s.token!.expiresAt!) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(59);
      expect(days).toBeLessThan(61);
    }
    // The Page's feed webhooks are subscribed for the app.
    expect(graph.subscribedApps.get(page.id)).toBe('feed');
    // The Page token works: the source polls its feed.
    graph.addPost({ pageId: page.id, message: 'Hello Acme', from: { id: '5', name: 'Eva' } });
    const fb = mine.find((s) => s.platform === 'facebook')!;
    expect(await pollSource(t.deps, fb.id, { force: true })).toMatchObject({ status: 'ok', inserted: 1 });
    // The picker cannot be used twice.
    expect((await post(owner, callback.location!, [['pages', page.id]])).status).toBe(422);
  });

  it('refuses a way back whose state is not one this person started, before any token request', async () => {
    const start = await post(owner, '/settings/sources/connect/facebook');
    const back = await throughDialog(start.location!);
    const before = graph.oauth.exchanges.length;
    // Someone else's browser (another admin of the workspace) cannot finish it.
    const other = await get(admin, back);
    expect(other.status).toBe(422);
    expect(other.html).toContain('CONNECT_EXPIRED');
    // An API key is nobody's browser: it is sent to sign in, and nothing is exchanged.
    const { key } = await createApiKey(t.db, ws.actor, { name: 'connect key', role: 'admin' });
    const byKey = await t.app.request(back, { headers: { authorization: `Bearer ${key}` } });
    expect(byKey.status).toBe(303);
    expect(byKey.headers.get('location')).toMatch(/^\/login\?next=/);
    // A state that was never handed out.
    const forged = await get(owner, back.replace(/state=[^&]+/, 'state=forged-state-forged-state'));
    expect(forged.status).toBe(422);
    expect(graph.oauth.exchanges.length).toBe(before);
    // The owner's own way back works once; a replay of it is refused.
    expect((await get(owner, back)).status).toBe(303);
    const replay = await get(owner, back);
    expect(replay.status).toBe(422);
    expect(graph.oauth.exchanges.length).toBe(before + 2);
  });

  it('says so, with a way to try again, when the person cancels on the dialog', async () => {
    const start = await post(owner, '/settings/sources/connect/facebook');
    const back = await throughDialog(start.location!, 'cancel');
    const page = await get(owner, back);
    expect(page.status).toBe(422);
    expect(page.html).toContain('Facebook did not grant access');
    expect(page.html).toContain('CONNECT_REFUSED');
    expect(page.html).toContain('Try again');
  });

  it('gives a failing source its new token on reconnect: same source, cursor kept, nothing doubled', async () => {
    const page = graph.addPage({ name: 'Reconnect GmbH' });
    const first = graph.addPost({ pageId: page.id, message: 'first', from: { id: '6', name: 'F' } });
    let { callback } = await connectFacebook(owner);
    await post(owner, callback.location!, [['pages', page.id]]);
    const source = (await sourcesOf()).find((s) => s.config.pageId === page.id)!;
    expect(await pollSource(t.deps, source.id, { force: true })).toMatchObject({ status: 'ok', inserted: 1 });
    graph.revoked.set(page.token, 460);
    expect(await pollSource(t.deps, source.id, { force: true })).toMatchObject({ status: 'failed', kind: 'auth' });
    const failing = await get(owner, `/settings/sources/${source.id}`);
    expect(failing.html).toContain('Reconnect with Facebook');

    // Meta hands out a new Page token after the person signs in again.
    graph.revoked.delete(page.token);
    page.token = 'EAAPageAfterReconnect';
    const second = graph.addPost({ pageId: page.id, message: 'second', from: { id: '7', name: 'S' } });
    ({ callback } = await connectFacebook(owner));
    const done = await post(owner, callback.location!, [['pages', page.id]]);
    expect(done.html).toContain('1 reconnected');
    const after = (await sourcesOf()).filter((s) => s.config.pageId === page.id);
    expect(after.map((s) => [s.id, s.status])).toEqual([[source.id, 'ok']]);
    expect(await pollSource(t.deps, source.id, { force: true })).toMatchObject({ status: 'ok', inserted: 1 });
    const stored = await t.request('GET', '/api/v1/mentions?platform=facebook&limit=100', { token: ws.token });
    const ids = (stored.json.items as { externalId: string }[]).map((m) => m.externalId);
    expect(ids.filter((id) => id === first.id || id === second.id).sort()).toEqual([first.id, second.id].sort());
  });

  it('is refused for staff without settings rights, and explains when the app is not set up', async () => {
    await t.seedUser(ws.workspace.id, 'agent', 'agent@connect.test');
    const agent = await browserLogin('agent@connect.test');
    expect((await post(agent, '/settings/sources/connect/facebook')).status).toBe(403);

    const plain = await createTestContext({ connectors: { facebook: facebookConnector } });
    try {
      await plain.seedWorkspace('Bare');
      const res = await plain.app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'owner@bare.test', password: PASSWORD }),
      });
      const who = { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: (await res.json()).csrfToken };
      const list = await plain.app.request('/settings/sources', { headers: { cookie: who.cookie } });
      expect(await list.text()).not.toContain('Connect with Facebook');
      const started = await plain.app.request('/settings/sources/connect/facebook', {
        method: 'POST',
        headers: { cookie: who.cookie, 'content-type': FORM },
        body: new URLSearchParams({ _csrf: who.csrf }).toString(),
      });
      expect(started.status).toBe(404);
      expect(await started.text()).toContain('META_APP_ID');
    } finally {
      await plain.close();
    }
  });
});

describe('Connect Threads', () => {
  it("adds the profile from Threads' own sign-in with a 60-day token", async () => {
    const user = threads.addUser({ username: 'acme.threads' });
    threads.oauth.signedIn = { id: user.id, name: user.username };
    const start = await post(owner, '/settings/sources/connect/threads');
    const url = new URL(start.location!);
    expect(`${url.origin}${url.pathname}`).toBe(`${bare(threads.url)}/oauth/authorize`);
    expect(url.searchParams.get('scope')!.split(',')).toEqual(
      expect.arrayContaining(['threads_basic', 'threads_read_replies', 'threads_manage_replies']),
    );
    const done = await get(owner, await throughDialog(start.location!));
    expect(done.status).toBe(303);
    const source = (await sourcesOf()).find((s) => s.platform === 'threads' && s.config.threadsUserId === user.id)!;
    expect(done.location).toBe(`/settings/sources/${source.id}`);
    expect(source.name).toBe('@acme.threads');
    const days = (Date.parse(source.token!.expiresAt!) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(60);
    threads.addPost({ author: { username: 'mia' }, text: 'hey @acme.threads, where is my order?' });
    expect(await pollSource(t.deps, source.id, { force: true })).toMatchObject({ status: 'ok', inserted: 1 });

    // Nine days before it ends, the hourly round renews it without anybody (Threads allows that); nobody is
    // warned, and the source goes on with the new token (the old one is retired by the fake).
    const inNineDays = new Date(Date.now() + 9 * 86_400_000);
    await t.db.update(sources).set({ tokenExpiresAt: inNineDays }).where(eq(sources.id, source.id));
    expect(await tendTokens(t.deps, new Date())).toMatchObject({ refreshed: 1 });
    const renewed = (await sourcesOf()).find((s) => s.id === source.id)!;
    expect(Math.round((Date.parse(renewed.token!.expiresAt!) - Date.now()) / 86_400_000)).toBe(60);
    expect(threads.oauth.exchanges.at(-1)?.grant).toBe('refresh');
    threads.addPost({ author: { username: 'ole' }, text: '@acme.threads thanks, it arrived' });
    expect(await pollSource(t.deps, source.id, { force: true })).toMatchObject({ status: 'ok', inserted: 1 });
  });
});

describe('Token expiry', () => {
  it("tells the workspace's admins once, 7 days before a token ends, and again after a reconnect", async () => {
    const page = graph.addPage({ name: 'Expiring Page' });
    graph.dataAccessSeconds = 3 * 86_400;
    let { callback } = await connectFacebook(owner);
    await post(owner, callback.location!, [['pages', page.id]]);
    const now = new Date();
    expect((await warnExpiringTokens(t.deps, now)).warned).toBeGreaterThanOrEqual(1);
    expect((await warnExpiringTokens(t.deps, now)).warned).toBe(0);
    await t.deps.events.idle();
    const notes = async () =>
      ((await t.request('GET', '/api/v1/notifications', { token: ws.token })).json.items as { text: string }[]).filter(
        (n) => n.text.includes('"Expiring Page" needs reconnecting soon'),
      );
    expect(await notes()).toEqual([
      expect.objectContaining({ text: expect.stringMatching(/its access ends on \d{4}-\d{2}-\d{2}: reconnect it/) }),
    ]);

    ({ callback } = await connectFacebook(owner));
    await post(owner, callback.location!, [['pages', page.id]]);
    const [row] = await t.db.select().from(sources).where(eq(sources.name, 'Expiring Page'));
    expect(row!.expiryWarnedAt).toBeNull();
    expect((await warnExpiringTokens(t.deps, now)).warned).toBe(1);
    graph.dataAccessSeconds = 90 * 86_400;
  });
});
