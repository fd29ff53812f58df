import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

let t: TestContext;
const FORM = 'application/x-www-form-urlencoded';

async function browserLogin(email: string) {
  const res = await t.request('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } });
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: res.json.csrfToken as string };
}

const post = async (who: { cookie: string; csrf: string }, path: string, fields: Record<string, string>) => {
  const res = await t.app.request(path, {
    method: 'POST',
    headers: { cookie: who.cookie, 'content-type': FORM },
    body: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString(),
  });
  return { status: res.status, html: await res.text() };
};

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('the source form in the reader’s language', () => {
  const badChannel = {
    platform: 'youtube',
    name: 'Kanal',
    'config.channelId': 'not-a-channel',
    pollIntervalSeconds: '300',
  };

  it('says what is wrong with a platform’s settings in German to a German reader', async () => {
    const ws = await t.seedWorkspace('Quellen');
    expect((await t.request('PATCH', '/api/v1/me', { token: ws.token, body: { language: 'de' } })).status).toBe(200);
    const res = await post(await browserLogin('owner@quellen.test'), '/settings/sources', badChannel);
    expect(res.status).toBe(422);
    expect(res.html).toContain(
      'config.channelId: Eine YouTube-Kanal-ID: UC, gefolgt von 22 Buchstaben, Ziffern, - oder _',
    );
    expect(res.html).not.toContain('A YouTube channel id');
  });

  it('says it in English to an English reader', async () => {
    await t.seedWorkspace('Sources');
    const res = await post(await browserLogin('owner@sources.test'), '/settings/sources', badChannel);
    expect(res.status).toBe(422);
    expect(res.html).toContain('config.channelId: A YouTube channel id: UC followed by 22 letters, digits, - or _');
  });
});
