import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CREDENTIALS_CLEARED_TEXT } from '../../src/sources/views/sources-pages';
import { type FakeRss, startFakeRss } from '../fakes/rss-server';
import { type FakeX, startFakeX } from '../fakes/x-server';
import { formClient } from '../helpers/forms';
import { createTestContext, type TestContext } from '../helpers/test-app';

/**
 * Credentials belong to the host they were entered for. Pointing a source somewhere else (another
 * scheme, host or port in baseUrl, feedUrl or any address of its config) must not hand the stored
 * secret to the new host: the change removes it, says so, and the pages ask for it again.
 */
let t: TestContext;
let token: string;
let feeds: FakeRss;
let elsewhere: FakeRss;
let xHome: FakeX;
let xElsewhere: FakeX;

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const FEED_SECRET = basic('ana', 'feed-secret');

beforeAll(async () => {
  [feeds, elsewhere, xHome, xElsewhere] = await Promise.all([
    startFakeRss(),
    startFakeRss(),
    startFakeX(),
    startFakeX(),
  ]);
  t = await createTestContext();
  token = (await t.seedWorkspace('Creds Co')).token;
  await t.request('POST', '/api/v1/topics', { token, body: { name: 'Acme', kind: 'brand', query: 'acme' } });
});
afterAll(async () => {
  await t.close();
  await Promise.all([feeds.close(), elsewhere.close(), xHome.close(), xElsewhere.close()]);
});
beforeEach(() => {
  for (const s of [feeds, elsewhere, xHome, xElsewhere]) s.requests.length = 0;
});

async function feedSource(path: string) {
  const feedUrl = feeds.addFeed(path, { format: 'rss', basicAuth: { username: 'ana', password: 'feed-secret' } });
  feeds.addItem(path, { guid: `${path}-1`, title: 'acme news', date: new Date() });
  const res = await t.request('POST', '/api/v1/sources', {
    token,
    body: {
      platform: 'rss',
      name: 'Members feed',
      config: { feedUrl },
      credentials: { username: 'ana', password: 'feed-secret' },
    },
  });
  expect(res.status).toBe(201);
  expect((await t.request('POST', `/api/v1/sources/${res.json.id}/poll`, { token })).json.status).toBe('ok');
  expect(feeds.requests.at(-1)!.headers.authorization).toBe(FEED_SECRET);
  return res.json.id as string;
}

const sentAuthorization = (s: FakeRss | FakeX) => s.requests.map((r) => r.headers.authorization).filter(Boolean);

describe('a source whose address moves to another host', () => {
  it('drops an RSS feed’s Basic credentials: the API says so and the new host never sees them', async () => {
    const id = await feedSource('/members.rss');
    const newUrl = elsewhere.addFeed('/members.rss', { format: 'rss' });
    const moved = await t.request('PATCH', `/api/v1/sources/${id}`, { token, body: { config: { feedUrl: newUrl } } });
    expect(moved.status).toBe(200);
    expect(moved.json).toMatchObject({ credentialsCleared: true, hasCredentials: false });
    await t.request('POST', `/api/v1/sources/${id}/poll`, { token });
    expect(elsewhere.requests.length).toBeGreaterThan(0);
    expect(sentAuthorization(elsewhere)).toEqual([]);
    expect((await t.request('GET', `/api/v1/sources/${id}`, { token })).json).toMatchObject({
      credentialsCleared: true,
      hasCredentials: false,
    });
  });

  it('drops an X bearer token: nothing is sent to the new host, and polling asks for the token again', async () => {
    const created = await t.request('POST', '/api/v1/sources', {
      token,
      body: {
        platform: 'x',
        name: 'X',
        config: { baseUrl: xHome.url },
        credentials: { bearerToken: 'x-bearer-secret' },
      },
    });
    expect((await t.request('POST', `/api/v1/sources/${created.json.id}/poll`, { token })).json.status).toBe('ok');
    expect(sentAuthorization(xHome)).toContain('Bearer x-bearer-secret');
    const moved = await t.request('PATCH', `/api/v1/sources/${created.json.id}`, {
      token,
      body: { config: { baseUrl: xElsewhere.url } },
    });
    expect(moved.json).toMatchObject({ credentialsCleared: true, hasCredentials: false });
    const poll = await t.request('POST', `/api/v1/sources/${created.json.id}/poll`, { token });
    expect(poll.json).toMatchObject({
      status: 'failed',
      error: 'The address of this source moved to another host, so its credentials were removed: enter them again.',
    });
    expect((await t.request('POST', `/api/v1/sources/${created.json.id}/verify`, { token })).json).toMatchObject({
      ok: false,
      message: expect.stringMatching(/enter them again/),
    });
    expect(xElsewhere.requests).toHaveLength(0);
  });

  it('drops Reddit credentials when only the token address (authBaseUrl) moves', async () => {
    const created = await t.request('POST', '/api/v1/sources', {
      token,
      body: {
        platform: 'reddit',
        name: 'Reddit',
        config: { baseUrl: elsewhere.url, authBaseUrl: feeds.url },
        credentials: { clientId: 'id', clientSecret: 'reddit-secret' },
      },
    });
    const moved = await t.request('PATCH', `/api/v1/sources/${created.json.id}`, {
      token,
      body: { config: { authBaseUrl: xElsewhere.url } },
    });
    expect(moved.json).toMatchObject({ credentialsCleared: true, hasCredentials: false });
  });

  it('keeps the credentials when the address stays on the same host (another path)', async () => {
    const id = await feedSource('/a.rss');
    feeds.addFeed('/b.rss', { format: 'rss', basicAuth: { username: 'ana', password: 'feed-secret' } });
    const moved = await t.request('PATCH', `/api/v1/sources/${id}`, {
      token,
      body: { config: { feedUrl: `${feeds.url}b.rss` } },
    });
    expect(moved.json).toMatchObject({ credentialsCleared: false, hasCredentials: true });
    expect((await t.request('POST', `/api/v1/sources/${id}/poll`, { token })).json.status).toBe('ok');
    expect(feeds.requests.at(-1)).toMatchObject({ path: '/b.rss', headers: { authorization: FEED_SECRET } });
  });

  it('stores new credentials given with the new address, and the new host gets only those', async () => {
    const id = await feedSource('/c.rss');
    const newUrl = elsewhere.addFeed('/c.rss', {
      format: 'rss',
      basicAuth: { username: 'bo', password: 'new-secret' },
    });
    const moved = await t.request('PATCH', `/api/v1/sources/${id}`, {
      token,
      body: { config: { feedUrl: newUrl }, credentials: { username: 'bo', password: 'new-secret' } },
    });
    expect(moved.json).toMatchObject({ credentialsCleared: false, hasCredentials: true });
    expect((await t.request('POST', `/api/v1/sources/${id}/poll`, { token })).json.status).toBe('ok');
    expect(sentAuthorization(elsewhere)).toEqual([basic('bo', 'new-secret')]);
  });

  it('shows on the source page that the credentials must be entered again, and takes them there', async () => {
    const id = await feedSource('/d.rss');
    const newUrl = elsewhere.addFeed('/d.rss', { format: 'rss', basicAuth: { username: 'ana', password: 'other' } });
    await t.request('PATCH', `/api/v1/sources/${id}`, { token, body: { config: { feedUrl: newUrl } } });
    const browser = formClient(t);
    const owner = await t.browserSession('owner@credsco.test');
    const page = await browser.get(`/settings/sources/${id}`, owner);
    expect(page.html).toContain(CREDENTIALS_CLEARED_TEXT);
    expect(page.html).toContain('Enter the credentials again');
    expect(page.html).toContain(`action="/settings/sources/${id}/credentials"`);
    const saved = await browser.send(
      `/settings/sources/${id}/credentials`,
      { 'credentials.username': 'ana', 'credentials.password': 'other' },
      owner,
    );
    // Tried with the feed first, then the page's own address says so (post/redirect/get).
    expect(saved.status).toBe(303);
    const shown = await browser.get(saved.location!, owner);
    expect(shown.html).toContain('Credentials saved.');
    expect(shown.html).not.toContain(CREDENTIALS_CLEARED_TEXT);
    expect((await t.request('GET', `/api/v1/sources/${id}`, { token })).json).toMatchObject({
      credentialsCleared: false,
      hasCredentials: true,
    });
    expect((await t.request('POST', `/api/v1/sources/${id}/poll`, { token })).json.status).toBe('ok');
    // Once when saved (the check), once by the poll: only ever the credentials typed for this host.
    expect(sentAuthorization(elsewhere)).toEqual([basic('ana', 'other'), basic('ana', 'other')]);
  });
});
