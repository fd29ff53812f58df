import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/actor';
import { mentions } from '../../src/mentions/schema';
import { pollSource } from '../../src/sources/poller';
import { sources } from '../../src/sources/schema';
import { createSource } from '../../src/sources/sources.service';
import { createTopic } from '../../src/topics/topics.service';
import { nextTweetId, startFakeX, type FakeX } from '../fakes/x-server';
import { createTestContext, type TestContext } from '../helpers/test-app';

/**
 * Answers that carry only part of what a mention needs. Before the fix an ids-only answer ended the
 * pass as if nothing were new (the source stayed `ok`, the cursor moved on), a tweet without a date
 * was stored as written at poll time, and odd shapes reached the source page in a library's words
 * ("tweets.map is not a function").
 */
let t: TestContext;
let x: FakeX;
let actor: Actor;
let now = new Date();

beforeAll(async () => {
  x = await startFakeX();
  t = await createTestContext({ clock: () => now });
  const ws = await t.seedWorkspace('Partial answers');
  actor = ws.actor;
  await createTopic(t.db, actor, { name: 'Acme', kind: 'brand', query: 'acme' });
});
afterAll(async () => {
  await t.close();
  await x.close();
});
beforeEach(() => {
  x.tweets.length = 0;
  now = new Date();
});

const newSource = async () =>
  createSource(
    t.deps,
    actor,
    { platform: 'x', name: `X ${Math.random()}`, config: { baseUrl: x.url }, credentials: { bearerToken: 't' } },
    now,
  );
const stored = (sourceId: string) =>
  t.db.select().from(mentions).where(eq(mentions.sourceId, sourceId)).orderBy(mentions.externalId);
const sourceRow = async (id: string) => (await t.db.select().from(sources).where(eq(sources.id, id)))[0]!;
const onSearch = (r: { path: string }) => r.path.includes('/search/recent');
const later = () => (now = new Date(now.getTime() + 2 * 60 * 60_000));

describe('an ids-only answer from X for posts already stored', () => {
  it('leaves their text, raw JSON, author and date untouched; the poll fails without moving the cursor', async () => {
    for (let i = 0; i < 10; i++) x.addTweet({ text: `acme stored post ${i}` }, { username: 'ana', name: 'Ana' });
    const source = await newSource();
    expect(await pollSource(t.deps, source.id, { firstSweepDays: 2 })).toMatchObject({ status: 'ok', inserted: 10 });
    const before = await stored(source.id);
    const cursor = (await sourceRow(source.id)).cursor;

    const ids = before.map((m) => m.externalId);
    later();
    x.fault({
      match: onSearch,
      json: { data: ids.map((id) => ({ id })), meta: { newest_id: ids.at(-1), result_count: 10 } },
    });
    const polled = await pollSource(t.deps, source.id, { force: true });

    expect(polled).toMatchObject({ status: 'failed', kind: 'transient', inserted: 0 });
    const after = await stored(source.id);
    expect(
      after.map((m) => [m.text, m.raw, m.authorHandle, m.authorExternalId, m.postedAt.toISOString(), m.editedAt]),
    ).toEqual(
      before.map((m) => [m.text, m.raw, m.authorHandle, m.authorExternalId, m.postedAt.toISOString(), m.editedAt]),
    );
    const row = await sourceRow(source.id);
    expect(row).toMatchObject({
      status: 'degraded',
      lastError: 'X answered posts without the fields a mention needs (text, author or date)',
    });
    expect(row.cursor).toEqual(cursor);
  });
});

describe('a page with some items that lack what a mention needs', () => {
  it('stores the whole ones and skips a tweet without a date instead of dating it at poll time', async () => {
    const source = await newSource();
    const good = x.addTweet({ text: 'acme whole post' }, { username: 'ben', name: 'Ben' });
    const undated = { id: nextTweetId(), text: 'acme post without a date', author_id: good.author_id };
    const noAuthor = { id: nextTweetId(), text: 'acme post without an author', created_at: new Date().toISOString() };
    x.fault({
      match: onSearch,
      json: {
        data: [undated, noAuthor, good],
        includes: { users: [x.users.get(good.author_id)] },
        meta: { newest_id: noAuthor.id, result_count: 3 },
      },
    });
    const polled = await pollSource(t.deps, source.id, { firstSweepDays: 2 });
    expect(polled).toMatchObject({ status: 'ok', inserted: 1, rejected: 2 });
    expect((await stored(source.id)).map((m) => m.externalId)).toEqual([good.id]);
  });
});

/** Shapes that once put a library's words ("tweets.map is not a function") on the source page. */
describe.each([
  [
    '`data` that is an object, not a list',
    { json: { data: { id: '1' }, meta: { result_count: 1 } } },
    'X answered JSON without the search results',
  ],
  ['`{}`', { json: {} }, 'X answered JSON without the search results'],
  [
    'a 200 HTML page',
    { headers: { 'content-type': 'text/html' }, raw: '<!DOCTYPE html><html><body>Bad gateway</body></html>' },
    'X answered an HTML page, not JSON',
  ],
  ['plain text', { raw: 'upstream connect error' }, 'X answered something that is not JSON'],
] as const)('X answering %s', (_name, fault, message) => {
  it('fails the poll with the reason in our words, the source degraded', async () => {
    const source = await newSource();
    x.fault({ match: onSearch, ...fault });
    const polled = await pollSource(t.deps, source.id, { firstSweepDays: 2 });
    expect(polled).toMatchObject({ status: 'failed', kind: 'transient', error: message });
    expect(await sourceRow(source.id)).toMatchObject({ status: 'degraded', lastError: message, cursor: null });
  });
});
