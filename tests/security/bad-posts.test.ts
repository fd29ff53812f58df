import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocialPost } from '../../src/core/social-post';
import { ingestPosts } from '../../src/ingest/pipeline';
import { MAX_JSON_DEPTH } from '../../src/core/safe-text';
import { checkPost } from '../../src/ingest/validate-post';
import { mentions } from '../../src/mentions/schema';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, type TestContext } from '../helpers/test-app';

const NOW = new Date('2026-12-06T12:00:00Z');
let t: TestContext;
let workspaceId: string;

beforeAll(async () => {
  t = await createTestContext({ clock: () => NOW });
  workspaceId = (await t.seedWorkspace('Bad Posts')).workspace.id;
});
afterAll(() => t.close());

const at = new Date('2026-12-01T10:00:00Z');
const nested = (depth: number): unknown => (depth === 0 ? 'bottom' : { down: nested(depth - 1) });
const ingest = (posts: SocialPost[]) =>
  ingestPosts(t.deps, { workspaceId, sourceId: null, platform: 'x', topics: [] }, posts);
const stored = async (externalId: string) =>
  (
    await t.db
      .select()
      .from(mentions)
      .where(and(eq(mentions.workspaceId, workspaceId), eq(mentions.externalId, externalId)))
  )[0];

describe('a page with hostile posts', () => {
  it('stores good posts, cleans text the database cannot take, rejects only unusable ones with reasons', async () => {
    const r = await ingest([
      socialPost({ externalId: 'good-1', text: 'plain and fine', createdAt: at }),
      socialPost({
        externalId: 'surrogate',
        text: 'broken \ud800 half',
        createdAt: at,
        raw: { text: 'broken \ud800 half', 'k\u0000ey': 'v\u0000' },
      }),
      socialPost({
        externalId: 'nul',
        text: 'nul\u0000byte',
        createdAt: at,
        author: socialAuthor({ externalId: 'n', handle: 'nu\u0000ll', bio: 'b\udfffio' }),
      }),
      socialPost({ externalId: 'far-future', text: 'from 1e300', createdAt: new Date(1e300) }),
      socialPost({ externalId: 'year-9999', text: 'from the far future', createdAt: new Date('9999-01-01T00:00:00Z') }),
      socialPost({
        externalId: 'followers',
        text: 'huge reach',
        createdAt: at,
        author: socialAuthor({ externalId: 'f', handle: 'big', followers: 5e12 }),
        metrics: { likes: 1e20, shares: 3 },
      }),
      socialPost({ externalId: 'deep', text: 'deep raw', createdAt: at, raw: nested(5_000) }),
      socialPost({ externalId: 'good-2', text: 'also fine', createdAt: at }),
    ]);
    expect(r.inserted).toBe(5);
    expect(r.rejected).toEqual([
      { externalId: 'far-future', reason: 'no valid date' },
      { externalId: 'year-9999', reason: 'date out of range (9999-01-01)' },
      { externalId: 'deep', reason: `raw JSON nested deeper than ${MAX_JSON_DEPTH} levels` },
    ]);
    expect((await stored('surrogate'))?.text).toBe('broken \ufffd half');
    expect((await stored('surrogate'))?.raw).toEqual({ text: 'broken \ufffd half', key: 'v' });
    expect((await stored('nul'))?.text).toBe('nulbyte');
    expect((await stored('nul'))?.authorHandle).toBe('null');
    expect((await stored('followers'))?.authorFollowers).toBeNull();
    expect((await stored('followers'))?.metrics).toEqual({ shares: 3 });
    expect(await stored('deep')).toBeUndefined();
    expect(await stored('good-2')).toBeDefined();
  });

  it('never overwrites a stored mention with an ids-only answer', async () => {
    await ingest([
      socialPost({
        externalId: 'kept',
        text: 'the real text',
        createdAt: at,
        author: socialAuthor({ externalId: 'ana', handle: 'ana' }),
        raw: { id: 'kept', text: 'the real text' },
      }),
    ]);
    const r = await ingest([socialPost({ externalId: 'kept', text: '', createdAt: NOW, raw: { id: 'kept' } })]);
    expect(r.rejected).toEqual([{ externalId: 'kept', reason: 'no text' }]);
    const row = await stored('kept');
    expect(row).toMatchObject({
      text: 'the real text',
      authorHandle: 'ana',
      raw: { id: 'kept', text: 'the real text' },
    });
    expect(row?.postedAt.toISOString()).toBe(at.toISOString());
  });

  it('goes through a 1,000-post page in chunks and counts every post once', async () => {
    const posts = Array.from({ length: 1_000 }, (_, i) =>
      socialPost({ externalId: `bulk-${i}`, text: `bulk post ${i}`, createdAt: at }),
    );
    const first = await ingest(posts);
    expect(first).toMatchObject({ fetched: 1_000, inserted: 1_000, duplicates: 0 });
    const again = await ingest(posts);
    expect(again).toMatchObject({ fetched: 1_000, inserted: 0, duplicates: 1_000 });
  });
});

describe('checkPost', () => {
  it('keeps a deleted post without text, and refuses one without an id', () => {
    expect(checkPost(socialPost({ externalId: 'gone', text: '', createdAt: at, deleted: true }), NOW).ok).toBe(true);
    expect(checkPost(socialPost({ externalId: '', text: 'x', createdAt: at }), NOW)).toEqual({
      ok: false,
      externalId: '',
      reason: 'no id',
    });
  });
});
