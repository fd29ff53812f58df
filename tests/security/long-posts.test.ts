import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPosts } from '../../src/ingest/pipeline';
import { createTestContext, type TestContext } from '../helpers/test-app';
import { socialPost } from '../helpers/posts';

/**
 * The store keeps 40,000 characters of a post, so a hostile or broken platform cannot fill the
 * database with one. A post cut there says so (truncated in the API, "shown in part" with the link
 * to the original on the page), and the cut never splits an emoji into half a character.
 */
let t: TestContext;
let token: string;
let session: { cookie: string; csrf: string };
let ingest: (posts: ReturnType<typeof socialPost>[]) => ReturnType<typeof ingestPosts>;

beforeAll(async () => {
  t = await createTestContext();
  const ws = await t.seedWorkspace('Long Posts');
  token = ws.token;
  session = await t.browserSession(ws.owner.email);
  ingest = (posts) =>
    ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'rss', topics: [] }, posts);
});
afterAll(() => t.close());

const mention = async (externalId: string) =>
  (
    (await t.request('GET', '/api/v1/mentions?limit=50', { token })).json.items as {
      externalId: string;
      text: string;
      truncated: boolean;
      url: string | null;
    }[]
  ).find((m) => m.externalId === externalId)!;

describe('a post longer than the store keeps', () => {
  it('is marked truncated in the API, and a short one is not', async () => {
    await ingest([
      socialPost({
        externalId: 'long',
        text: `start ${'word '.repeat(9_000)}end`,
        url: 'https://blog.example/long-read',
        createdAt: new Date(),
      }),
      socialPost({ externalId: 'short', text: 'a short post', createdAt: new Date() }),
    ]);
    const long = await mention('long');
    expect(long).toMatchObject({ truncated: true, url: 'https://blog.example/long-read' });
    expect(long.text).toHaveLength(40_000);
    expect(long.text.startsWith('start ')).toBe(true);
    expect(await mention('short')).toMatchObject({ truncated: false, text: 'a short post' });
  });

  it('is shown in part on the mentions page, with the link to the original', async () => {
    await ingest([
      socialPost({
        externalId: 'long-page',
        text: 'long '.repeat(8_001),
        url: 'https://blog.example/on-the-page',
        createdAt: new Date(),
      }),
    ]);
    const page = await t.app.request('/inbox/mentions', { headers: { cookie: session.cookie } });
    const notes = [...(await page.text()).matchAll(/<p[^>]*data-testid="mention-truncated"[^>]*>([\s\S]*?)<\/p>/g)].map(
      (m) => m[1]!,
    );
    const note = notes.find((n) => n.includes('href="https://blog.example/on-the-page"'));
    expect(note).toContain('Shown in part');
  });

  it('is shown in part in its conversation thread, with the link to the original', async () => {
    await ingest([
      socialPost({
        externalId: 'long-thread',
        text: 'thread '.repeat(6_000),
        url: 'https://blog.example/in-the-thread',
        createdAt: new Date(),
      }),
    ]);
    const convs = (await t.request('GET', '/api/v1/conversations?limit=100&status=any', { token })).json.items as {
      id: string;
      lastMessage?: unknown;
    }[];
    const pages = await Promise.all(
      convs.map(async (c) => (await t.app.request(`/inbox/c/${c.id}`, { headers: { cookie: session.cookie } })).text()),
    );
    const html = pages.find((p) => p.includes('https://blog.example/in-the-thread'));
    const note = /<p[^>]*data-testid="post-truncated"[^>]*>([\s\S]*?)<\/p>/.exec(html ?? '')?.[1];
    expect(note).toContain('Shown in part');
    expect(note).toContain('href="https://blog.example/in-the-thread"');
  });

  it('is cut before an emoji that straddles the limit, never through it', async () => {
    const before = 'ab '.repeat(13_333);
    expect(before).toHaveLength(39_999);
    const result = await ingest([
      socialPost({ externalId: 'emoji', text: `${before}😀 and more`, createdAt: new Date() }),
    ]);
    expect(result.inserted).toBe(1);
    const stored = await mention('emoji');
    expect(stored).toMatchObject({ truncated: true });
    expect(stored.text).toBe(before);
  });

  it('loses the mark when the platform edits the post down to what fits', async () => {
    await ingest([socialPost({ externalId: 'edited', text: 'long '.repeat(8_001), createdAt: new Date() })]);
    expect(await mention('edited')).toMatchObject({ truncated: true });
    await ingest([socialPost({ externalId: 'edited', text: 'edited down', createdAt: new Date() })]);
    expect(await mention('edited')).toMatchObject({ truncated: false, text: 'edited down' });
  });
});
