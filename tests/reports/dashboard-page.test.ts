import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocialPost } from '../../src/core/social-post';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/db/rows';
import { ingestPosts } from '../../src/ingest/pipeline';
import { overrideSentiment } from '../../src/reanalysis/corrections.service';
import { chartCacheOf } from '../../src/reports/chart-cache';
import { activeTopics, createTopic } from '../../src/topics/topics.service';
import { formClient } from '../helpers/forms';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
// A fixed day, so "the last 30 days" and "the period before" hold the same mentions on every run.
const now = new Date('2026-09-15T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
let n = 0;
let dashboards = 0;
const svgs = (html: string) =>
  [...html.matchAll(/(?:src|srcset)="data:image\/svg\+xml;base64,([^"]+)"/g)].map((m) =>
    Buffer.from(m[1]!, 'base64').toString(),
  );
const post = (text: string, d: number) =>
  socialPost({
    externalId: `d-${++n}`,
    text,
    createdAt: daysAgo(d),
    author: socialAuthor({ externalId: `a${n}`, handle: `a${n}` }),
  });

/**
 * A workspace of one test's own, with an analyst signed in, a brand and a competitor, and five
 * mentions: four in the last 30 days (one of them on Mastodon) and one in the 30 days before.
 */
async function dashboard() {
  const k = ++dashboards;
  const ws = await t.seedWorkspace(`Dash Co ${k}`);
  const analystEmail = `analyst@dashco${k}.test`;
  await t.seedUser(ws.workspace.id, 'analyst', analystEmail);
  await createTopic(t.db, ws.actor, { name: 'Acme', kind: 'brand', query: 'acme' });
  await createTopic(t.db, ws.actor, { name: 'Globex', kind: 'competitor', query: 'globex' });
  const topics = await activeTopics(t.db, ws.workspace.id);
  const ingest = (platform: 'x' | 'mastodon', posts: SocialPost[]) =>
    ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform, topics }, posts);
  await ingest('x', [
    post('acme is wonderful, love it', 1),
    post('acme is terrible, awful', 2),
    post('globex is great', 3),
    post('acme ok', 40),
  ]);
  await ingest('mastodon', [post('acme support was horrible <script>alert(1)</script>', 5)]);
  return { ws, analystEmail, analyst: await t.browserSession(analystEmail), ingest };
}

beforeAll(async () => {
  t = await createTestContext({ clock: () => now });
});
afterAll(() => t.close());

describe('reports dashboard', () => {
  it('shows the last 30 days with the period before, drawn as server-side SVG charts with data tables', async () => {
    const { analyst } = await dashboard();
    const page = await formClient(t).get('/reports', analyst);
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/data-testid="figure-total"[^>]*>[\s\S]*?<span class="figure-value">4</);
    // One mention 40 days ago: the period before had one, so +300%.
    expect(page.html).toContain('+300% vs previous 30 days');
    const charts = svgs(page.html);
    // Volume, share of voice, platforms and top terms, each drawn for screens and for phones; nothing answered
    // and no reviews yet: those cards say so, with no empty table.
    expect(charts).toHaveLength(8);
    expect(page.html).toContain('<source media="(max-width: 720px)" srcset="data:image/svg+xml;base64,');
    expect(page.html).toContain('data-testid="chart-responses"');
    expect(page.html).toContain('No replies sent in this range.');
    expect(page.html).toContain('No reviews in this range.');
    for (const svg of charts) expect(svg).toMatch(/^<svg[^>]*>[\s\S]*<path /);
    expect(page.html).toContain('<summary class="small">Data table</summary>');
    expect(page.html).toContain('href="/api/v1/reports/sentiment?');
  });

  it('draws its charts once per view, and again as soon as the rollups change, with nobody telling it', async () => {
    const { ws, analyst, ingest } = await dashboard();
    const cache = chartCacheOf(t.deps);
    const total = (html: string) =>
      /data-testid="figure-total"[^>]*>[\s\S]*?<span class="figure-value">(\d+)</.exec(html)![1];
    const first = await formClient(t).get('/reports', analyst);
    const drawn = cache.stats().misses;
    const again = await formClient(t).get('/reports', analyst);
    expect(cache.stats().misses).toBe(drawn);
    expect(svgs(again.html)).toEqual(svgs(first.html));
    // New mentions are counted into the rollups as another instance would (this one's cache hears nothing of it):
    // the next page shows them, its volume chart drawn anew.
    await ingest('x', [post('acme shows up today', 0)]);
    const after = await formClient(t).get('/reports', analyst);
    expect(total(first.html)).toBe('4');
    expect(total(after.html)).toBe('5');
    expect(cache.stats().misses).toBeGreaterThan(drawn);
    expect(svgs(after.html)[0]).not.toBe(svgs(first.html)[0]);
    // A correction moves a mention from one label to another: the same total, other numbers, another picture.
    const [mention] = rows<{ id: string }>(
      await t.db.execute(
        sql`select id from mentions where workspace_id = ${ws.workspace.id}::uuid and text = 'acme shows up today'`,
      ),
    );
    const sentimentOf = (html: string) => svgs(html)[0];
    await overrideSentiment(t.db, ws.actor, mention!.id, 'negative', now);
    const corrected = await formClient(t).get('/reports', analyst);
    expect(total(corrected.html)).toBe('5');
    expect(sentimentOf(corrected.html)).not.toBe(sentimentOf(after.html));
  });

  it('links each figure to the mentions behind it', async () => {
    const { analyst, analystEmail } = await dashboard();
    const page = await formClient(t).get('/reports', analyst);
    const href = /data-testid="figure-negative"/.test(page.html)
      ? /<a class="card figure" href="([^"]+)" data-testid="figure-negative"/
          .exec(page.html)![1]!
          .replace(/&amp;/g, '&')
      : '';
    // The report's first and last day as the workspace's midnights (UTC here), whatever the viewer's zone.
    const day = '(\\d{4}-\\d{2}-\\d{2})T';
    expect(href).toMatch(
      new RegExp(`^/inbox/mentions\\?from=${day}00%3A00%3A00\\.000Z&to=${day}23%3A59%3A59\\.999Z&sentiment=negative$`),
    );
    const list = await formClient(t).get(href, analyst);
    const texts = [...list.html.matchAll(/class="mention-text" dir="auto">([^<]*)</g)].map((m) => m[1]);
    // Exactly the mentions the figure counted: the report's negative total for the same days.
    const [, from, to] = /from=([\d-]+)T.*&to=([\d-]+)T/.exec(href)!;
    const series = (
      await t.request('GET', `/api/v1/reports/sentiment?from=${from}&to=${to}`, {
        token: await t.login(analystEmail),
      })
    ).json.series as { negative: number }[];
    expect(texts).toHaveLength(series.reduce((a, p) => a + p.negative, 0));
    expect(texts).toContain('acme is terrible, awful');
  });

  it('ranks authors by volume and by reach, counting a merged contact as the one it went into', async () => {
    const { ws, analyst, analystEmail, ingest } = await dashboard();
    const p = (id: string, text: string, author: Parameters<typeof socialAuthor>[0]) =>
      socialPost({ externalId: id, text, createdAt: daysAgo(1), author: socialAuthor(author) });
    await ingest('x', [
      p('au-1', 'acme one', { externalId: 'loud', handle: 'loud', name: 'Loud Fan', followers: 120 }),
      p('au-2', 'acme two', { externalId: 'loud', handle: 'loud', name: 'Loud Fan', followers: 120 }),
      p('au-3', 'acme three', { externalId: 'big', handle: 'big', name: 'Big Account', followers: 900_000 }),
    ]);
    await ingest('mastodon', [
      p('au-4', 'acme four', { externalId: 'loud-m', handle: 'loudfan', name: 'Loud Fan (mastodon)', followers: 5 }),
    ]);
    const token = await t.login(analystEmail);
    const authors = async (by: string) =>
      (await t.request('GET', `/api/v1/reports/authors?by=${by}`, { token })).json.items as {
        name: string;
        mentions: number;
        contactId: string;
      }[];
    expect((await authors('volume'))[0]).toMatchObject({ name: 'Loud Fan', mentions: 2 });
    expect((await authors('reach'))[0]).toMatchObject({ name: 'Big Account', mentions: 1 });
    // Filtered like the rest of the dashboard: on Mastodon only the Mastodon account wrote.
    const onMastodon = (await t.request('GET', '/api/v1/reports/authors?by=volume&platform=mastodon', { token })).json
      .items as { name: string }[];
    expect(onMastodon.map((a) => a.name)).toContain('Loud Fan (mastodon)');
    expect(onMastodon.map((a) => a.name)).not.toContain('Big Account');
    const loud = (await authors('volume'))[0]!;
    const mastodon = (await authors('volume')).find((a) => a.name === 'Loud Fan (mastodon)')!;
    expect(
      (
        await t.request('POST', '/api/v1/contacts/merge', {
          token: ws.token,
          body: { into: loud.contactId, from: [mastodon.contactId] },
        })
      ).status,
    ).toBe(200);
    expect((await authors('volume'))[0]).toMatchObject({ contactId: loud.contactId, mentions: 3 });
    expect((await authors('volume')).some((a) => a.contactId === mastodon.contactId)).toBe(false);
    const page = await formClient(t).get('/reports', analyst);
    expect(page.html).toContain(`href="/contacts/${loud.contactId}"`);
  });

  it('narrows to a topic and platform, and says so when the range is not valid', async () => {
    const { analyst, ingest } = await dashboard();
    await ingest('mastodon', [post('acme on mastodon again', 6)]);
    const page = await formClient(t).get('/reports?preset=custom&from=2026-99-01&to=x', analyst);
    expect(page.status).toBe(422);
    expect(page.html).toContain('Showing the last 30 days');
    const mastodon = await formClient(t).get('/reports?platform=mastodon', analyst);
    // Only the two Mastodon posts count, not the x ones.
    expect(mastodon.html).toMatch(/data-testid="figure-total"[^>]*>[\s\S]*?<span class="figure-value">2</);
  });
});
