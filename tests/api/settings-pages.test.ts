import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeX, type FakeX } from '../fakes/x-server';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

let t: TestContext;
let x: FakeX;
let owner: { cookie: string; csrf: string };
let analyst: { cookie: string; csrf: string };
const FORM = 'application/x-www-form-urlencoded';

async function browserLogin(email: string) {
  const res = await t.request('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } });
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: res.json.csrfToken as string };
}

const get = async (who: { cookie: string }, path: string) => {
  const res = await t.app.request(path, { headers: { cookie: who.cookie } });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};
const post = async (who: { cookie: string; csrf: string }, path: string, fields: Record<string, string> = {}) => {
  const res = await t.app.request(path, {
    method: 'POST',
    headers: { cookie: who.cookie, 'content-type': FORM },
    body: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString(),
  });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};

beforeAll(async () => {
  t = await createTestContext();
  x = await startFakeX();
  const ws = await t.seedWorkspace('Pages');
  await t.seedUser(ws.workspace.id, 'analyst', 'analyst@pages.test');
  owner = await browserLogin('owner@pages.test');
  analyst = await browserLogin('analyst@pages.test');
});
afterAll(async () => {
  await x.close();
  await t.close();
});

describe('Settings > Topics page', () => {
  it('adds a topic, and explains a broken query in the form', async () => {
    expect(
      (await post(owner, '/settings/topics', { name: 'Acme', kind: 'brand', query: 'acme OR "acme cloud"' })).location,
    ).toBe('/settings/topics');
    const bad = await post(owner, '/settings/topics', { name: 'Broken', kind: 'brand', query: '(acme' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Query: Unclosed parenthesis');
    expect(bad.html).toContain('value="(acme"');
    const page = await get(owner, '/settings/topics');
    expect(page.html.match(/data-testid="topic-row"/g)).toHaveLength(1);
    expect(page.html).toContain('acme OR &quot;acme cloud&quot;');
  });
});

describe('Settings > Users and API keys pages in German', () => {
  it('says what a form still needs, and what each role may do, in the language the owner chose', async () => {
    const ws = await t.seedWorkspace('Seiten');
    expect((await t.request('PATCH', '/api/v1/me', { token: ws.token, body: { language: 'de' } })).status).toBe(200);
    const inhaber = await browserLogin('owner@seiten.test');

    const key = await post(inhaber, '/settings/api-keys', { name: ' ', role: 'agent' });
    expect(key.status).toBe(422);
    expect(key.html).toContain('<div class="flash error" role="alert">Name: erforderlich</div>');

    // The role matrix's rows are core/roles.ts's permissions, said by the catalogue.
    const users = await get(inhaber, '/settings/users');
    expect(users.html).toContain('<td>Das Audit-Protokoll lesen</td>');
    expect(users.html).not.toContain('Read the audit log');
  });
});

describe('Settings > Sources pages', () => {
  let sourcePath: string;

  it('offers a form per platform and adds an X source from it', async () => {
    const list = await get(owner, '/settings/sources');
    expect(list.html).toContain('/settings/sources/new?platform=x');
    const form = await get(owner, '/settings/sources/new?platform=x');
    expect(form.html).toContain('name="credentials.bearerToken"');
    const created = await post(owner, '/settings/sources', {
      platform: 'x',
      name: 'Acme on X',
      'credentials.bearerToken': 'page-secret',
      'config.baseUrl': x.url,
      pollIntervalSeconds: '300',
    });
    expect(created.status).toBe(303);
    sourcePath = created.location!;
    expect(sourcePath).toMatch(/^\/settings\/sources\/[0-9a-f-]{36}$/);
    const page = await get(owner, sourcePath);
    expect(page.html).toContain('Acme on X');
    expect(page.html).not.toContain('page-secret');
    expect(page.html).toContain('stored, encrypted');
  });

  it('re-renders the form with the reason, never echoing secrets, when the platform config is wrong', async () => {
    const res = await post(owner, '/settings/sources', {
      platform: 'x',
      name: 'Bad',
      'credentials.bearerToken': 'do-not-echo',
      'config.baseUrl': 'not-a-url',
      pollIntervalSeconds: '300',
    });
    expect(res.status).toBe(422);
    expect(res.html).toContain('config.baseUrl');
    expect(res.html).not.toContain('do-not-echo');
  });

  it('verifies credentials and polls now, showing the result', async () => {
    x.addTweet({ text: 'acme from the settings page' });
    expect((await post(owner, `${sourcePath}/verify`)).html).toContain('Verified: X accepted the bearer token');
    const polled = await post(owner, `${sourcePath}/poll`);
    expect(polled.html).toContain('Polled: 1 fetched, 1 new, 0 already stored.');
    expect(polled.html).toContain('data-testid="mention-count">1<');
  });

  it('shows a failing source with its last error', async () => {
    x.fault({ status: 503, json: { title: 'Service Unavailable', detail: 'down for maintenance', status: 503 } });
    const res = await post(owner, `${sourcePath}/poll`);
    // Our words: the status, never the upstream's own text.
    expect(res.html).toContain('Poll failed: X answered HTTP 503');
    expect(res.html).not.toContain('down for maintenance');
    expect(res.html).toMatch(/data-testid="source-health">degraded/);
    expect((await get(owner, '/settings/sources')).html).toContain('X answered HTTP 503');
  });

  it('pauses and resumes', async () => {
    await post(owner, `${sourcePath}/pause`);
    expect((await get(owner, sourcePath)).html).toMatch(/data-testid="source-health">paused/);
    await post(owner, `${sourcePath}/resume`);
    expect((await get(owner, sourcePath)).html).toMatch(/data-testid="source-health">healthy/);
  });

  it('starts a backfill and shows its progress', async () => {
    const started = await post(owner, `${sourcePath}/backfill`, { days: '3' });
    expect(started.status).toBe(303);
    let html = '';
    for (let i = 0; i < 50; i++) {
      html = (await get(owner, sourcePath)).html;
      if (html.includes('done: 3 days')) break;
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(html).toContain('done: 3 days');
    expect(html).toMatch(/<progress max="100" value="100"/);
  });

  it('lets an analyst look but not change anything', async () => {
    const page = await get(analyst, sourcePath);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('Verify credentials');
    expect((await post(analyst, `${sourcePath}/pause`)).status).toBe(403);
    expect((await post(analyst, '/settings/topics', { name: 'X', kind: 'brand', query: 'x' })).status).toBe(403);
  });

  it('deletes a source', async () => {
    expect((await post(owner, `${sourcePath}/delete`)).location).toBe('/settings/sources');
    expect((await get(owner, sourcePath)).status).toBe(404);
  });
});

describe('Settings > Imports page', () => {
  it('uploads a file and shows its progress and bad rows', async () => {
    const form = new FormData();
    form.set('_csrf', owner.csrf);
    form.set('file', new File(['msg,when\nhello acme,2026-11-01\n,2026-11-02\n'], 'export.csv'));
    form.set('map', 'text=msg, createdAt=when');
    const res = await t.app.request('/settings/imports', {
      method: 'POST',
      headers: { cookie: owner.cookie },
      body: form,
    });
    expect(res.status).toBe(303);
    let html = '';
    for (let i = 0; i < 50; i++) {
      html = (await get(owner, '/settings/imports')).html;
      if (html.includes('badge">done')) break;
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(html).toContain('100% · 2/2 rows · 1 new');
    expect(html).toContain('line 3: empty text (column msg)');
  });

  it('explains a bad mapping', async () => {
    const form = new FormData();
    form.set('_csrf', owner.csrf);
    form.set('file', new File(['a\n1\n'], 'x.csv'));
    form.set('map', 'colour=a');
    const res = await t.app.request('/settings/imports', {
      method: 'POST',
      headers: { cookie: owner.cookie },
      body: form,
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Mapping &quot;colour=a&quot;');
  });
});
