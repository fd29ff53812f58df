import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeX, type FakeX } from '../fakes/x-server';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

/**
 * A connector's verify answer is our own words (connectors.verify.*): the source page says it in the viewer's
 * language, while the API keeps answering in English.
 */
let t: TestContext;
let x: FakeX;
const FORM = 'application/x-www-form-urlencoded';

async function browserLogin(email: string) {
  const res = await t.request('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } });
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: res.json.csrfToken as string };
}

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
  const page = await t.app.request(res.location!, { headers: { cookie: who.cookie } });
  return { status: page.status, html: await page.text() };
};

/** An owner signed in to the pages, with an X source against the fake. */
async function ownerWithSource(workspace: string, language: 'en' | 'de') {
  const ws = await t.seedWorkspace(workspace);
  expect((await t.request('PATCH', '/api/v1/me', { token: ws.token, body: { language } })).status).toBe(200);
  const who = await browserLogin(`owner@${workspace.toLowerCase()}.test`);
  const created = await post(who, '/settings/sources', {
    platform: 'x',
    name: 'Acme on X',
    'credentials.bearerToken': 'verify-secret',
    'config.baseUrl': x.url,
    pollIntervalSeconds: '300',
  });
  expect(created.status).toBe(303);
  return { who, token: ws.token, sourcePath: new URL(created.location!, 'http://x').pathname };
}

beforeAll(async () => {
  t = await createTestContext();
  x = await startFakeX();
});
afterAll(async () => {
  await x.close();
  await t.close();
});

describe('Verify on a source page', () => {
  it('says the platform accepted the credentials in German to a German owner', async () => {
    const { who, sourcePath } = await ownerWithSource('Pruefen', 'de');
    const page = await followed(who, await post(who, `${sourcePath}/verify`));
    expect(page.status).toBe(200);
    expect(page.html).toContain('X hat das Bearer-Token akzeptiert');
    expect(page.html).not.toContain('X accepted the bearer token');
  });

  it('says it in English to an English owner, and the API answers in English whoever asks', async () => {
    const { who, sourcePath } = await ownerWithSource('Verify', 'en');
    expect((await followed(who, await post(who, `${sourcePath}/verify`))).html).toContain(
      'X accepted the bearer token',
    );

    const { token, sourcePath: germanPath } = await ownerWithSource('Api', 'de');
    const id = germanPath.split('/').pop()!;
    const res = await t.request('POST', `/api/v1/sources/${id}/verify`, { token });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ ok: true, account: null, message: 'X accepted the bearer token' });
  });
});
