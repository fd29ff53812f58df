import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityBySlug, signUp, verifyEmail } from '../../src/community/members.service';
import { createTestContext, recordingMailer, type TestContext } from '../helpers/test-app';

/**
 * A community member's session must never reach the staff app or API: every staff route answers
 * 403 to it. Routes are read from the app itself, so a new staff route is covered the day it lands.
 */
let t: TestContext;
const mailer = recordingMailer();
let cookie: string;
let csrf: string;
let slug: string;

// Open to everyone by design (sign-in, setup, invitation links, health, docs, the public board, static files).
const PUBLIC = [
  /^\/c\//,
  /^\/static\//,
  /^\/health$/,
  /^\/metrics$/,
  // Platforms' webhooks: no session at all, the platform's signature instead.
  /^\/webhooks\//,
  /^\/login$/,
  /^\/logout$/,
  /^\/setup$/,
  /^\/api\/v1\/auth\/login$/,
  /^\/invitations\/accept$/,
  /^\/api\/v1\/invitations\/accept$/,
  /^\/api\/v1\/openapi\.json$/,
  /^\/api\/v1\/errors$/,
  /^\/api\/inngest$/,
  // The language switch of pages read without a profile: a cookie and a redirect to a path of this site.
  /^\/language$/,
  /^\/$/,
];

beforeAll(async () => {
  t = await createTestContext({ mailer });
  const ws = await t.seedWorkspace('Members Only');
  slug = ws.workspace.slug;
  const community = await communityBySlug(t.db, ws.workspace.slug);
  const deps = { db: t.db, mailer, logger: t.deps.logger };
  await signUp(
    deps,
    community,
    { email: 'member@example.com', password: 'long-enough-pass', displayName: 'Member' },
    { ip: '1.1.1.1', baseUrl: 'http://x', now: new Date() },
  );
  await verifyEmail(deps, community, /token=([\w-]+)/.exec(mailer.sent.at(-1)!.text)![1]!, new Date());
  const login = await t.app.request(`/c/${ws.workspace.slug}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'email=member%40example.com&password=long-enough-pass',
  });
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const page = await (await t.app.request(`/c/${ws.workspace.slug}/profile`, { headers: { cookie } })).text();
  csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
});
afterAll(() => t.close());

const staffRoutes = () => [
  ...new Map(
    t.app.routes
      .filter((r) => r.method !== 'ALL' && !PUBLIC.some((p) => p.test(r.path)))
      .map((r) => [`${r.method} ${r.path}`, r]),
  ).values(),
];

describe('a community member in the staff app', () => {
  it('gets 403 on every staff page and API route', async () => {
    const routes = staffRoutes();
    expect(routes.length).toBeGreaterThan(100);
    const answers: string[] = [];
    for (const r of routes) {
      const path = r.path.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000001');
      const res = await t.app.request(path, {
        method: r.method,
        headers: {
          cookie,
          'x-csrf-token': csrf,
          'content-type': 'application/json',
          accept: path.startsWith('/api/') ? 'application/json' : 'text/html',
        },
        ...(r.method === 'GET' || r.method === 'HEAD' ? {} : { body: '{}' }),
      });
      const code = path.startsWith('/api/')
        ? ((await res.json()) as { error?: { code?: string } }).error?.code
        : 'page';
      answers.push(`${r.method} ${r.path} -> ${res.status} ${code}`);
    }
    // STAFF_ONLY, not a CSRF refusal or a missing login: the member is known and refused.
    expect(answers.filter((a) => !/-> 403 (STAFF_ONLY|page)$/.test(a))).toEqual([]);
  });

  it('still reaches the public board', async () => {
    const board = await t.app.request(`/c/${slug}`, { headers: { cookie } });
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('data-testid="member-avatar"');
  });
});
