import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeIgUser, type FakeMetaGraph, startFakeMetaGraph } from '../../../tests/fakes/meta-graph-server';
import { testHttp } from '../../../tests/helpers/outbound';
import type { Cursor, PollPage } from '../types';
import { HASHTAG_LIMIT, instagramConfigSchema, instagramConnector } from './instagram.connector';

let graph: FakeMetaGraph;
let token: string;
let account: FakeIgUser;
const config = () => instagramConfigSchema.parse({ igUserId: account.id, baseUrl: graph.url, timeoutMs: 30_000 });

async function sweep(cursor: Cursor | null, hashtags: string[] = []) {
  const pages: PollPage[] = [];
  for (;;) {
    const p = await instagramConnector.poll({
      http: testHttp,
      config: config(),
      credentials: { accessToken: token },
      cursor,
      plan: { queries: [], hashtags },
      now: new Date(),
      ...(cursor ? {} : { since: new Date(Date.now() - 3 * 86_400_000) }),
    });
    pages.push(p);
    cursor = p.cursor;
    if (!p.more)
      return { cursor, posts: pages.flatMap((x) => x.posts), skipped: pages.flatMap((x) => x.skipped ?? []) };
    if (pages.length > 100) throw new Error('the sweep never ends');
  }
}

beforeAll(async () => {
  graph = await startFakeMetaGraph();
});
afterAll(async () => {
  await graph.close();
});
beforeEach(() => {
  const page = graph.addPage({ name: 'Acme' });
  token = page.token;
  account = graph.addIgUser({ username: 'acme', pageId: page.id });
});

describe('Instagram connector', () => {
  it("reads comments and replies on the account's media, tagged media and hashtag posts, by media", async () => {
    const media = graph.addIgMedia({ ownerId: account.id, caption: 'New colours are in' });
    const c = graph.addIgComment({ mediaId: media.id, text: 'Is blue back?', from: { id: '71', username: 'lena' } });
    const r = graph.addIgComment({
      mediaId: media.id,
      parentId: c.id,
      text: 'Same q',
      from: { id: '72', username: 'tom' },
    });
    graph.addIgComment({ mediaId: media.id, parentId: c.id, text: 'Yes!', from: { id: account.id, username: 'acme' } });
    const tagged = graph.addIgMedia({ ownerId: '90', username: 'kim', caption: 'Unboxing', taggedIds: [account.id] });
    const hashtagged = graph.addIgMedia({ ownerId: '91', username: 'jo', caption: 'Rainy day #acmeboots' });

    const first = await sweep(null, ['acmeboots']);
    expect(first.posts.map((p) => p.externalId).sort()).toEqual([c.id, r.id, tagged.id, hashtagged.id].sort());
    expect(first.posts.find((p) => p.externalId === r.id)).toMatchObject({
      kind: 'comment',
      replyToExternalId: c.id,
      threadExternalId: media.id,
      author: { handle: 'tom', externalId: '72' },
    });
    expect((first.posts.find((p) => p.externalId === c.id)!.raw as { post: { message: string } }).post.message).toBe(
      'New colours are in',
    );
    // Hashtag search names no author.
    expect(first.posts.find((p) => p.externalId === hashtagged.id)!.author.handle).toBeNull();

    // A media whose comment count did not move is not read again.
    const before = graph.requests.length;
    await sweep(first.cursor, ['acmeboots']);
    expect(graph.requests.slice(before).some((q) => q.path.endsWith(`${media.id}/comments`))).toBe(false);
    const late = graph.addIgComment({ mediaId: media.id, text: 'And green?', from: { id: '73', username: 'ana' } });
    const third = await sweep(first.cursor, ['acmeboots']);
    expect(third.posts.map((p) => p.externalId)).toContain(late.id);
  });

  it('searches at most 30 different hashtags in 7 days and says which one waits', async () => {
    const tags = Array.from({ length: HASHTAG_LIMIT + 1 }, (_, i) => `tag${i}`);
    const { skipped } = await sweep(null, tags);
    expect(skipped).toEqual([{ externalId: `#tag${HASHTAG_LIMIT}`, reason: expect.stringMatching(/30 different/) }]);
    expect(graph.hashtagSearches.get(account.id)?.size).toBe(HASHTAG_LIMIT);
  });

  it('replies under a comment as the account and finds that reply again', async () => {
    const media = graph.addIgMedia({ ownerId: account.id, caption: 'Launch' });
    const c = graph.addIgComment({ mediaId: media.id, text: 'Price?', from: { id: '81', username: 'max' } });
    const ctx = {
      http: testHttp,
      config: config(),
      credentials: { accessToken: token },
      inReplyTo: { externalId: c.id, authorHandle: 'max', threadExternalId: media.id, raw: {} },
      text: 'From 49 EUR',
    };
    expect(await instagramConnector.findReply!(ctx)).toBeNull();
    const made = await instagramConnector.reply!(ctx);
    expect(graph.replies.at(-1)).toEqual({ parentId: c.id, message: 'From 49 EUR', id: made.externalId });
    expect(await instagramConnector.findReply!(ctx)).toEqual(made);
  });
});
