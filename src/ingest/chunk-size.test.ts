import { describe, expect, it } from 'vitest';
import { socialPost } from '../../tests/helpers/posts';
import { chunkPosts, ingestChunkLimits } from './pipeline';

const posts = (n: number, length: number) =>
  Array.from({ length: n }, (_, i) =>
    socialPost({ externalId: `p${i}`, text: 'x'.repeat(length), createdAt: new Date(0) }),
  );
const sizes = (chunks: unknown[][]) => chunks.map((c) => c.length);

describe('chunkPosts', () => {
  it('cuts short posts into chunks of 100', () => {
    expect(sizes(chunkPosts(posts(250, 200)))).toEqual([100, 100, 50]);
  });

  it('cuts long posts by their text, eight 4 KB posts a chunk', () => {
    expect(sizes(chunkPosts(posts(30, 4_000)))).toEqual([8, 8, 8, 6]);
  });

  it('keeps a post longer than the budget in a chunk of its own, and loses none', () => {
    const mixed = [...posts(2, 100), ...posts(1, 60_000), ...posts(2, 100)];
    const chunks = chunkPosts(mixed);
    expect(sizes(chunks)).toEqual([2, 1, 2]);
    expect(chunks.flat()).toEqual(mixed);
  });

  it('cuts a page into chunks five times larger on PostgreSQL, where other queries run beside a transaction', () => {
    expect(sizes(chunkPosts(posts(1_200, 200), ingestChunkLimits('postgres')))).toEqual([500, 500, 200]);
    expect(sizes(chunkPosts(posts(40, 4_000), ingestChunkLimits('postgres')))).toEqual([40]);
    expect(sizes(chunkPosts(posts(250, 200), ingestChunkLimits('pglite')))).toEqual([100, 100, 50]);
    expect(sizes(chunkPosts(posts(250, 200), ingestChunkLimits(undefined)))).toEqual([100, 100, 50]);
  });
});
