import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPosts } from '../../src/ingest/pipeline';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, type TestContext } from '../helpers/test-app';

/**
 * A person's inbox habits (single-key shortcuts on or off, what opens after triage) on the profile page and
 * PATCH /me, handed to the script in the page; the inbox page's filter chips, split-view pane and skip link as
 * served without script.
 */
let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let who: { cookie: string; csrf: string };
const FORM = 'application/x-www-form-urlencoded';

const get = async (path: string) => {
  const res = await t.app.request(path, { headers: { cookie: who.cookie } });
  return { status: res.status, html: await res.text() };
};
const send = async (path: string, fields: [string, string][]) => {
  const body = new URLSearchParams([...fields, ['_csrf', who.csrf]]);
  const res = await t.app.request(path, {
    method: 'POST',
    headers: { cookie: who.cookie, 'content-type': FORM },
    body: body.toString(),
  });
  return { status: res.status, location: res.headers.get('location') };
};
const me = async () => (await t.request('GET', '/api/v1/me', { token: ws.token })).json;

beforeAll(async () => {
  t = await createTestContext();
  ws = await t.seedWorkspace('Habit Desk');
  who = await t.browserSession('owner@habitdesk.test');
  await ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics: [] }, [
    socialPost({
      externalId: 'habit-1',
      text: '@acme this is broken and awful',
      createdAt: new Date(Date.now() - 60_000),
      author: socialAuthor({ externalId: 'h-1', handle: 'hana' }),
    }),
  ]);
});
afterAll(async () => {
  await t?.close();
});

describe('inbox habits on the profile', () => {
  it('start with shortcuts on and the next conversation after triage, said in the page for the script', async () => {
    expect(await me()).toMatchObject({ keyboardShortcuts: true, afterTriage: 'next' });
    const page = await get('/inbox');
    expect(page.html).toContain('<meta name="keyboard-shortcuts" content="on"/>');
    expect(page.html).toContain('<meta name="after-triage" content="next"/>');
  });

  it('are changed by the profile form: an unticked box turns shortcuts off, a ticked one on again', async () => {
    const off = await send('/settings/profile', [
      ['name', 'Habit Owner'],
      ['keyboardShortcuts', 'off'],
      ['afterTriage', 'list'],
    ]);
    expect(off).toMatchObject({ status: 303, location: '/settings/profile?ok=saved' });
    expect(await me()).toMatchObject({ keyboardShortcuts: false, afterTriage: 'list' });
    expect((await get('/inbox')).html).toContain('<meta name="keyboard-shortcuts" content="off"/>');
    const profile = (await get('/settings/profile')).html;
    expect(profile).toMatch(/<input type="checkbox" name="keyboardShortcuts" value="on"(?![^>]*checked)[^>]*>/);
    expect(profile).toMatch(/<input type="radio" name="afterTriage" value="list" checked=""/);

    await send('/settings/profile', [
      ['keyboardShortcuts', 'off'],
      ['keyboardShortcuts', 'on'],
    ]);
    expect(await me()).toMatchObject({ keyboardShortcuts: true, afterTriage: 'list' });
  });

  it('are changed by PATCH /me, which leaves out what it is not given and refuses what does not fit', async () => {
    const res = await t.request('PATCH', '/api/v1/me', { token: ws.token, body: { afterTriage: 'next' } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ keyboardShortcuts: true, afterTriage: 'next' });
    const bad = await t.request('PATCH', '/api/v1/me', { token: ws.token, body: { afterTriage: 'elsewhere' } });
    expect(bad.status).toBe(422);
    const key = await t.request('PATCH', '/api/v1/me', { token: ws.token, body: { keyboardShortcuts: 'yes' } });
    expect(key.status).toBe(422);
  });
});

describe('the inbox page without script', () => {
  it('starts with a skip link to the page', async () => {
    const { html } = await get('/inbox');
    expect(html).toMatch(/<body><a class="skip-link" href="#main"[^>]*>Skip to content<\/a>/);
    expect(html).toContain('<main id="main" tabindex="-1" class="wide">');
  });

  it('shows each active filter as a chip whose link drops it, keeping the others', async () => {
    const { html } = await get('/inbox?sentiment=negative&view=mine&tag=refund');
    expect(html).toContain('data-testid="filter-chips"');
    expect(html).toContain('Sentiment: negative');
    expect(html).toContain('href="/inbox?view=mine&amp;tag=refund" aria-label="Remove the filter Sentiment: negative"');
    expect(html).toContain(
      'href="/inbox?view=mine&amp;sentiment=negative" aria-label="Remove the filter Tag: #refund"',
    );
    expect((await get('/inbox')).html).not.toContain('data-testid="filter-chips"');
  });

  it('names the split view’s conversation with a link to its page, and ignores an id that is none', async () => {
    const [row] = (await t.request('GET', '/api/v1/conversations', { token: ws.token })).json.items;
    const open = await get(`/inbox?open=${row.id}`);
    expect(open.html).toContain(`<div class="inbox-split" id="inbox-split" data-open="${row.id}">`);
    expect(open.html).toContain(`<a id="pane-full" href="/inbox/c/${row.id}">Open the conversation</a>`);
    expect(open.html).toMatch(/class="card conv-row[^"]* open"/);
    const odd = await get('/inbox?open=../../settings');
    expect(odd.status).toBe(200);
    expect(odd.html).toContain('<div class="inbox-split" id="inbox-split">');
    expect(odd.html).toMatch(/<section id="split-pane"[^>]*hidden=""/);
  });
});
