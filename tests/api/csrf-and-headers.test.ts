import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityBySlug, memberLogin, signUp } from '../../src/community/members.service';
import { members } from '../../src/community/schema';
import { createTestContext, PASSWORD, TEST_PASSWORD_PARAMS, type TestContext } from '../helpers/test-app';

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

/** What a request sends: each kind as a browser or client encodes it. */
type Body =
  | { form: Record<string, string> }
  | { multipart: Record<string, string> }
  | { text: string }
  | { json: unknown };

function encode(body: Body): { type?: string; payload: BodyInit } {
  if ('form' in body)
    return { type: 'application/x-www-form-urlencoded', payload: new URLSearchParams(body.form).toString() };
  if ('multipart' in body) {
    const data = new FormData();
    for (const [k, v] of Object.entries(body.multipart)) data.set(k, v);
    // No type of our own: fetch writes multipart/form-data with the boundary it chose.
    return { payload: data };
  }
  if ('text' in body) return { type: 'text/plain', payload: body.text };
  return { type: 'application/json', payload: JSON.stringify(body.json) };
}

/**
 * A POST through the app. Errors are asked for as JSON (the CSRF check ignores Accept), so a refusal on a
 * page reads as {error: {code, message}} just as it does on the API.
 */
function post(path: string, body: Body, headers: Record<string, string> = {}, ctx: TestContext = t) {
  const { type, payload } = encode(body);
  return ctx.app.request(`http://localhost${path}`, {
    method: 'POST',
    headers: { accept: 'application/json', ...(type ? { 'content-type': type } : {}), ...headers },
    body: payload,
  });
}

const WRONG_TOKEN = { code: 'CSRF_FAILED', message: /Missing or wrong CSRF token/ };
const CROSS_SITE = { code: 'CROSS_SITE_FORM', message: /Cross-site form posts are not accepted/ };

async function expectRefused(res: Response, why: { code: string; message: RegExp }) {
  expect(res.status).toBe(403);
  const { error } = await res.json();
  expect(error.code).toBe(why.code);
  expect(error.message).toMatch(why.message);
}

let workspaces = 0;

/** A workspace of the test's own whose owner is signed in in a browser (session cookie and its CSRF token). */
async function staff() {
  const ws = await t.seedWorkspace(`Csrf Staff ${++workspaces}`);
  const { cookie, csrf } = await t.browserSession(ws.owner.email);
  /** The names of the workspace's API keys, asked with the owner's bearer token. */
  const keyNames = async (): Promise<string[]> =>
    (await t.request('GET', '/api/v1/api-keys', { token: ws.token })).json.items.map((k: { name: string }) => k.name);
  return { cookie, csrf, token: ws.token, keyNames };
}

/** A board of the test's own with a member signed in on it (member cookie and its CSRF token). */
async function member() {
  const ws = await t.seedWorkspace(`Csrf Board ${++workspaces}`);
  const slug = ws.workspace.slug;
  const community = await communityBySlug(t.db, slug);
  const deps = { db: t.db, mailer: t.deps.mailer, logger: t.deps.logger, passwordParams: TEST_PASSWORD_PARAMS };
  const email = `ana@${slug}.test`;
  const now = t.deps.clock();
  await signUp(
    deps,
    community,
    { email, password: PASSWORD, displayName: 'Ana' },
    { ip: slug, baseUrl: 'http://x', now },
  );
  const session = await memberLogin(deps, community, { email, password: PASSWORD }, { ip: slug, now });
  const displayName = async () =>
    (await t.db.select().from(members).where(eq(members.id, session.member.id)))[0]!.displayName;
  return { slug, cookie: `msid=${session.token}`, csrf: session.csrfToken, ownerToken: ws.token, displayName };
}

describe('CSRF: staff signed in with a session cookie', () => {
  const newKey = (name: string, headers: Record<string, string>) =>
    post('/api/v1/api-keys', { json: { name, role: 'agent' } }, headers);
  /** Settings > API keys, the form a browser posts. */
  const keyForm = (body: Body, headers: Record<string, string>) => post('/settings/api-keys', body, headers);

  it('refuses a write without the CSRF token', async () => {
    const s = await staff();
    await expectRefused(await newKey('no token', { cookie: s.cookie }), WRONG_TOKEN);
    expect(await s.keyNames()).not.toContain('no token');
  });

  it('accepts a write carrying the session’s token in X-CSRF-Token', async () => {
    const s = await staff();
    expect((await newKey('header', { cookie: s.cookie, 'x-csrf-token': s.csrf })).status).toBe(201);
    expect(await s.keyNames()).toContain('header');
  });

  it('refuses a write whose X-CSRF-Token is not the session’s', async () => {
    const s = await staff();
    const other = await staff();
    await expectRefused(await newKey('wrong header', { cookie: s.cookie, 'x-csrf-token': other.csrf }), WRONG_TOKEN);
    expect(await s.keyNames()).not.toContain('wrong header');
  });

  it('accepts a form carrying the session’s token in its _csrf field', async () => {
    const s = await staff();
    const res = await keyForm({ form: { name: 'form', role: 'agent', _csrf: s.csrf } }, { cookie: s.cookie });
    expect(res.status).toBe(201);
    expect(await s.keyNames()).toContain('form');
  });

  it('refuses a form whose _csrf field is not the session’s', async () => {
    const s = await staff();
    const other = await staff();
    const res = await keyForm(
      { form: { name: 'wrong field', role: 'agent', _csrf: other.csrf } },
      { cookie: s.cookie },
    );
    await expectRefused(res, WRONG_TOKEN);
    expect(await s.keyNames()).not.toContain('wrong field');
  });

  it('accepts a multipart form carrying the session’s token in its _csrf field', async () => {
    const s = await staff();
    const res = await keyForm({ multipart: { name: 'multipart', role: 'agent', _csrf: s.csrf } }, { cookie: s.cookie });
    expect(res.status).toBe(201);
    expect(await s.keyNames()).toContain('multipart');
  });

  it('reads the X-CSRF-Token header before the form field: a right header passes a wrong field', async () => {
    const s = await staff();
    const other = await staff();
    const body = { form: { name: 'header wins', role: 'agent', _csrf: other.csrf } };
    expect((await keyForm(body, { cookie: s.cookie, 'x-csrf-token': s.csrf })).status).toBe(201);
    expect(await s.keyNames()).toContain('header wins');
  });

  it('reads the X-CSRF-Token header before the form field: a wrong header fails a right field', async () => {
    const s = await staff();
    const other = await staff();
    const body = { form: { name: 'header loses', role: 'agent', _csrf: s.csrf } };
    await expectRefused(await keyForm(body, { cookie: s.cookie, 'x-csrf-token': other.csrf }), WRONG_TOKEN);
    expect(await s.keyNames()).not.toContain('header loses');
  });

  it('refuses a text/plain form even with _csrf in it: only urlencoded and multipart bodies are read', async () => {
    const s = await staff();
    const res = await keyForm({ text: `name=plain\r\nrole=agent\r\n_csrf=${s.csrf}\r\n` }, { cookie: s.cookie });
    await expectRefused(res, WRONG_TOKEN);
  });

  it('asks nothing of reads (GET, HEAD, OPTIONS)', async () => {
    const s = await staff();
    const read = (method: string) => t.app.request('/api/v1/api-keys', { method, headers: { cookie: s.cookie } });
    const get = await read('GET');
    expect(get.status).toBe(200);
    expect((await get.json()).items).toEqual([]);
    expect((await read('HEAD')).status).toBe(200);
    // No route answers OPTIONS: the 404 shows the request got past the check to the router.
    const options = await read('OPTIONS');
    expect(options.status).toBe(404);
    expect((await options.json()).error.code).toBe('NOT_FOUND');
  });

  it('refuses a POST with no body and no token: another site cannot sign the user out', async () => {
    const s = await staff();
    const res = await t.app.request('/logout', {
      method: 'POST',
      headers: { accept: 'application/json', cookie: s.cookie },
    });
    await expectRefused(res, WRONG_TOKEN);
    expect((await t.app.request('/api/v1/api-keys', { headers: { cookie: s.cookie } })).status).toBe(200);
  });

  it('leaves /api/inngest to Inngest’s own signature check', async () => {
    const s = await staff();
    // Without an Inngest server configured nothing serves the path: the 404 shows the check let it through.
    const res = await post('/api/inngest', { json: {} }, { cookie: s.cookie });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('NOT_FOUND');
  });
});

describe('CSRF: bearer calls', () => {
  it('does not ask a session bearer token for a CSRF token', async () => {
    const s = await staff();
    const res = await post(
      '/api/v1/api-keys',
      { json: { name: 'bearer', role: 'agent' } },
      {
        authorization: `Bearer ${s.token}`,
      },
    );
    expect(res.status).toBe(201);
    expect(await s.keyNames()).toContain('bearer');
  });
});

describe('CSRF: community member signed in on a board', () => {
  const profile = (m: { slug: string }, body: Body, headers: Record<string, string>) =>
    post(`/c/${m.slug}/profile`, body, headers);

  async function expectSaved(res: Response, m: Awaited<ReturnType<typeof member>>, name: string) {
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/c/${m.slug}/profile?ok=saved`);
    expect(await m.displayName()).toBe(name);
  }

  it('accepts a form carrying the member session’s token in its _csrf field', async () => {
    const m = await member();
    await expectSaved(
      await profile(m, { form: { displayName: 'Ana F', _csrf: m.csrf } }, { cookie: m.cookie }),
      m,
      'Ana F',
    );
  });

  it('accepts a multipart form carrying the member session’s token in its _csrf field', async () => {
    const m = await member();
    const res = await profile(m, { multipart: { displayName: 'Ana M', _csrf: m.csrf } }, { cookie: m.cookie });
    await expectSaved(res, m, 'Ana M');
  });

  it('accepts a form carrying the member session’s token in X-CSRF-Token', async () => {
    const m = await member();
    const res = await profile(m, { form: { displayName: 'Ana H' } }, { cookie: m.cookie, 'x-csrf-token': m.csrf });
    await expectSaved(res, m, 'Ana H');
  });

  it('refuses a form without a token, and changes nothing', async () => {
    const m = await member();
    await expectRefused(await profile(m, { form: { displayName: 'Forged' } }, { cookie: m.cookie }), WRONG_TOKEN);
    expect(await m.displayName()).toBe('Ana');
  });

  it('reads the X-CSRF-Token header before the form field: a right header passes a wrong field', async () => {
    const m = await member();
    const other = await member();
    const body = { form: { displayName: 'Ana W', _csrf: other.csrf } };
    await expectSaved(await profile(m, body, { cookie: m.cookie, 'x-csrf-token': m.csrf }), m, 'Ana W');
  });

  it('reads the X-CSRF-Token header before the form field: a wrong header fails a right field', async () => {
    const m = await member();
    const other = await member();
    const body = { form: { displayName: 'Forged', _csrf: m.csrf } };
    await expectRefused(await profile(m, body, { cookie: m.cookie, 'x-csrf-token': other.csrf }), WRONG_TOKEN);
    expect(await m.displayName()).toBe('Ana');
  });

  it('refuses a text/plain form even with _csrf in it: only urlencoded and multipart bodies are read', async () => {
    const m = await member();
    const res = await profile(m, { text: `displayName=Forged\r\n_csrf=${m.csrf}\r\n` }, { cookie: m.cookie });
    await expectRefused(res, WRONG_TOKEN);
    expect(await m.displayName()).toBe('Ana');
  });

  it('refuses a POST with no body and no token: another site cannot sign the member out', async () => {
    const m = await member();
    const logout = { method: 'POST', headers: { accept: 'application/json', cookie: m.cookie } };
    await expectRefused(await t.app.request(`/c/${m.slug}/logout`, logout), WRONG_TOKEN);
    // Still signed in: the profile page shows rather than sending them to log in.
    expect((await t.app.request(`/c/${m.slug}/profile`, { headers: { cookie: m.cookie } })).status).toBe(200);
  });

  it('does not ask for the member’s token when the request carries an Authorization header', async () => {
    const m = await member();
    // A browser never adds Authorization to a cross-site form, so the header marks a deliberate client.
    const res = await profile(
      m,
      { form: { displayName: 'Ana A' } },
      {
        cookie: m.cookie,
        authorization: `Bearer ${m.ownerToken}`,
      },
    );
    await expectSaved(res, m, 'Ana A');
  });
});

describe('CSRF: forms posted without a session (sign-in, setup)', () => {
  /** The sign-in form sent empty: reaching the handler answers 422 with its own message, never a CSRF 403. */
  const signIn = (headers: Record<string, string>) => post('/login', { form: {} }, headers);

  async function expectSignInAnswered(res: Response) {
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Enter your email and password.');
  }

  it('accepts a form whose Origin is this host', async () => {
    await expectSignInAnswered(await signIn({ origin: 'http://localhost:3000', host: 'localhost:3000' }));
  });

  // The three encodings an HTML form can send from another site without a CORS preflight.
  it.each<[string, Body]>([
    ['urlencoded', { form: {} }],
    ['multipart', { multipart: {} }],
    ['text/plain', { text: '' }],
  ])('refuses a %s form posted from another site', async (_, body) => {
    await expectRefused(await post('/login', body, { origin: 'https://evil.example', host: 'localhost' }), CROSS_SITE);
  });

  it('refuses a setup form posted from another site', async () => {
    const res = await post('/setup', { form: {} }, { origin: 'https://evil.example', host: 'localhost' });
    await expectRefused(res, CROSS_SITE);
  });

  it('refuses a form whose Origin cannot be parsed, even when the request names no Host', async () => {
    // Browsers send "null" from sandboxed frames and opaque origins; no host may match it.
    await expectRefused(await signIn({ origin: 'null', host: 'localhost' }), CROSS_SITE);
    await expectRefused(await signIn({ origin: 'null' }), CROSS_SITE);
  });

  it('checks an upper-case form content type too', async () => {
    const headers = {
      origin: 'https://evil.example',
      host: 'localhost',
      'content-type': 'APPLICATION/X-WWW-FORM-URLENCODED',
    };
    await expectRefused(await signIn(headers), CROSS_SITE);
  });

  it('refuses a form whose Origin matches only X-Forwarded-Host when no proxy is trusted', async () => {
    const res = await signIn({
      origin: 'https://crm.example',
      host: '10.0.0.5:3000',
      'x-forwarded-host': 'crm.example',
    });
    await expectRefused(res, CROSS_SITE);
  });

  it.each(['same-origin', 'none'])('accepts a form without Origin whose Sec-Fetch-Site is %s', async (site) => {
    await expectSignInAnswered(await signIn({ 'sec-fetch-site': site, host: 'localhost' }));
  });

  it.each(['cross-site', 'same-site'])('refuses a form without Origin whose Sec-Fetch-Site is %s', async (site) => {
    await expectRefused(await signIn({ 'sec-fetch-site': site, host: 'localhost' }), CROSS_SITE);
  });

  it('accepts a form with neither Origin nor Sec-Fetch-Site (an old browser or a script)', async () => {
    await expectSignInAnswered(await signIn({ host: 'localhost' }));
  });

  it('does not check where a JSON request comes from: a cross-site page cannot send one without CORS', async () => {
    const res = await post('/api/v1/auth/login', { json: {} }, { origin: 'https://evil.example', host: 'localhost' });
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('VALIDATION_FAILED');
  });
});

describe('CSRF: forms posted without a session behind a trusted proxy (TRUST_PROXY)', () => {
  let proxied: TestContext;
  beforeAll(async () => {
    proxied = await createTestContext({ env: { TRUST_PROXY: '1' } });
  });
  afterAll(() => proxied.close());

  const signIn = (headers: Record<string, string>) => post('/login', { form: {} }, headers, proxied);

  it('accepts a form whose Origin is the X-Forwarded-Host the proxy was asked for', async () => {
    const res = await signIn({
      origin: 'https://crm.example',
      host: '10.0.0.5:3000',
      'x-forwarded-host': 'crm.example',
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Enter your email and password.');
  });

  it('refuses a form whose Origin is the proxy’s upstream Host but not X-Forwarded-Host', async () => {
    const res = await signIn({
      origin: 'http://10.0.0.5:3000',
      host: '10.0.0.5:3000',
      'x-forwarded-host': 'crm.example',
    });
    await expectRefused(res, CROSS_SITE);
  });

  it('compares Origin with Host when the proxy sends no X-Forwarded-Host', async () => {
    const res = await signIn({ origin: 'https://crm.example', host: 'crm.example' });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Enter your email and password.');
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
