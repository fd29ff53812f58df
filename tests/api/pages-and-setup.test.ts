import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureOwner } from '../../src/accounts/setup.service';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

let t: TestContext;
let setupToken: string;
const now = () => new Date();
const form = (data: Record<string, string>) => new URLSearchParams(data).toString();
const FORM = 'application/x-www-form-urlencoded';

beforeAll(async () => {
  t = await createTestContext();
  const first = await ensureOwner(t.db, { workspaceName: 'unused', now: now(), passwordParams: { m: 64, t: 1, p: 1 } });
  if (first.kind !== 'setup-link') throw new Error('expected a setup link on an empty database');
  setupToken = first.token;
});
afterAll(() => t.close());

const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0]!;

describe('first-run setup', () => {
  it('shows the setup form for the printed token and refuses a wrong one', async () => {
    expect((await t.app.request(`/setup?token=${setupToken}`)).status).toBe(200);
    expect((await t.app.request('/setup?token=wrong')).status).toBe(404);
  });

  it('creates the workspace and owner, signs them in, and the link then stops working', async () => {
    const res = await t.app.request('/setup', {
      method: 'POST',
      headers: { 'content-type': FORM },
      body: form({
        token: setupToken,
        workspaceName: 'Zeta Corp',
        name: 'Zed',
        email: 'zed@zeta.test',
        password: PASSWORD,
      }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/inbox');
    const inbox = await t.app.request('/inbox', { headers: { cookie: cookieOf(res) } });
    expect(inbox.status).toBe(200);
    expect(await inbox.text()).toContain('zed@zeta.test');
    expect((await t.app.request(`/setup?token=${setupToken}`)).status).toBe(404);
    expect((await ensureOwner(t.db, { workspaceName: 'x', now: now() })).kind).toBe('ready');
  });
});

describe('staff pages', () => {
  it('sends a visitor without a session to the login page, remembering where they were going', async () => {
    const res = await t.app.request('/settings/users');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Fsettings%2Fusers');
  });

  it('signs in through the login form and follows only same-site next links', async () => {
    const res = await t.app.request('/login', {
      method: 'POST',
      headers: { 'content-type': FORM },
      body: form({ email: 'zed@zeta.test', password: PASSWORD, next: '//evil.example/x' }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/inbox');
  });

  it('re-renders the login form with 401 and a message for a wrong password', async () => {
    const res = await t.app.request('/login', {
      method: 'POST',
      headers: { 'content-type': FORM },
      body: form({ email: 'zed@zeta.test', password: 'wrong-password!' }),
    });
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('Email or password is wrong');
  });

  it('invites a user from Settings > Users, shows the link once and escapes a hostile name', async () => {
    const login = await t.app.request('/login', {
      method: 'POST',
      headers: { 'content-type': FORM },
      body: form({ email: 'zed@zeta.test', password: PASSWORD }),
    });
    const cookie = cookieOf(login);
    const page = await (await t.app.request('/settings/users', { headers: { cookie } })).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const add = await t.app.request('/settings/users', {
      method: 'POST',
      headers: { cookie, 'content-type': FORM },
      body: form({ _csrf: csrf, email: 'eve@zeta.test', name: '<script>alert(1)</script>', role: 'agent' }),
    });
    // Rendered, not redirected: the link (no SMTP here) must not travel in a URL.
    expect(add.status).toBe(201);
    const shown = await add.text();
    expect(shown).toContain('Invitation made for eve@zeta.test.');
    expect(shown).toMatch(/data-testid="invitation-link">http:\/\/localhost\/invitations\/accept\?token=[\w-]+</);
    expect(shown).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(shown).not.toContain('<script>alert(1)</script>');
    const after = await (await t.app.request('/settings/users', { headers: { cookie } })).text();
    expect(after).toContain('data-testid="invitation-row"');
    expect(after).not.toContain('data-testid="invitation-link"');
  });

  it('refuses the same form post without the CSRF token', async () => {
    const login = await t.app.request('/login', {
      method: 'POST',
      headers: { 'content-type': FORM },
      body: form({ email: 'zed@zeta.test', password: PASSWORD }),
    });
    const res = await t.app.request('/settings/users', {
      method: 'POST',
      headers: { cookie: cookieOf(login), 'content-type': FORM },
      body: form({ email: 'mallory@zeta.test', role: 'admin' }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('text/html');
  });

  it('shows an HTML error page for an unknown page and JSON for an unknown API path', async () => {
    const page = await t.app.request('/no-such-page');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    const api = await t.app.request('/api/v1/no-such-thing');
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe('NOT_FOUND');
  });
});

describe('service endpoints', () => {
  it('answers /health with the database kind', async () => {
    const res = await t.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok', db: t.handle.kind });
  });

  it('publishes an OpenAPI document that lists the routes with their schemas', async () => {
    const res = await t.request('GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe('3.1.0');
    expect(Object.keys(res.json.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/auth/logout',
        '/api/v1/me',
        '/api/v1/users',
        '/api/v1/users/{id}',
        '/api/v1/api-keys',
        '/api/v1/audit-log',
      ]),
    );
    expect(Object.keys(res.json.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/conversations',
        '/api/v1/conversations/{id}',
        '/api/v1/conversations/{id}/replies',
        '/api/v1/conversations/{id}/replies/check',
        '/api/v1/replies/{id}',
        '/api/v1/conversations/{id}/notes',
        '/api/v1/routing-rules',
        '/api/v1/saved-replies',
        '/api/v1/mentions/{id}/intents',
        '/api/v1/live',
      ]),
    );
    expect(res.json.paths['/api/v1/conversations/{id}'].patch.requestBody.content['application/json'].schema.$ref).toBe(
      '#/components/schemas/ConversationPatch',
    );
    expect(res.json.components.schemas.ConversationPatch.properties.addTags).toBeDefined();
    expect(res.json.components.schemas.LoginRequest.required).toEqual(['email', 'password']);
    expect(res.json.components.schemas.Error).toBeDefined();
  });

  it('exposes Prometheus counters for ingest, replies and poll errors', async () => {
    const res = await t.request('GET', '/metrics');
    expect(res.status).toBe(200);
    for (const name of [
      'social_posts_ingested_total',
      'social_replies_sent_total',
      'social_replies_failed_total',
      'social_poll_errors_total',
      'http_requests_total',
    ]) {
      expect(res.text).toContain(`# TYPE ${name} counter`);
    }
    expect(res.text).toMatch(/http_requests_total\{method="GET",route="\/health",status="200"\} \d+/);
  });
});
