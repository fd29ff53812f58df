import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;

beforeAll(async () => {
  t = await createTestContext({ env: { TRUST_PROXY: '1' } });
  ws = await t.seedWorkspace('Acme');
});
afterAll(() => t.close());

describe('POST /api/v1/auth/login', () => {
  it('returns a bearer token that /me accepts, naming the owner and workspace', async () => {
    const res = await t.request('POST', '/api/v1/auth/login', {
      body: { email: 'OWNER@acme.test', password: PASSWORD },
    });
    expect(res.status).toBe(200);
    expect(res.json.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const me = await t.request('GET', '/api/v1/me', { token: res.json.token });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({
      id: ws.owner.id,
      email: 'owner@acme.test',
      role: 'owner',
      workspaceId: ws.workspace.id,
      workspaceSlug: 'acme',
    });
  });

  it('sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const res = await t.request('POST', '/api/v1/auth/login', {
      body: { email: 'owner@acme.test', password: PASSWORD },
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/); // plain http here; https is covered below
  });

  it('marks the cookie Secure when the request came over https', async () => {
    const res = await t.app.request('https://crm.example/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@acme.test', password: PASSWORD }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('answers 401 in the error shape for a wrong password', async () => {
    const res = await t.request('POST', '/api/v1/auth/login', {
      body: { email: 'owner@acme.test', password: 'wrong-password-1' },
      headers: { 'x-forwarded-for': '10.9.9.1' },
    });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({
      error: { code: 'INVALID_CREDENTIALS', kind: 'unauthenticated', message: expect.any(String), details: null },
    });
  });

  it('answers 401 the same way for an unknown email', async () => {
    const res = await t.request('POST', '/api/v1/auth/login', {
      body: { email: 'nobody@acme.test', password: 'whatever-password' },
      headers: { 'x-forwarded-for': '10.9.9.2' },
    });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('answers 422 with the zod issues for a body without a password', async () => {
    const res = await t.request('POST', '/api/v1/auth/login', { body: { email: 'owner@acme.test' } });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('VALIDATION_FAILED');
    expect(res.json.error.details[0].path).toEqual(['password']);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const res = await t.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('BAD_REQUEST');
  });
});

describe('GET /api/v1/me', () => {
  it('answers 401 without a session', async () => {
    const res = await t.request('GET', '/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('UNAUTHENTICATED');
  });

  it('answers 401 for a made-up bearer token', async () => {
    const res = await t.request('GET', '/api/v1/me', { token: 'not-a-real-token' });
    expect(res.status).toBe(401);
  });
});

describe('POST /api/v1/auth/logout', () => {
  it('revokes the session so the same token no longer works', async () => {
    const token = await t.login('owner@acme.test');
    expect((await t.request('GET', '/api/v1/me', { token })).status).toBe(200);
    expect((await t.request('POST', '/api/v1/auth/logout', { token })).status).toBe(204);
    expect((await t.request('GET', '/api/v1/me', { token })).status).toBe(401);
  });
});
