import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facebookConnector } from '../../src/connectors/meta/facebook.connector';
import { instagramConnector } from '../../src/connectors/meta/instagram.connector';
import { threadsConnector } from '../../src/connectors/meta/threads.connector';
import { pollSource } from '../../src/sources';
import { type FakeMetaGraph, startFakeMetaGraph } from '../fakes/meta-graph-server';
import { type FakeThreads, startFakeThreads } from '../fakes/threads-server';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let graph: FakeMetaGraph;
let threads: FakeThreads;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;

beforeAll(async () => {
  graph = await startFakeMetaGraph();
  threads = await startFakeThreads();
  t = await createTestContext({
    connectors: { facebook: facebookConnector, instagram: instagramConnector, threads: threadsConnector },
  });
  ws = await t.seedWorkspace('Meta sources');
});
afterAll(async () => {
  await t.close();
  await graph.close();
  await threads.close();
});

async function addSource(body: Record<string, unknown>) {
  const res = await t.request('POST', '/api/v1/sources', { token: ws.token, body });
  expect(res.status).toBe(201);
  return res.json.id as string;
}

async function mentionsOf(platform: string) {
  const res = await t.request('GET', `/api/v1/mentions?platform=${platform}&limit=100`, { token: ws.token });
  return res.json.items as { externalId: string; text: string; topics: { name: string }[] }[];
}

describe('Instagram and Threads sources, polled through the one flow', () => {
  it('stores an Instagram tag and a hashtag post, and a Threads search result, each with its topics', async () => {
    const topic = await t.request('POST', '/api/v1/topics', {
      token: ws.token,
      body: { name: 'Acme boots', kind: 'product', query: 'acmeboots OR #acmeboots' },
    });
    expect(topic.status).toBe(201);

    const page = graph.addPage({ name: 'Acme' });
    const account = graph.addIgUser({ username: 'acme', pageId: page.id });
    // An hour old: inside the first sweep's day, and inside the 24 hours Instagram's hashtag search covers.
    const timestamp = Math.floor(Date.now() / 1000) - 3600;
    const tagged = graph.addIgMedia({ ownerId: '90', caption: 'My acmeboots', taggedIds: [account.id], timestamp });
    const hashtag = graph.addIgMedia({ ownerId: '91', username: 'jo', caption: 'Puddles! #acmeboots', timestamp });
    const ig = await addSource({
      platform: 'instagram',
      name: 'Acme on Instagram',
      config: { igUserId: account.id, baseUrl: graph.url },
      credentials: { accessToken: page.token },
    });
    expect(await pollSource(t.deps, ig, { force: true })).toMatchObject({ status: 'ok', inserted: 2 });
    const igMentions = await mentionsOf('instagram');
    expect(igMentions.map((m) => m.externalId).sort()).toEqual([tagged.id, hashtag.id].sort());
    expect(igMentions.every((m) => m.topics.some((x) => x.name === 'Acme boots'))).toBe(true);
    // The source's page says which of the topics' hashtags are searched, against Meta's 30 in 7 days.
    const sourcePage = await (
      await t.app.request(`/settings/sources/${ig}`, { headers: { authorization: `Bearer ${ws.token}` } })
    ).text();
    expect(sourcePage).toContain('1 of 30 different hashtags searched in the last 7 days');
    expect(sourcePage).toMatch(/Acme boots<\/strong>:\s*#acmeboots\s*<span[^>]*>\(searched\)/);

    const me = threads.addUser({ username: 'acme' });
    const found = threads.addPost({ author: { username: 'lea' }, text: 'Finally got my acmeboots', timestamp });
    const th = await addSource({
      platform: 'threads',
      name: 'Acme on Threads',
      config: { threadsUserId: me.id, baseUrl: threads.url },
      credentials: { accessToken: me.token },
    });
    expect(await pollSource(t.deps, th, { force: true })).toMatchObject({ status: 'ok', inserted: 1 });
    const threadsMentions = await mentionsOf('threads');
    expect(threadsMentions).toMatchObject([{ externalId: found.id, topics: [{ name: 'Acme boots' }] }]);
    expect(threads.requests.find((r) => r.path.endsWith('/keyword_search'))!.query.get('q')).toBe('acmeboots');
  });

  it('turns a Page source failing with "reconnect" on code 190; new credentials resume from its cursor', async () => {
    const page = graph.addPage({ name: 'Acme Page' });
    graph.ratingsDeprecated = true;
    const first = graph.addPost({
      pageId: page.id,
      message: 'Where is my acmeboots order?',
      from: { id: '1', name: 'A' },
    });
    const id = await addSource({
      platform: 'facebook',
      name: 'Acme on Facebook',
      config: { pageId: page.id, baseUrl: graph.url },
      credentials: { accessToken: page.token },
    });
    expect(await pollSource(t.deps, id, { force: true })).toMatchObject({ status: 'ok', inserted: 1 });

    graph.revoked.set(page.token, 463);
    const second = graph.addPost({ pageId: page.id, message: 'Still no acmeboots?', from: { id: '2', name: 'B' } });
    expect(await pollSource(t.deps, id, { force: true })).toMatchObject({ status: 'failed', kind: 'auth' });
    const failing = await t.request('GET', `/api/v1/sources/${id}`, { token: ws.token });
    expect(failing.json).toMatchObject({ status: 'failing', lastError: expect.stringMatching(/expired.*Reconnect/) });
    // The owner is told once, not at every failed poll after it.
    await pollSource(t.deps, id, { force: true });
    await t.deps.events.idle();
    const notes = (await t.request('GET', '/api/v1/notifications', { token: ws.token })).json.items as {
      text: string;
    }[];
    expect(notes.filter((n) => n.text.includes('"Acme on Facebook" stopped'))).toEqual([
      expect.objectContaining({
        text: expect.stringMatching(/^Facebook source "Acme on Facebook" stopped: .*Reconnect/),
      }),
    ]);

    const fresh = graph.addPage({ id: `${page.id}`, name: page.name, token: 'EAANewToken1' });
    expect(fresh.id).toBe(page.id);
    const patched = await t.request('PATCH', `/api/v1/sources/${id}`, {
      token: ws.token,
      body: { credentials: { accessToken: 'EAANewToken1' } },
    });
    expect(patched.status).toBe(200);
    expect(await pollSource(t.deps, id, { force: true })).toMatchObject({ status: 'ok', inserted: 1 });
    const stored = (await mentionsOf('facebook')).map((m) => m.externalId).sort();
    expect(stored).toEqual([first.id, second.id].sort());
  });

  it('pauses only the throttled source until Meta says access returns (code 32)', async () => {
    const a = graph.addPage({ name: 'Throttled' });
    const b = graph.addPage({ name: 'Fine' });
    const source = (pageId: string, token: string) =>
      addSource({
        platform: 'facebook',
        name: `Page ${pageId}`,
        config: { pageId, baseUrl: graph.url, ratings: false },
        credentials: { accessToken: token },
      });
    const [sa, sb] = [await source(a.id, a.token), await source(b.id, b.token)];
    graph.failNext(32, { etaMinutes: 42, match: new RegExp(`/${a.id}/feed$`) });
    const before = Date.now();
    expect(await pollSource(t.deps, sa, { force: true })).toMatchObject({ status: 'failed', kind: 'rate_limited' });
    expect(await pollSource(t.deps, sb, { force: true })).toMatchObject({ status: 'ok' });
    const throttled = (await t.request('GET', `/api/v1/sources/${sa}`, { token: ws.token })).json;
    const fine = (await t.request('GET', `/api/v1/sources/${sb}`, { token: ws.token })).json;
    const waitMin = (new Date(throttled.nextPollAt).getTime() - before) / 60_000;
    expect(waitMin).toBeGreaterThan(41);
    expect(waitMin).toBeLessThan(44);
    expect(fine.status).toBe('ok');
    expect(new Date(fine.nextPollAt).getTime() - before).toBeLessThan(10 * 60_000);
  });

  it('counts Page ratings in the ratings report beside the board; a negative one opens a conversation', async () => {
    // Graph API versions before v22.0 still answer /ratings (another test here plays a later one).
    graph.ratingsDeprecated = false;
    const page = graph.addPage({ name: 'Rated GmbH' });
    graph.addRating({ pageId: page.id, review_text: 'Great service, fast delivery', recommendation_type: 'positive' });
    graph.addRating({ pageId: page.id, review_text: 'Solid boots', recommendation_type: 'positive', rating: 4 });
    const bad = graph.addRating({
      pageId: page.id,
      review_text: 'Never again, the parcel never came',
      recommendation_type: 'negative',
      reviewer: { id: '4711', name: 'Karl Kunde' },
    });
    const id = await addSource({
      platform: 'facebook',
      name: 'Rated Page',
      config: { pageId: page.id, baseUrl: graph.url },
      credentials: { accessToken: page.token },
    });
    expect(await pollSource(t.deps, id, { force: true })).toMatchObject({ status: 'ok', inserted: 3 });
    // The fake dates its items from an hour ago: yesterday's date just after midnight.
    const from = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const day = new Date().toISOString().slice(0, 10);
    const report = await t.request('GET', `/api/v1/reports/ratings?from=${from}&to=${day}&platform=facebook`, {
      token: ws.token,
    });
    expect(report.json).toMatchObject({
      total: 3,
      average: 4,
      distribution: { 4: 1 },
      recommendations: { positive: 2, negative: 1, positiveShare: 66.7 },
      byPlatform: [{ platform: 'facebook', reviews: 3, rated: 1, average: 4, positive: 2, negative: 1 }],
    });
    // The board's filter leaves the Page's reviews out.
    const board = await t.request('GET', `/api/v1/reports/ratings?from=${from}&to=${day}&platform=community`, {
      token: ws.token,
    });
    expect(board.json).toMatchObject({ total: 0, recommendations: { positive: 0, negative: 0 } });
    const convs = await t.request('GET', '/api/v1/conversations?platform=facebook&limit=100', { token: ws.token });
    const opened = (convs.json.items as { subject: string; sentiment: string | null; author: { name: string } }[])
      .filter((c) => c.author.name === 'Karl Kunde')
      .map((c) => c.subject);
    expect(opened).toEqual(['Does not recommend']);
    // Recommendations that read well stay out of the inbox (counted and listed under Reviews instead).
    const subjects = (convs.json.items as { subject: string }[]).map((c) => c.subject);
    expect(subjects).not.toContain('Recommends');
    expect((await mentionsOf('facebook')).find((m) => m.externalId === `rating:${bad.id}`)?.text).toBe(
      'Never again, the parcel never came',
    );
  });
});
