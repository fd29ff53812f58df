import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/test-app';

/**
 * PostgreSQL text cannot hold NUL, and JSON's "\ud800" is a string no database stores. Such input is
 * refused at the edge (400 for the path and query, 422 naming the field for a body) in the one error
 * shape, on every route: routes are read from the app and the OpenAPI document, form fields from
 * the app's own pages, so a new route or field is covered the day it lands.
 */
let t: TestContext;
let token: string;
let cookie: string;
let csrf: string;
let slug: string;

const ANY_ID = '00000000-0000-4000-8000-000000000001';
// Each probe sends hundreds to thousands of requests: room for a busy machine, not a speed budget.
const PROBE_TIMEOUT = 120_000;
const NUL = '\u0000';
const LONE = '\ud800';

beforeAll(async () => {
  t = await createTestContext();
  const ws = await t.seedWorkspace('Hostile Text');
  token = ws.token;
  slug = ws.workspace.slug;
  ({ cookie, csrf } = await t.browserSession(ws.owner.email));
});
afterAll(() => t.close());

// Signing out would end the probe's own session half-way; those routes are probed in the path only.
const SIGN_OUT = /\/logout$/;
const routes = () => [
  ...new Map(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => [`${r.method} ${r.path}`, r])).values(),
];
const probed = () => routes().filter((r) => !SIGN_OUT.test(r.path));
/** A route's path with real values in its parameters, or `bad` in parameter number `at`. */
const fill = (path: string, at = -1, bad = '') => {
  let i = 0;
  return path.replace(/:([a-zA-Z]+)/g, (_, name: string) => (i++ === at ? bad : name === 'slug' ? slug : ANY_ID));
};

/** A signed-in request (bearer for the API, cookie and CSRF token for pages) that asks for JSON errors. */
async function send(method: string, path: string, body?: { type: string; text: string }) {
  const auth: Record<string, string> = path.startsWith('/api/')
    ? { authorization: `Bearer ${token}` }
    : { cookie, 'x-csrf-token': csrf };
  const res = await t.app.request(path, {
    method,
    headers: { accept: 'application/json', ...auth, ...(body ? { 'content-type': body.type } : {}) },
    ...(body ? { body: body.text } : {}),
  });
  const text = await res.text();
  let json: { error?: { code?: unknown; message?: unknown; details?: unknown } } | null = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, json, text };
}

/** Every answer that is not a clean refusal in the error shape, as "METHOD path (what) -> status body". */
async function probe(cases: { method: string; path: string; what: string; body?: { type: string; text: string } }[]) {
  const wrong: string[] = [];
  for (const c of cases) {
    const res = await send(c.method, c.path, c.body);
    const shaped =
      typeof res.json?.error?.code === 'string' &&
      typeof res.json.error.message === 'string' &&
      'details' in res.json.error;
    if (![400, 404, 422].includes(res.status) || !shaped)
      wrong.push(`${c.method} ${c.path} (${c.what}) -> ${res.status} ${res.text.slice(0, 160)}`);
  }
  return wrong;
}

interface OpenApiOperation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string; properties?: Record<string, unknown> } }> };
}

async function openApi() {
  const doc = (await send('GET', '/api/v1/openapi.json')).json as unknown as {
    paths: Record<string, Record<string, OpenApiOperation>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };
  const fieldsOf = (schema: { $ref?: string; properties?: Record<string, unknown> }) =>
    Object.keys((schema.$ref ? doc.components.schemas[schema.$ref.split('/').pop()!] : schema)?.properties ?? {});
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path: `/api/v1${path.replace(/\{([a-zA-Z]+)\}/g, ':$1')}`,
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      json: op.requestBody?.content['application/json']
        ? fieldsOf(op.requestBody.content['application/json'].schema)
        : [],
      multipart: op.requestBody?.content['multipart/form-data']
        ? fieldsOf(op.requestBody.content['multipart/form-data'].schema)
        : [],
    })),
  );
}

/** The names of every form field on the app's own pages. */
async function formFields() {
  const names = new Set<string>();
  for (const r of routes().filter(
    (r) => r.method === 'GET' && !r.path.startsWith('/api/') && !r.path.startsWith('/static/'),
  )) {
    const page = await t.app.request(fill(r.path), { headers: { cookie } });
    for (const m of (await page.text()).matchAll(/<(?:input|select|textarea|button)\b[^>]*\bname="([^"]+)"/g))
      names.add(m[1]!);
  }
  names.delete('_csrf');
  return [...names];
}

describe('a NUL byte or a lone surrogate on any route', () => {
  it(
    'in the path is refused with 400 or 404 on every route',
    async () => {
      const withParams = routes().filter((r) => r.path.includes(':'));
      expect(withParams.length).toBeGreaterThan(80);
      const cases = withParams.flatMap((r) =>
        (r.path.match(/:[a-zA-Z]+/g) ?? []).flatMap((param, at) => [
          { method: r.method, path: fill(r.path, at, '%00'), what: `NUL as ${param}` },
          { method: r.method, path: fill(r.path, at, 'a%00b'), what: `NUL inside ${param}` },
        ]),
      );
      // Routes without parameters: the NUL rides at the end of the path.
      cases.push(
        ...routes()
          .filter((r) => !r.path.includes(':'))
          .map((r) => ({ method: r.method, path: `${r.path}%00`, what: 'NUL path' })),
      );
      cases.push(
        { method: 'GET', path: '/c/%00', what: 'board slug' },
        { method: 'GET', path: '/c/%ED%A0%80', what: 'surrogate bytes' },
      );
      expect(await probe(cases)).toEqual([]);
    },
    PROBE_TIMEOUT,
  );

  it(
    'in the query is refused with 400 on every route, for every parameter it declares',
    async () => {
      const api = await openApi();
      const declared = new Map(api.map((o) => [`${o.method} ${o.path}`, o.query]));
      const cases = probed().flatMap((r) =>
        [...new Set(['q', 'cursor', ...(declared.get(`${r.method} ${r.path}`) ?? [])])].map((name) => ({
          method: r.method,
          path: `${fill(r.path)}?${name}=%00`,
          what: `query ${name}`,
        })),
      );
      expect(cases.length).toBeGreaterThan(300);
      expect(await probe(cases)).toEqual([]);
    },
    PROBE_TIMEOUT,
  );

  it(
    'in any JSON body field is refused with 422 naming the field',
    async () => {
      const api = (await openApi()).filter((o) => o.json.length > 0 && !SIGN_OUT.test(o.path));
      expect(api.length).toBeGreaterThan(30);
      const cases = api.flatMap((o) =>
        o.json.flatMap((field) =>
          [NUL, LONE].map((bad) => ({
            method: o.method,
            path: fill(o.path),
            what: `${field} ${bad === NUL ? 'NUL' : 'lone surrogate'}`,
            body: { type: 'application/json', text: JSON.stringify({ [field]: `x${bad}y` }) },
          })),
        ),
      );
      expect(await probe(cases)).toEqual([]);
      const named = await send('POST', '/api/v1/auth/login', {
        type: 'application/json',
        text: JSON.stringify({ email: `a${NUL}@b.test`, password: 'x' }),
      });
      expect(named.status).toBe(422);
      expect(named.json?.error).toMatchObject({ code: 'FIELD_TEXT_UNSAFE', details: { field: 'email' } });
      const deep = await send('POST', '/api/v1/analyze', {
        type: 'application/json',
        text: JSON.stringify({ texts: ['fine', `bad${LONE}`] }),
      });
      expect(deep.json?.error).toMatchObject({ code: 'FIELD_TEXT_UNSAFE', details: { field: 'texts.1' } });
    },
    PROBE_TIMEOUT,
  );

  it(
    'in any form field (url-encoded or multipart) is refused with 422 naming the field',
    async () => {
      const fields = await formFields();
      expect(fields.length).toBeGreaterThan(30);
      const posts = probed().filter((r) => r.method === 'POST' && !r.path.startsWith('/api/'));
      const cases = posts.flatMap((r) =>
        fields.map((field) => ({
          method: r.method,
          path: fill(r.path),
          what: `form ${field}`,
          body: {
            type: 'application/x-www-form-urlencoded',
            text: new URLSearchParams({ [field]: `x${NUL}y` }).toString(),
          },
        })),
      );
      expect(await probe(cases)).toEqual([]);
      const multipart = (await openApi()).filter((o) => o.multipart.length > 0);
      for (const o of multipart) {
        for (const field of o.multipart.filter((f) => f !== 'file')) {
          const form = new FormData();
          form.set('file', new File(['text\nhello\n'], 'a.csv'));
          form.set(field, `x${NUL}y`);
          const res = await t.app.request(fill(o.path), {
            method: o.method,
            headers: { authorization: `Bearer ${token}` },
            body: form,
          });
          expect([res.status, await res.json()]).toMatchObject([
            422,
            { error: { code: 'FIELD_TEXT_UNSAFE', details: { field } } },
          ]);
        }
      }
    },
    PROBE_TIMEOUT,
  );

  it('in the login email gives 422, not a database error', async () => {
    const res = await send('POST', '/api/v1/auth/login', {
      type: 'application/json',
      text: JSON.stringify({ email: `owner${NUL}@x.test`, password: 'irrelevant' }),
    });
    expect(res.status).toBe(422);
    const form = await send('POST', `/c/${slug}/login`, {
      type: 'application/x-www-form-urlencoded',
      text: 'email=a%00%40b.test&password=whatever-long',
    });
    expect(form.status).toBe(422);
  });
});

describe('requests without such text', () => {
  it('are refused for a NUL in a cookie before the session is looked up', async () => {
    const res = await t.app.request('/api/v1/me', { headers: { cookie: 'sid=%00' } });
    expect([res.status, await res.json()]).toMatchObject([
      400,
      { error: { code: 'REQUEST_TEXT_UNSAFE', details: { in: 'cookie', field: 'sid' } } },
    ]);
  });

  it('reach their routes with the body still readable (form, JSON, file)', async () => {
    const form = await t.app.request('/settings/topics', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, name: 'Störung', kind: 'brand', query: 'störung' }).toString(),
    });
    expect(form.status).toBe(303);
    const topics = await t.request('GET', '/api/v1/topics', { token });
    expect(topics.json.items.map((i: { name: string }) => i.name)).toContain('Störung');
    const analysed = await t.request('POST', '/api/v1/analyze', { token, body: { texts: ['I love it 😀'] } });
    expect(analysed.status).toBe(200);
    const file = new FormData();
    file.set('file', new File(['text\nhello\n'], 'a.csv'));
    const upload = await t.app.request('/api/v1/imports', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: file,
    });
    expect(upload.status).toBe(202);
    const id = ((await upload.json()) as { id: string }).id;
    await expect
      .poll(async () => (await t.request('GET', `/api/v1/imports/${id}`, { token })).json.status)
      .toBe('done');
  });
});

describe('a JSON route called without its content type', () => {
  it('answers 415 in the error shape', async () => {
    const res = await t.app.request('/api/v1/topics', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: 'Acme', query: 'acme' }),
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', details: null } });
    const plain = await t.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"email":"a@b.c","password":"x"}',
    });
    expect(plain.status).toBe(415);
  });
});
