import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactImports } from '../../src/contacts/import.schema';
import { contacts, duplicateSuggestions, identities } from '../../src/contacts/schema';
import { boardIdeaOf } from '../../src/contacts/timeline';
import type { Platform } from '../../src/core/platforms';
import type { SocialAuthor, SocialPost } from '../../src/core/social-post';
import { ingestPosts } from '../../src/ingest/pipeline';
import { mentions } from '../../src/mentions/schema';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, type TestContext } from '../helpers/test-app';

/**
 * The contacts pages as a team uses them in a day: a profile read first and edited on demand, a timeline that
 * leads to the conversations, a score that adds up, import and export from the list, saved segments in view,
 * and a duplicates queue that does not push weak guesses.
 */

let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let agent: { cookie: string; csrf: string };
let analyst: { cookie: string; csrf: string };
let n = 0;

const post = (text: string, a: Partial<SocialAuthor>, more: Partial<SocialPost> = {}): SocialPost =>
  socialPost({
    externalId: `wd-${++n}`,
    url: `https://example.social/p/${n}`,
    text,
    createdAt: new Date(Date.now() - 3_600_000 + n * 60_000),
    author: socialAuthor(a),
    ...more,
  });
const ingest = (platform: Platform, posts: SocialPost[]) =>
  ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform, topics: [] }, posts);
const contactOf = async (platform: Platform, externalId: string) => {
  const [i] = await t.db
    .select()
    .from(identities)
    .where(
      and(
        eq(identities.workspaceId, ws.workspace.id),
        eq(identities.platform, platform),
        eq(identities.externalId, externalId),
      ),
    );
  return i!.contactId;
};
const get = async (who: { cookie: string }, path: string) => {
  const res = await t.app.request(path, { headers: { cookie: who.cookie } });
  return { status: res.status, html: await res.text(), location: res.headers.get('location'), res };
};
const postForm = async (who: { cookie: string; csrf: string }, path: string, fields: Record<string, string> = {}) => {
  const res = await t.app.request(path, {
    method: 'POST',
    headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString(),
  });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};
const upload = async (who: { cookie: string; csrf: string }, csv: string | null, map = '') => {
  const body = new FormData();
  body.set('_csrf', who.csrf);
  body.set('map', map);
  body.set('file', csv === null ? new File([], '') : new File([csv], 'crm.csv', { type: 'text/csv' }));
  const res = await t.app.request('/contacts/imports', { method: 'POST', headers: { cookie: who.cookie }, body });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};
const count = (html: string, testid: string) => html.match(new RegExp(`data-testid="${testid}"`, 'g'))?.length ?? 0;

let busy: string;
let hana: string;
let ana: string;

beforeAll(async () => {
  t = await createTestContext();
  ws = await t.seedWorkspace('Workday Co');
  await t.seedUser(ws.workspace.id, 'agent', 'agent@workday.test');
  await t.seedUser(ws.workspace.id, 'analyst', 'analyst@workday.test');
  agent = await t.browserSession('agent@workday.test');
  analyst = await t.browserSession('analyst@workday.test');
  // A busy, warm, well-followed author: more score parts than the author card lists before folding.
  await ingest('x', [
    post(
      'thinking of buying the new acme watch, how much is it? I love acme, great work',
      { externalId: 'x-busy', handle: 'busybee', name: 'Busy Bee', followers: 2_000_000 },
      { metrics: { likes: 90_000, reposts: 4000 } },
    ),
    post(
      'which acme model is best for a hilly commute? want to buy one this week, love the design',
      { externalId: 'x-busy', handle: 'busybee', name: 'Busy Bee', followers: 2_000_000 },
      { metrics: { likes: 50_000 } },
    ),
  ]);
  await ingest('x', [post('acme support took ages', { externalId: 'x-hana', handle: 'hana_m', name: 'Hana Müller' })]);
  await ingest('mastodon', [post('acme is fine', { externalId: 'm-ana', handle: 'ana_m', name: 'Ana Müller' })]);
  busy = await contactOf('x', 'x-busy');
  hana = await contactOf('x', 'x-hana');
  ana = await contactOf('mastodon', 'm-ana');
});
afterAll(() => t?.close());

describe('a contact page that reads first', () => {
  it('shows the profile as facts, with the form behind an Edit button that works without script', async () => {
    const page = await get(agent, `/contacts/${busy}`);
    expect(page.html).toContain('data-testid="profile"');
    expect(page.html).toMatch(/<details class="edit-profile" data-testid="profile-edit">/);
    expect(page.html).toContain('Edit profile</summary>');
    // ?edit=1 (a link, or a problem coming back) opens it.
    expect((await get(agent, `/contacts/${busy}?edit=1`)).html).toMatch(/<details class="edit-profile" open=""/);
    const bad = await postForm(agent, `/contacts/${busy}`, {
      name: 'B',
      emails: 'nope',
      company: '',
      title: '',
      location: '',
      lifecycleStage: 'lead',
      tags: '',
    });
    expect(bad.status).toBe(422);
    expect(bad.html).toMatch(/<details class="edit-profile" open=""/);
    // A reader gets the facts and no Edit button.
    const read = await get(analyst, `/contacts/${busy}`);
    expect(read.html).toContain('data-testid="profile"');
    expect(read.html).not.toContain('Edit profile');
  });

  it('links each post in the timeline to its conversation', async () => {
    const page = await get(agent, `/contacts/${busy}`);
    const rows = await t.db.select().from(mentions).where(eq(mentions.contactId, busy));
    const conversations = [...new Set(rows.map((r) => r.conversationId))];
    expect(conversations.every((c) => c !== null)).toBe(true);
    for (const id of conversations)
      expect(page.html).toContain(`href="/inbox/c/${id}" data-testid="timeline-conversation"`);
    expect(count(page.html, 'timeline-conversation')).toBe(rows.length);
    const api = await t.request('GET', `/api/v1/contacts/${busy}/timeline`, { token: ws.token });
    expect(api.json.items.map((i: { conversationId: string }) => i.conversationId).sort()).toEqual(
      rows.map((r) => r.conversationId).sort(),
    );
  });

  it('knows the board idea of a community idea or comment', () => {
    const idea = '3f0c7a52-1b9e-4c2d-9a3e-5d6f7a8b9c0d';
    expect(boardIdeaOf('community', `idea:${idea}`, null)).toBe(idea);
    expect(boardIdeaOf('community', 'comment:1', `https://crm.example/c/acme/ideas/${idea}#comment-1`)).toBe(idea);
    expect(boardIdeaOf('community', 'review:1', `https://crm.example/c/acme/ideas/${idea}`)).toBeNull();
    expect(boardIdeaOf('x', `idea:${idea}`, null)).toBeNull();
  });
});

describe('a score that adds up', () => {
  const parts = (html: string, scope: string) => {
    const at = html.indexOf(scope);
    const card = html.slice(at, html.indexOf('data-testid="score-total"', at));
    return [...card.matchAll(/data-testid="score-part" data-points="(-?\d+)" data-code="(\w+)"/g)].map((m) => ({
      points: Number(m[1]),
      code: m[2],
    }));
  };

  it('lists on the author card every part of the score it shows, folding the rest with their sum', async () => {
    const [row] = await t.db.select().from(contacts).where(eq(contacts.id, busy));
    expect(row!.scoreReasons.length).toBeGreaterThan(4);
    const [m] = await t.db.select().from(mentions).where(eq(mentions.contactId, busy));
    const page = await get(agent, `/inbox/c/${m!.conversationId}`);
    const score = Number(/data-testid="author-score">(\d+)</.exec(page.html)![1]);
    expect(score).toBe(row!.score);
    const listed = parts(page.html, 'data-testid="author-card"');
    // The parts the score was made of, each listed (none made up to cover a gap), adding up to it.
    expect(listed.map((p) => p.code).sort()).toEqual(row!.scoreReasons.map((r) => r.code).sort());
    expect(listed.reduce((a, b) => a + b.points, 0)).toBe(score);
    expect(page.html).toContain('data-testid="score-more"');
    expect(page.html).toContain(`Total: ${score} of 100`);
  });

  it('answers the API with parts that add up to the score', async () => {
    const res = await t.request('GET', `/api/v1/contacts/${busy}`, { token: ws.token });
    const sum = res.json.scoreReasons.reduce((s: number, r: { points: number }) => s + r.points, 0);
    expect(sum).toBe(res.json.score);
  });
});

describe('import and export from the contacts list', () => {
  it('offers Import and an Export of what the list shows, to those who may change contacts', async () => {
    const list = await get(agent, '/contacts?q=m%C3%BCller');
    expect(list.html).toContain('href="/contacts/imports" data-testid="import-link"');
    expect(list.html).toContain('href="/api/v1/contacts/export?q=m%C3%BCller"');
    expect(list.html).toContain('Export these contacts as CSV');
    const csv = await get(agent, '/api/v1/contacts/export?q=m%C3%BCller');
    expect(csv.status).toBe(200);
    expect(csv.res.headers.get('content-disposition')).toMatch(/attachment; filename="contacts-/);
    expect(csv.html.trim().split('\n')).toHaveLength(3);
    const read = await get(analyst, '/contacts');
    expect(read.html).not.toContain('data-testid="import-link"');
    expect(read.html).not.toContain('data-testid="export-link"');
    expect((await get(analyst, '/contacts/imports')).status).toBe(403);
  });

  it('imports a CSV from the page and shows its result and the skipped rows in the reader’s language', async () => {
    const csv =
      'Name,E-mail,Stage\nNora New,nora@example.com,lead\nBad Row,not-an-email,lead\nOdd,odd@example.com,wizard\n';
    const sent = await upload(agent, csv);
    expect(sent.status).toBe(303);
    // No fragment: a refresh to an address with one is a jump within the page, not a reload.
    expect(sent.location).toMatch(/^\/contacts\/imports\?started=[0-9a-f-]{36}$/);
    const id = /started=([0-9a-f-]{36})/.exec(sent.location!)![1]!;
    // The import runs in the background: wait for it through the database, as the page's refresh would.
    for (let i = 0; i < 200; i++) {
      const [row] = await t.db.select().from(contactImports).where(eq(contactImports.id, id));
      if (row!.status === 'done' || row!.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const page = await get(agent, sent.location!);
    expect(page.html).toContain('Import started.');
    expect(page.html).toContain('data-testid="import-status">done<');
    expect(page.html).toContain('100% · 3 of 3 rows checked · 1 new · 0 added to existing contacts · 2 skipped');
    expect(page.html).toContain('line 3: &quot;not-an-email&quot;: not an email address (column E-mail)');
    expect(page.html).toContain('line 4: unknown lifecycle stage');
    expect(page.html).not.toContain('http-equiv="refresh"');
    const german = await t.app.request(sent.location!, { headers: { cookie: agent.cookie, 'accept-language': 'de' } });
    const de = await german.text();
    expect(de).not.toContain('not an email address');
    const [nora] = await t.db.select().from(contacts).where(eq(contacts.name, 'Nora New'));
    expect(nora!.emails).toEqual(['nora@example.com']);
  });

  it('explains an import it cannot start, on the page', async () => {
    const none = await upload(agent, null);
    expect(none.status).toBe(422);
    expect(none.html).toContain('Choose a CSV file to import');
    const mapping = await upload(agent, 'Name\nX\n', 'nonsense');
    expect(mapping.status).toBe(422);
    expect(mapping.html).toContain('&quot;nonsense&quot;: use field=column');
  });

  it('lists saved segments on the contacts page, each a link that lists through it', async () => {
    const saved = await postForm(agent, '/contacts/segments', { name: 'Müllers', q: 'müller' });
    expect(saved.status).toBe(303);
    const list = await get(agent, '/contacts');
    const href = /href="(\/contacts\?segment=[0-9a-f-]{36})"[^>]*data-testid="segment-link">Müllers</.exec(list.html);
    expect(href).not.toBeNull();
    const through = await get(agent, href![1]!);
    expect(count(through.html, 'contact-row')).toBe(2);
    expect(through.html).toMatch(/class="pill active"[^>]*aria-current="page"[^>]*data-testid="segment-link">Müllers</);
  });
});

describe('the duplicates queue', () => {
  let weak: string;

  beforeAll(async () => {
    // "Hana Müller" and "Ana Müller": a similar name, nothing else; noise at 32 % (ingest may have raised it).
    const [a, b] = hana < ana ? [hana, ana] : [ana, hana];
    const [row] = await t.db
      .insert(duplicateSuggestions)
      .values({
        workspaceId: ws.workspace.id,
        contactA: a,
        contactB: b,
        reasons: [{ code: 'similar_name', detail: 'name 64% alike', values: { similarity: 0.64 } }],
        confidence: 0.32,
      })
      .onConflictDoUpdate({
        target: [duplicateSuggestions.workspaceId, duplicateSuggestions.contactA, duplicateSuggestions.contactB],
        set: { confidence: 0.32 },
      })
      .returning();
    weak = row!.id;
  });

  it('hides suggestions below 60 % by default, with a link to show them', async () => {
    const queue = await get(agent, '/contacts/duplicates');
    expect(queue.html).not.toContain(`/contacts/duplicates/${weak}/merge`);
    expect(queue.html).toContain('Show weaker suggestions (1 below 60%)');
    // The list's badge counts what the queue shows.
    expect((await get(agent, '/contacts')).html).toMatch(/Duplicates to review <span class="badge">0<\/span>/);
    const all = await get(agent, '/contacts/duplicates?weak=1');
    expect(all.html).toContain(`/contacts/duplicates/${weak}/merge?weak=1`);
    expect(all.html).toContain('32% likely the same person');
    expect(all.html).toContain('weak evidence: check before merging');
  });

  it('marks a similar contact on the contact page as weak evidence when only its name is alike', async () => {
    const html = (await get(agent, `/contacts/${hana}`)).html;
    const item = html.slice(html.indexOf('data-testid="similar-item"'));
    expect(item).toContain('Ana Müller');
    expect(item).toContain('weak evidence: check before merging');
  });

  it('makes "Not the same person" the first button of a weak suggestion and Merge a secondary one', async () => {
    const html = (await get(agent, '/contacts/duplicates?weak=1')).html;
    const card = html.slice(html.indexOf('data-weak="yes"'));
    const dismiss = card.indexOf(`/contacts/duplicates/${weak}/dismiss?weak=1`);
    const merge = card.indexOf('data-testid="merge"');
    expect(dismiss).toBeGreaterThan(0);
    expect(dismiss).toBeLessThan(merge);
    expect(card).toMatch(/<button type="submit" class="primary"|<button type="submit">Not the same person/);
    expect(card).toMatch(/<button type="submit" form="merge-[^"]+" class="secondary" data-testid="merge">/);
  });

  it('marks the fields that differ between the two sides in words, not colour alone', async () => {
    const html = (await get(agent, '/contacts/duplicates?weak=1')).html;
    expect(html).toContain('Different: Name');
    expect(html).toMatch(/class="side-head differs"[\s\S]*?<span class="differs-mark">differs<\/span>/);
    // Fields that are the same carry no mark.
    expect(html).not.toMatch(/<dd class="differs" data-differs="yes">subscriber/);
  });

  it('goes back to the weaker suggestions after dismissing one of them', async () => {
    const res = await postForm(agent, `/contacts/duplicates/${weak}/dismiss?weak=1`);
    expect(res.location).toBe('/contacts/duplicates?weak=1&ok=dismissed');
  });
});
