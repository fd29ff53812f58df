import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocialPost } from '../../src/core/social-post';
import { mentions } from '../../src/mentions/schema';
import { storePosts } from '../../src/mentions/store';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let workspaceId: string;

beforeAll(async () => {
  t = await createTestContext();
  workspaceId = (await t.seedWorkspace('Store')).workspace.id;
});
afterAll(() => t.close());

const post = (externalId: string, text: string, extra: Partial<SocialPost> = {}): SocialPost => ({
  externalId,
  url: null,
  kind: 'post',
  title: null,
  text,
  lang: null,
  createdAt: new Date('2026-11-25T10:00:00Z'),
  author: {
    externalId: 'a1',
    handle: 'ana',
    name: 'Ana',
    followers: 5,
    bio: null,
    url: null,
    avatarUrl: null,
    verified: false,
  },
  replyToExternalId: null,
  threadExternalId: null,
  metrics: {},
  deleted: false,
  raw: { id: externalId, text },
  ...extra,
});
const target = () => ({ workspaceId, sourceId: null, platform: 'x' as const });
const get = async (externalId: string) =>
  (await t.db.select().from(mentions).where(eq(mentions.externalId, externalId)))[0]!;

describe('storePosts', () => {
  it('keeps unicode, emoji, markup and quotes exactly as sent, and the raw JSON whole', async () => {
    const text = `<img src=x onerror=alert(1)> "quotes" 'single' \\ back\\slash ✨ 日本語 👩‍👩‍👧 \u202Eevil`;
    await storePosts(t.db, target(), [
      { post: post('u1', text, { raw: { nested: { list: [1, 'two', null] }, text } }), topicIds: [] },
    ]);
    const row = await get('u1');
    expect(row.text).toBe(text);
    expect(row.raw).toEqual({ nested: { list: [1, 'two', null] }, text });
  });

  it('drops NUL characters instead of failing the whole page', async () => {
    const r = await storePosts(t.db, target(), [
      { post: post('n1', 'bad\u0000byte'), topicIds: [] },
      { post: post('n2', 'fine'), topicIds: [] },
    ]);
    expect(r.inserted).toBe(2);
    expect((await get('n1')).text).toBe('badbyte');
  });

  it('counts a repeated id within one page once', async () => {
    const r = await storePosts(t.db, target(), [
      { post: post('d1', 'first copy'), topicIds: [] },
      { post: post('d1', 'second copy'), topicIds: [] },
    ]);
    expect(r).toMatchObject({ fetched: 2, inserted: 1, duplicates: 1 });
    expect((await get('d1')).text).toBe('second copy');
  });

  it('stores topic ids and clips absurdly long text', async () => {
    const topicId = crypto.randomUUID();
    await storePosts(t.db, target(), [{ post: post('l1', 'x'.repeat(100_000)), topicIds: [topicId] }]);
    const row = await get('l1');
    expect(row.topicIds).toEqual([topicId]);
    expect(row.text.length).toBe(40_000);
  });

  it('updates edited text in place and marks deletions, reporting them as edits', async () => {
    await storePosts(t.db, target(), [{ post: post('e1', 'original'), topicIds: [] }]);
    const unchanged = await storePosts(t.db, target(), [{ post: post('e1', 'original'), topicIds: [] }]);
    expect(unchanged).toMatchObject({ inserted: 0, duplicates: 1, edited: 0 });
    const edited = await storePosts(t.db, target(), [{ post: post('e1', 'edited'), topicIds: [] }]);
    expect(edited).toMatchObject({ inserted: 0, duplicates: 1, edited: 1 });
    const deleted = await storePosts(t.db, target(), [{ post: post('e1', 'edited', { deleted: true }), topicIds: [] }]);
    expect(deleted.edited).toBe(1);
    const row = await get('e1');
    expect(row.text).toBe('edited');
    expect(row.editedAt).not.toBeNull();
    expect(row.deletedAt).not.toBeNull();
  });
});
