import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeThreads, type FakeThreadsUser, startFakeThreads } from '../../../tests/fakes/threads-server';
import { testHttp } from '../../../tests/helpers/outbound';
import type { Cursor, PollPage } from '../types';
import { threadsConfigSchema, threadsConnector } from './threads.connector';

let threads: FakeThreads;
let me: FakeThreadsUser;
const config = (over: Record<string, unknown> = {}) =>
  threadsConfigSchema.parse({ threadsUserId: me.id, baseUrl: threads.url, timeoutMs: 30_000, ...over });
const credentials = () => ({ accessToken: me.token });

async function sweep(cursor: Cursor | null, queries: string[] = []) {
  const pages: PollPage[] = [];
  for (;;) {
    const p = await threadsConnector.poll({
      http: testHttp,
      config: config(),
      credentials: credentials(),
      cursor,
      plan: { queries, hashtags: [] },
      now: new Date(),
      ...(cursor ? {} : { since: new Date(Date.now() - 3 * 86_400_000) }),
    });
    pages.push(p);
    cursor = p.cursor;
    if (!p.more) return { cursor, posts: pages.flatMap((x) => x.posts) };
    if (pages.length > 50) throw new Error('the sweep never ends');
  }
}

beforeAll(async () => {
  threads = await startFakeThreads();
});
afterAll(async () => {
  await threads.close();
});
beforeEach(() => {
  me = threads.addUser({ username: `acme${Math.random().toString(36).slice(2, 6)}` });
});

describe('Threads connector', () => {
  it('reads replies under our posts, mentions and keyword search results, then what is newer', async () => {
    // Two days old and ten minutes apart: a later sweep re-reads five minutes before each stream's mark.
    let at = Math.floor(Date.now() / 1000) - 2 * 86_400;
    const post = (p: Parameters<FakeThreads['addPost']>[0]) => {
      at += 600;
      return threads.addPost({ ...p, timestamp: at });
    };
    const ours = post({ author: me, text: 'Our autumn sale starts today' });
    const reply = post({ author: { username: 'lena' }, text: 'Is the sale online too?', replyTo: ours.id });
    const nested = post({ author: { username: 'omar' }, text: 'Same question', replyTo: reply.id });
    post({ author: me, text: 'Yes, online too', replyTo: reply.id });
    const mention = post({ author: { username: 'kim' }, text: `Thanks @${me.username} for the fast help` });
    const found = post({ author: { username: 'jo' }, text: 'Anyone tried the acmephone yet?' });

    const first = await sweep(null, ['acmephone']);
    expect(first.posts.map((p) => p.externalId).sort()).toEqual([reply.id, nested.id, mention.id, found.id].sort());
    expect(first.posts.find((p) => p.externalId === nested.id)).toMatchObject({
      kind: 'comment',
      replyToExternalId: reply.id,
      threadExternalId: ours.id,
      author: { handle: 'omar' },
    });
    const search = threads.requests.find((r) => r.path.endsWith('/keyword_search'))!;
    expect(search.query.get('q')).toBe('acmephone');
    expect(search.query.get('search_type')).toBe('RECENT');

    const later = threads.addPost({ author: { username: 'ben' }, text: 'acmephone is great' });
    const second = await sweep(first.cursor, ['acmephone']);
    // The new post, and each stream's newest again (inside the clock slack; the store drops repeats): not the
    // replies older than the newest reply.
    expect(second.posts.map((p) => p.externalId).sort()).toEqual([later.id, mention.id, found.id].sort());
  });

  it('replies in two steps, publishes a container once, and finds the reply instead of posting again', async () => {
    const post = threads.addPost({ author: { username: 'nina' }, text: `@${me.username} where is my parcel?` });
    const ctx = {
      http: testHttp,
      config: config(),
      credentials: credentials(),
      inReplyTo: { externalId: post.id, authorHandle: 'nina', threadExternalId: post.id, raw: {} },
      text: 'It left our warehouse today.',
    };
    expect(await threadsConnector.findReply!(ctx)).toBeNull();
    const made = await threadsConnector.reply!(ctx);
    expect([...threads.containers.values()]).toEqual([
      { userId: me.id, text: 'It left our warehouse today.', replyTo: post.id, published: made.externalId },
    ]);
    expect(await threadsConnector.findReply!(ctx)).toMatchObject({ externalId: made.externalId });
  });

  it('says the token was refused when Threads answers code 190', async () => {
    const result = await threadsConnector.verify({
      http: testHttp,
      config: config(),
      credentials: { accessToken: 'revoked' },
    });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/Threads refused the access token.*Reconnect/);
  });
});
