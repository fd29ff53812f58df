import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../helpers/http-server';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

let t: TestContext;
let server: Awaited<ReturnType<typeof listen>>;

beforeAll(async () => {
  t = await createTestContext();
  await t.seedWorkspace('Redirect');
  server = await listen(t);
});
afterAll(async () => {
  await server?.close();
  await t?.close();
});

// ?next= values as the server receives them (after percent-decoding), each one a way off the site
// or into a broken Location header.
const HOSTILE: [string, string][] = [
  ['a tab browsers drop (/%09/evil.example)', '/\t/evil.example'],
  ['a protocol-relative URL', '//evil.example'],
  ['a backslash browsers read as a slash', '/\\evil.example'],
  ['an absolute URL', 'https://evil.example'],
  ['a dot segment that normalises to //', '/.//evil.example'],
  ['a CR LF header injection', '/inbox\r\nSet-Cookie: sid=stolen'],
  ['a bare LF', '/inbox\nx'],
  ['a vertical tab', '/inbox\u000b/evil.example'],
];

const signIn = (next: string) =>
  fetch(`${server.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
    body: new URLSearchParams({ email: 'owner@redirect.test', password: PASSWORD, next }).toString(),
  });

describe('?next= after login, over real HTTP', () => {
  it.each(HOSTILE)('sends a sign-in with %s to /inbox, never a 500', async (_name, next) => {
    const res = await signIn(next);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/inbox');
    expect(res.headers.get('set-cookie')).toMatch(/^sid=/);
  });

  it.each(HOSTILE)('sends a signed-in visit of /login with %s to /inbox', async (_name, next) => {
    const cookie = (await signIn('/inbox')).headers.get('set-cookie')!.split(';')[0]!;
    const res = await fetch(`${server.url}/login?next=${encodeURIComponent(next)}`, {
      redirect: 'manual',
      headers: { cookie },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/inbox');
  });

  it.each(HOSTILE)('puts /inbox, not %s, in the login form of a signed-out visitor', async (_name, next) => {
    const res = await fetch(`${server.url}/login?next=${encodeURIComponent(next)}`, { redirect: 'manual' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<input type="hidden" name="next" value="/inbox"/>');
  });

  it('still follows a same-site path with its query', async () => {
    const res = await signIn('/contacts?q=ana#top');
    expect(res.headers.get('location')).toBe('/contacts?q=ana#top');
  });
});
