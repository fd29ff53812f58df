import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SocialAuthor, SocialPost } from '../../src/core/social-post';
import { socialAuthor, socialPost } from '../helpers/posts';
import { contacts, identities, segments } from '../../src/contacts/schema';
import { ingestPosts } from '../../src/ingest/pipeline';
import type { Platform } from '../../src/core/platforms';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let agent: { cookie: string; csrf: string };
let analyst: { cookie: string; csrf: string };
const FORM = 'application/x-www-form-urlencoded';
const HOSTILE = '<img src=x onerror=alert(1)>';
let n = 0;

const post = (text: string, a: Partial<SocialAuthor>): SocialPost =>
  socialPost({
    externalId: `pp-${++n}`,
    url: `https://example.social/p/${n}`,
    text,
    createdAt: new Date(Date.now() - 3 * 86_400_000 + n * 60_000),
    author: socialAuthor(a),
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
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};
const post_ = async (who: { cookie: string; csrf: string }, path: string, fields: Record<string, string> = {}) => {
  const res = await t.app.request(path, {
    method: 'POST',
    headers: { cookie: who.cookie, 'content-type': FORM },
    body: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString(),
  });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};

let mallory: string;
let xZed: string;
let mZed: string;

beforeAll(async () => {
  t = await createTestContext();
  ws = await t.seedWorkspace('Pages Co');
  await t.seedUser(ws.workspace.id, 'agent', 'agent@pagesco.test');
  await t.seedUser(ws.workspace.id, 'analyst', 'analyst@pagesco.test');
  agent = await t.browserSession('agent@pagesco.test');
  analyst = await t.browserSession('analyst@pagesco.test');
  await ingest('x', [
    post(`acme is great ${HOSTILE} love it`, {
      externalId: 'x-mal',
      handle: 'mallory',
      name: HOSTILE,
      followers: 5400,
      url: 'javascript:alert(1)',
    }),
  ]);
  await ingest('x', [
    post('is acme down for anyone?', { externalId: 'x-zed', handle: 'zedwrites', name: 'Zed', followers: 10 }),
  ]);
  await ingest('mastodon', [
    post('acme billing is a mess, terrible', {
      externalId: 'm-zed',
      handle: 'ZedWrites',
      name: 'zed',
      url: 'https://social.example/@ZedWrites',
    }),
  ]);
  mallory = await contactOf('x', 'x-mal');
  xZed = await contactOf('x', 'x-zed');
  mZed = await contactOf('mastodon', 'm-zed');
});
afterAll(() => t.close());

describe('contacts list page', () => {
  it('lists contacts for an agent, escaping hostile names, with the duplicates count', async () => {
    const res = await get(agent, '/contacts');
    expect(res.status).toBe(200);
    expect(res.html.match(/data-testid="contact-row"/g)).toHaveLength(3);
    expect(res.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(res.html).not.toContain(HOSTILE);
    expect(res.html).toMatch(/Duplicates to review <span class="badge">1<\/span>/);
  });

  it('filters by search, platform and followers, ignores broken values, and pages', async () => {
    expect((await get(agent, '/contacts?q=zed')).html.match(/data-testid="contact-row"/g)).toHaveLength(2);
    const onMastodon = await get(agent, '/contacts?platform=mastodon');
    expect(onMastodon.html.match(/data-testid="contact-row"/g)).toHaveLength(1);
    expect(onMastodon.html).toContain(`/contacts/${mZed}`);
    expect((await get(agent, '/contacts?minFollowers=1000')).html).toContain(`/contacts/${mallory}`);
    expect((await get(agent, '/contacts?minFollowers=1000')).html.match(/data-testid="contact-row"/g)).toHaveLength(1);
    const broken = await get(
      agent,
      '/contacts?minFollowers=abc&sort=nope&platform=myspace&segment=not-a-uuid&offset=-4',
    );
    expect(broken.status).toBe(200);
    expect(broken.html.match(/data-testid="contact-row"/g)).toHaveLength(3);
    expect((await get(agent, '/contacts?sort=followers')).html.indexOf(`/contacts/${mallory}`)).toBeLessThan(
      (await get(agent, '/contacts?sort=followers')).html.indexOf(`/contacts/${xZed}`),
    );
  });

  it('saves the current filters as a segment and lists through it', async () => {
    const saved = await post_(agent, '/contacts/segments', { name: 'Zeds', q: 'zed', platform: 'x' });
    expect(saved.status).toBe(303);
    const [segment] = await t.db
      .select()
      .from(segments)
      .where(and(eq(segments.workspaceId, ws.workspace.id), eq(segments.name, 'Zeds')));
    expect(segment!.filter).toEqual({ q: 'zed', platform: 'x' });
    expect(saved.location).toBe(`/contacts?segment=${segment!.id}&ok=segment-saved`);
    const listed = await get(agent, saved.location!);
    expect(listed.html).toContain('Segment saved.');
    expect(listed.html.match(/data-testid="contact-row"/g)).toHaveLength(1);
    expect(listed.html).toContain(`/contacts/${xZed}`);
    expect((await post_(agent, '/contacts/segments', { name: 'Zeds', q: 'zed' })).status).toBe(409);
    expect(listed.html).toContain(`action="/contacts/segments/${segment!.id}/delete"`);
    expect((await post_(analyst, `/contacts/segments/${segment!.id}/delete`)).status).toBe(403);
    const deleted = await post_(agent, `/contacts/segments/${segment!.id}/delete`);
    expect(deleted.location).toBe('/contacts?ok=segment-deleted');
    // A link to the deleted segment lists everyone instead of failing.
    expect((await get(agent, saved.location!)).html.match(/data-testid="contact-row"/g)).toHaveLength(3);
  });
});

describe('contact page', () => {
  it('shows profile, identities, score reasons, first touch, sentiment chart and timeline, escaped', async () => {
    const res = await get(agent, `/contacts/${mallory}`);
    expect(res.status).toBe(200);
    expect(res.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(res.html).not.toContain(HOSTILE);
    expect(res.html).toContain('data-testid="identity-row"');
    expect(res.html).toContain('@mallory');
    // A javascript: profile link is shown as text, never as a link.
    expect(res.html).not.toContain('javascript:');
    expect(res.html).toContain('Reach: 5,400 followers');
    const german = await t.app.request(`/contacts/${mallory}`, {
      headers: { cookie: agent.cookie, 'accept-language': 'de' },
    });
    expect(await german.text()).toContain('Reichweite: 5.400 Follower');
    expect(res.html).toMatch(/data-testid="first-touch">X · \d{4}-\d{2}-\d{2}/);
    expect(res.html).toContain('<svg class="spark"');
    expect(res.html.match(/data-testid="timeline-item"/g)).toHaveLength(1);
    expect(res.html).toContain('acme is great &lt;img src=x onerror=alert(1)&gt; love it');
    expect(res.html).toContain(`action="/contacts/${mallory}"`);
  });

  it('saves the profile and adds a note, redirecting back with a notice', async () => {
    const saved = await post_(agent, `/contacts/${mallory}`, {
      name: 'Mallory M',
      emails: 'Mal@Example.com, m2@example.com',
      company: 'Evil <Corp>',
      title: '',
      location: 'Berlin',
      lifecycleStage: 'lead',
      tags: 'vip, beta',
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/contacts/${mallory}?ok=saved`);
    const [row] = await t.db.select().from(contacts).where(eq(contacts.id, mallory));
    expect(row).toMatchObject({
      name: 'Mallory M',
      emails: ['mal@example.com', 'm2@example.com'],
      company: 'Evil <Corp>',
      title: null,
      location: 'Berlin',
      lifecycleStage: 'lead',
      tags: ['vip', 'beta'],
    });
    expect((await get(agent, saved.location!)).html).toContain('Contact saved.');

    const noted = await post_(agent, `/contacts/${mallory}/notes`, { body: `called them ${HOSTILE}` });
    expect(noted.location).toBe(`/contacts/${mallory}?ok=noted`);
    const page = await get(agent, noted.location!);
    expect(page.html.match(/data-testid="timeline-item"/g)).toHaveLength(2);
    expect(page.html).toContain('called them &lt;img src=x onerror=alert(1)&gt;');
    expect(page.html).toContain('Evil &lt;Corp&gt;');
  });

  it('explains a bad form in place, keeping what was typed', async () => {
    const bad = await post_(agent, `/contacts/${mallory}`, {
      name: 'X',
      emails: 'not-an-email',
      company: '',
      title: '',
      location: '',
      lifecycleStage: 'lead',
      tags: '',
    });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('emails: not a valid email address');
    expect(bad.html).toContain('value="not-an-email"');
    const stage = await post_(agent, `/contacts/${mallory}`, {
      name: 'X',
      emails: '',
      company: '',
      title: '',
      location: '',
      lifecycleStage: 'wizard',
      tags: '',
    });
    expect(stage.status).toBe(422);
    expect(stage.html).toContain('Unknown lifecycle stage: wizard');
    expect((await post_(agent, `/contacts/${mallory}/notes`, { body: '   ' })).status).toBe(422);
  });

  it('says a form’s problem and a refusal in the viewer’s language', async () => {
    const german = async (path: string, fields: Record<string, string>) => {
      const res = await t.app.request(path, {
        method: 'POST',
        headers: { cookie: agent.cookie, 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'de' },
        body: new URLSearchParams({ _csrf: agent.csrf, ...fields }).toString(),
      });
      return { status: res.status, html: await res.text() };
    };
    // The schema's own words (not zod's, not English).
    const empty = await german(`/contacts/${mallory}/notes`, { body: '   ' });
    expect(empty.status).toBe(422);
    expect(empty.html).toContain('Schreiben Sie zuerst etwas');
    expect(empty.html).not.toContain('write something first');
  });

  it('lets an analyst read but not change anything', async () => {
    const page = await get(analyst, `/contacts/${mallory}`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain(`action="/contacts/${mallory}"`);
    expect(page.html).not.toContain('data-testid="profile-form"');
    expect(page.html).not.toContain('Merge into this contact');
    expect(page.html).not.toContain('name="body"');
    expect((await get(analyst, '/contacts')).status).toBe(200);
    expect((await get(analyst, '/contacts/duplicates')).html).not.toContain('/dismiss');
    expect(
      (
        await post_(analyst, `/contacts/${mallory}`, {
          name: 'Hacked',
          lifecycleStage: 'lead',
          emails: '',
          company: '',
          title: '',
          location: '',
          tags: '',
        })
      ).status,
    ).toBe(403);
    expect((await post_(analyst, `/contacts/${mallory}/notes`, { body: 'nope' })).status).toBe(403);
    expect((await post_(analyst, `/contacts/${xZed}/merge`, { from: mZed })).status).toBe(403);
    expect((await post_(analyst, '/contacts/segments', { name: 'Mine' })).status).toBe(403);
    const [row] = await t.db.select().from(contacts).where(eq(contacts.id, mallory));
    expect(row!.name).toBe('Mallory M');
  });

  it('answers 404 for an id that is not a contact', async () => {
    expect((await get(agent, '/contacts/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await get(agent, '/contacts/nope')).status).toBe(404);
  });

  it('shows the same handle on another platform as a possible duplicate', async () => {
    const res = await get(agent, `/contacts/${xZed}`);
    expect(res.html).toContain('data-testid="similar-item"');
    expect(res.html).toContain(`name="from" value="${mZed}"`);
    expect(res.html).toContain('@zedwrites on another platform');
    const german = await t.app.request(`/contacts/${xZed}`, {
      headers: { cookie: agent.cookie, 'accept-language': 'de' },
    });
    expect(await german.text()).toContain('@zedwrites auf einer anderen Plattform');
  });
});

describe('inbox', () => {
  it('links each mention author to their contact', async () => {
    const res = await get(agent, '/inbox/mentions');
    expect(res.html).toContain(`href="/contacts/${mallory}"`);
    expect(res.html).toContain(`href="/contacts/${mZed}"`);
  });
});

describe('duplicates queue', () => {
  let suggestionId: string;

  it('shows both contacts side by side with a choice for each differing field', async () => {
    const res = await get(agent, '/contacts/duplicates');
    expect(res.status).toBe(200);
    expect(res.html.match(/data-testid="suggestion"/g)).toHaveLength(1);
    expect(res.html.match(/data-testid="suggestion-contact"/g)).toHaveLength(2);
    expect(res.html).toContain('@zedwrites on Mastodon and X');
    // The evidence keeps codes and values: a German reader reads it in German.
    const german = await t.app.request('/contacts/duplicates', {
      headers: { cookie: agent.cookie, 'accept-language': 'de' },
    });
    expect(await german.text()).toContain('@zedwrites auf Mastodon und X');
    // Name differs ("Zed" / "zed"); the stage is the same for both, so there is nothing to choose.
    expect(res.html).toContain('name="field.name"');
    expect(res.html).not.toContain('name="field.lifecycleStage"');
    suggestionId = /action="\/contacts\/duplicates\/([0-9a-f-]{36})\/merge"/.exec(res.html)![1]!;
  });

  it('refuses an analyst', async () => {
    expect((await post_(analyst, `/contacts/duplicates/${suggestionId}/merge`, {})).status).toBe(403);
    expect((await post_(analyst, `/contacts/duplicates/${suggestionId}/dismiss`)).status).toBe(403);
  });

  it('merges the chosen way, then the merged-away contact points at the survivor, and undo splits them', async () => {
    const merged = await post_(agent, `/contacts/duplicates/${suggestionId}/merge`, { into: mZed, 'field.name': mZed });
    expect(merged.status).toBe(303);
    expect(merged.location).toBe(`/contacts/duplicates?ok=merged&contact=${mZed}`);
    const queue = await get(agent, merged.location!);
    expect(queue.html).toContain('Contacts merged.');
    expect(queue.html).toContain(`href="/contacts/${mZed}" data-testid="merged-contact-link"`);
    expect(queue.html).not.toContain('data-testid="suggestion"');

    const survivor = await get(agent, `/contacts/${mZed}`);
    expect(survivor.html).toContain('data-testid="contact-name">zed<');
    expect(survivor.html.match(/data-testid="identity-row"/g)).toHaveLength(2);
    expect(survivor.html.match(/data-testid="timeline-item"/g)).toHaveLength(2);
    const gone = await get(agent, `/contacts/${xZed}`);
    expect(gone.html).toContain('data-testid="merged-notice"');
    expect(gone.html).toContain(`href="/contacts/${mZed}"`);
    expect(gone.html).not.toContain('data-testid="profile-form"');
    expect((await get(agent, '/contacts?q=zed')).html.match(/data-testid="contact-row"/g)).toHaveLength(1);

    const mergeId = /action="\/contacts\/merges\/([0-9a-f-]{36})\/undo"/.exec(survivor.html)![1]!;
    const undone = await post_(agent, `/contacts/merges/${mergeId}/undo`);
    expect(undone.location).toBe(`/contacts/${mZed}?ok=unmerged`);
    expect((await get(agent, `/contacts/${xZed}`)).html).not.toContain('data-testid="merged-notice"');
    const again = await post_(agent, `/contacts/merges/${mergeId}/undo`);
    expect(again.status).toBe(409);
    expect(again.html).toContain('This merge was already undone');
  });

  it('dismisses a suggestion', async () => {
    const dismissed = await post_(agent, `/contacts/duplicates/${suggestionId}/dismiss`);
    expect(dismissed.location).toBe('/contacts/duplicates?ok=dismissed');
    const queue = await get(agent, dismissed.location!);
    expect(queue.html).toContain('Suggestion dismissed.');
    expect(queue.html).toContain('Nothing to review.');
    expect((await post_(agent, `/contacts/duplicates/${suggestionId}/dismiss`)).status).toBe(409);
  });

  it('merges a similar contact from the contact page', async () => {
    const res = await post_(agent, `/contacts/${xZed}/merge`, { from: mZed });
    expect(res.location).toBe(`/contacts/${xZed}?ok=merged`);
    expect((await get(agent, `/contacts/${xZed}`)).html.match(/data-testid="timeline-item"/g)).toHaveLength(2);
  });
});
