import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeX, type FakeX } from '../fakes/x-server';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';
import { ingestPosts } from '../../src/ingest';
import { parseQuery } from '../../src/topics/query';
import { socialPost } from '../helpers/posts';

let t: TestContext;
let x: FakeX;
let owner: { cookie: string; csrf: string };
let ownerToken: string;
let workspaceId: string;
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
/** A page action answers with the page's own address (post/redirect/get); this is what the browser then shows. */
const followed = async (who: { cookie: string }, res: { status: number; location: string | null }) => {
  expect(res.status).toBe(303);
  return { ...(await get(who, res.location!)), address: res.location! };
};

beforeAll(async () => {
  t = await createTestContext();
  x = await startFakeX();
  const ws = await t.seedWorkspace('Pages');
  ownerToken = ws.token;
  workspaceId = ws.workspace.id;
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
    const added = await post(owner, '/settings/topics', { name: 'Acme', kind: 'brand', query: 'acme OR "acme cloud"' });
    expect(added.location).toBe('/settings/topics?ok=added');
    expect((await followed(owner, added)).html).toContain('<div class="flash ok" role="status">Topic added.');
    const bad = await post(owner, '/settings/topics', { name: 'Broken', kind: 'brand', query: '(acme' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Query: Unclosed parenthesis');
    expect(bad.html).toContain('value="(acme"');
    const page = await get(owner, '/settings/topics');
    expect(page.html.match(/data-testid="topic-row"/g)).toHaveLength(1);
    expect(page.html).toContain('acme OR &quot;acme cloud&quot;');
  });
});

describe('Settings > Topics: edit, and delete after asking', () => {
  it('edits a topic with the API’s checks, the query through the same compiler', async () => {
    await post(owner, '/settings/topics', { name: 'Globex', kind: 'competitor', query: 'globex' });
    const row = (await get(owner, '/settings/topics')).html;
    const id = /href="\/settings\/topics\/([0-9a-f-]{36})"/.exec(row.slice(row.indexOf('Globex')))![1]!;
    const form = await get(owner, `/settings/topics/${id}`);
    expect(form.html).toContain('value="globex"');
    expect(form.html).toContain('mentions already stored keep the topics they have');

    const bad = await post(owner, `/settings/topics/${id}`, { name: 'Globex', kind: 'competitor', query: '"globex' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Query: ');
    expect(bad.html).toContain('value="&quot;globex"');
    const taken = await post(owner, `/settings/topics/${id}`, { name: 'Acme', kind: 'competitor', query: 'globex' });
    expect(taken.status).toBe(409);

    const saved = await post(owner, `/settings/topics/${id}`, {
      name: 'Globex Corp',
      kind: 'brand',
      query: 'globex -jobs',
    });
    expect(saved.location).toBe('/settings/topics?ok=saved');
    const list = await followed(owner, saved);
    expect(list.html).toContain('Topic saved.');
    expect(list.html).toContain('globex -jobs');
    const api = await t.request('GET', `/api/v1/topics/${id}`, { token: ownerToken });
    expect(api.json).toMatchObject({ name: 'Globex Corp', kind: 'brand', query: 'globex -jobs' });
  });

  it('asks before deleting, saying how many mentions lose the topic; deletes only on the second button', async () => {
    const topic = await t.request('POST', '/api/v1/topics', {
      token: ownerToken,
      body: { name: 'Initech', kind: 'brand', query: 'initech' },
    });
    const id = topic.json.id as string;
    await ingestPosts(
      t.deps,
      { workspaceId, sourceId: null, platform: 'x', topics: [{ id, name: 'Initech', query: parseQuery('initech') }] },
      [
        socialPost({ externalId: 'initech-1', text: 'initech is great', createdAt: new Date() }),
        socialPost({ externalId: 'initech-2', text: 'initech again', createdAt: new Date() }),
      ],
    );
    const list = await get(owner, '/settings/topics');
    expect(list.html).toContain(`href="/settings/topics/${id}/delete"`);
    const ask = await get(owner, `/settings/topics/${id}/delete`);
    expect(ask.html).toContain(
      'The 2 mentions found for Initech stay in the inbox, contacts and reports, ' +
        'but no longer carry the topic Initech.',
    );
    expect(ask.html).toContain(`action="/settings/topics/${id}/pause"`);
    expect((await t.request('GET', `/api/v1/topics/${id}`, { token: ownerToken })).status).toBe(200);

    const deleted = await post(owner, `/settings/topics/${id}/delete`);
    expect(deleted.location).toBe('/settings/topics?ok=deleted');
    expect((await followed(owner, deleted)).html).toContain('Topic deleted. Its mentions stay.');
    expect((await t.request('GET', `/api/v1/topics/${id}`, { token: ownerToken })).status).toBe(404);
    // What the page said is what happened: the mentions are there, without the topic.
    const mentions = await t.request('GET', '/api/v1/mentions?q=initech', { token: ownerToken });
    expect(mentions.json.items).toHaveLength(2);
    for (const item of mentions.json.items) expect(item.topics).toEqual([]);
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
    sourcePath = new URL(created.location!, 'http://x').pathname;
    expect(sourcePath).toMatch(/^\/settings\/sources\/[0-9a-f-]{36}$/);
    // The credentials were tried with X before they were kept, and the page says so.
    const page = await followed(owner, created);
    expect(page.html).toContain('Source added; its first poll starts now. Verified: X accepted the bearer token');
    expect(page.html).toContain('Acme on X');
    expect(page.html).not.toContain('page-secret');
    expect(page.html).toContain('stored, encrypted');
  });

  it('says which X access is needed and links to the developer portal', async () => {
    const form = await get(owner, '/settings/sources/new?platform=x');
    expect(form.html).toContain('X API Basic or higher, or pay-per-use credits');
    expect(form.html).toContain('set to “Read and write”');
    expect(form.html).toContain('href="https://developer.x.com/en/portal/dashboard"');
    expect(form.html).toContain('Saving tries the credentials with X (Twitter) first');
  });

  it('refuses a token X does not accept, saying why and keeping the rest of the form', async () => {
    const before = (await get(owner, '/settings/sources')).html.match(/data-testid="source-row"/g)?.length ?? 0;
    x.fault({ status: 401, json: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' } });
    const res = await post(owner, '/settings/sources', {
      platform: 'x',
      name: 'Fake token',
      'credentials.bearerToken': 'not-a-real-token',
      'config.baseUrl': x.url,
      'config.accountHandle': '@acme',
      pollIntervalSeconds: '300',
    });
    expect(res.status).toBe(422);
    expect(res.html).toContain('X (Twitter) did not accept these credentials: X refused the credentials (HTTP 401)');
    expect(res.html).toContain('value="Fake token"');
    expect(res.html).toContain('value="@acme"');
    expect(res.html).not.toContain('not-a-real-token');
    const after = (await get(owner, '/settings/sources')).html.match(/data-testid="source-row"/g)?.length ?? 0;
    expect(after).toBe(before);
  });

  it('names the access level when X refuses search to a Free app', async () => {
    x.fault({
      status: 403,
      json: {
        title: 'Client Forbidden',
        type: 'https://api.twitter.com/2/problems/client-forbidden',
        reason: 'client-not-enrolled',
        detail: 'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens...',
        required_enrollment: 'Appropriate Level of API Access',
      },
    });
    const res = await post(owner, '/settings/sources', {
      platform: 'x',
      name: 'Free app',
      'credentials.bearerToken': 'free-level-token',
      'config.baseUrl': x.url,
      pollIntervalSeconds: '300',
    });
    expect(res.status).toBe(422);
    expect(res.html).toContain('does not include recent search; X API Basic or higher (or pay-per-use) is needed');
  });

  it('offers no Verify on a source without credentials', async () => {
    const created = await post(owner, '/settings/sources', {
      platform: 'hackernews',
      name: 'HN',
      'config.baseUrl': x.url,
      pollIntervalSeconds: '300',
    });
    const page = await followed(owner, created);
    expect(page.html).toContain('Source added; its first poll starts now.');
    expect(page.html).not.toContain('Verify credentials');
    expect(page.html).toContain('Poll now');
    await post(owner, `${new URL(created.location!, 'http://x').pathname}/delete`);
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
    const verified = await followed(owner, await post(owner, `${sourcePath}/verify`));
    // The address is the page's, so reloading shows the page and does not verify again.
    expect(verified.address.startsWith(`${sourcePath}?notice=`)).toBe(true);
    expect(verified.html).toContain('Verified: X accepted the bearer token');
    const polled = await followed(owner, await post(owner, `${sourcePath}/poll`));
    expect(polled.html).toContain('Polled: 1 fetched, 1 new, 0 already stored.');
    expect(polled.html).toContain('data-testid="mention-count">1<');
    // The notice is sealed to this source: another source's page, or a changed one, says nothing.
    const notice = new URL(polled.address, 'http://x').searchParams.get('notice')!;
    expect((await get(owner, `${sourcePath}?notice=${encodeURIComponent(`${notice}x`)}`)).html).not.toContain(
      'Polled:',
    );
  });

  it('shows a failing source with its last error', async () => {
    x.fault({ status: 503, json: { title: 'Service Unavailable', detail: 'down for maintenance', status: 503 } });
    const res = await followed(owner, await post(owner, `${sourcePath}/poll`));
    // Our words: the status, never the upstream's own text.
    expect(res.html).toContain('Poll failed: X answered HTTP 503');
    expect(res.html).not.toContain('down for maintenance');
    expect(res.html).toMatch(/data-testid="source-health">degraded/);
    expect((await get(owner, '/settings/sources')).html).toContain('X answered HTTP 503');
  });

  it('pauses and resumes', async () => {
    const paused = await followed(owner, await post(owner, `${sourcePath}/pause`));
    expect(paused.html).toMatch(/data-testid="source-health">paused/);
    expect(paused.html).toContain('Source paused: it is not polled until you resume it.');
    const resumed = await followed(owner, await post(owner, `${sourcePath}/resume`));
    expect(resumed.html).toMatch(/data-testid="source-health">healthy/);
    expect(resumed.html).toContain('Source resumed');
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
    // Delete asks first (a second button in a disclosure, no script needed) and says the mentions stay.
    const page = await get(owner, sourcePath);
    expect(page.html).toContain('data-testid="source-delete"');
    expect(page.html).toContain('The 1 mention it brought in stays in the inbox and reports.');
    const deleted = await post(owner, `${sourcePath}/delete`);
    expect(deleted.location).toBe('/settings/sources?ok=deleted');
    expect((await followed(owner, deleted)).html).toContain('Source deleted. The mentions it brought in stay.');
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
