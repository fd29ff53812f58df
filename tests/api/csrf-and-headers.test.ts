import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

let t: TestContext;
let cookie: string;
let csrfToken: string;

beforeAll(async () => {
  t = await createTestContext();
  await t.seedWorkspace('Csrf');
  const res = await t.request('POST', '/api/v1/auth/login', { body: { email: 'owner@csrf.test', password: PASSWORD } });
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  csrfToken = res.json.csrfToken;
});
afterAll(() => t.close());

const newKey = (headers: Record<string, string>) =>
  t.app.request('/api/v1/api-keys', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ name: 'ci', role: 'agent' }),
  });

describe('CSRF protection', () => {
  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const res = await newKey({ cookie });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('CSRF_FAILED');
  });

  it('accepts a cookie-authenticated write with the X-CSRF-Token header', async () => {
    expect((await newKey({ cookie, 'x-csrf-token': csrfToken })).status).toBe(201);
  });

  it('does not ask bearer-token calls for a CSRF token', async () => {
    const token = await t.login('owner@csrf.test');
    expect((await newKey({ authorization: `Bearer ${token}` })).status).toBe(201);
  });

  it('refuses a login form posted from another site', async () => {
    const res = await t.app.request('http://localhost/login', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
        host: 'localhost',
      },
      body: new URLSearchParams({ email: 'owner@csrf.test', password: PASSWORD }).toString(),
    });
    expect(res.status).toBe(403);
  });
});

describe('security headers', () => {
  it('sends a Content-Security-Policy without inline scripts, and no-sniff, on pages', async () => {
    const res = await t.app.request('/login');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('tags every answer with a request id', async () => {
    const res = await t.app.request('/health');
    expect(res.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
  });
});
