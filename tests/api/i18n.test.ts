import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translatorFor } from '../../src/core/i18n/translator';
import { ingestPosts } from '../../src/ingest/pipeline';
import { socialAuthor, socialPost } from '../helpers/posts';
import { createTestContext, type TestContext } from '../helpers/test-app';

/** Who reads which language and zone: their choice, their browser, the workspace; the API by Accept-Language. */

let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let analystToken: string;
const FORM = 'application/x-www-form-urlencoded';

const page = async (who: { cookie: string }, path: string, headers: Record<string, string> = {}) => {
  const res = await t.app.request(path, { headers: { cookie: who.cookie, ...headers } });
  return { status: res.status, html: await res.text(), language: res.headers.get('content-language') };
};
const post = async (who: { cookie: string; csrf: string }, path: string, fields: Record<string, string>) => {
  const res = await t.app.request(path, {
    method: 'POST',
    headers: { cookie: who.cookie, 'content-type': FORM },
    body: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString(),
  });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};

beforeAll(async () => {
  t = await createTestContext();
  ws = await t.seedWorkspace('Sprachen');
  analystToken = (await t.seedUser(ws.workspace.id, 'analyst', 'analyst@sprachen.test')).token;
});
afterAll(() => t.close());

describe('API error messages', () => {
  it('follow Accept-Language, with the code unchanged', async () => {
    const missing = '/api/v1/topics/00000000-0000-4000-8000-000000000000';
    const de = await t.request('GET', missing, { token: ws.token, headers: { 'accept-language': 'de-DE,de;q=0.9' } });
    expect(de.status).toBe(404);
    expect(de.json.error).toMatchObject({ code: 'TOPIC_NOT_FOUND', message: 'Thema nicht gefunden' });
    expect(de.headers.get('content-language')).toBe('de');
    const en = await t.request('GET', missing, { token: ws.token, headers: { 'accept-language': 'en-GB' } });
    expect(en.json.error).toMatchObject({ code: 'TOPIC_NOT_FOUND', message: 'Topic not found' });
    // A language we do not speak: English.
    const fr = await t.request('GET', missing, { token: ws.token, headers: { 'accept-language': 'fr' } });
    expect(fr.json.error.message).toBe('Topic not found');
  });

  it('fill a German template with the same values', async () => {
    const res = await t.request('POST', '/api/v1/auth/login', {
      body: { email: 'nobody@sprachen.test', password: 'wrong password' },
      headers: { 'accept-language': 'de' },
    });
    expect(res.json.error).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: 'E-Mail-Adresse oder Passwort ist falsch',
    });
  });
});

describe('GET and PATCH /api/v1/me', () => {
  it('say and set the language and time zone; null resets them', async () => {
    const before = await t.request('GET', '/api/v1/me', { token: ws.token });
    expect(before.json).toMatchObject({ language: null, timeZone: null });
    const set = await t.request('PATCH', '/api/v1/me', {
      token: ws.token,
      body: { language: 'de', timeZone: 'Europe/Berlin' },
    });
    expect(set.status).toBe(200);
    expect(set.json).toMatchObject({ language: 'de', timeZone: 'Europe/Berlin', role: 'owner' });
    expect((await t.request('GET', '/api/v1/me', { token: ws.token })).json).toMatchObject({
      language: 'de',
      timeZone: 'Europe/Berlin',
    });
    const reset = await t.request('PATCH', '/api/v1/me', { token: ws.token, body: { language: null, timeZone: null } });
    expect(reset.json).toMatchObject({ language: null, timeZone: null });
  });

  it('take IANA zones only (422 otherwise) and our languages only', async () => {
    for (const timeZone of ['Mars/Olympus_Mons', '+01:00', 'GMT+1', 'berlin', ''])
      expect((await t.request('PATCH', '/api/v1/me', { token: ws.token, body: { timeZone } })).status).toBe(422);
    expect((await t.request('PATCH', '/api/v1/me', { token: ws.token, body: { language: 'fr' } })).status).toBe(422);
    expect((await t.request('PATCH', '/api/v1/me', { token: ws.token, body: { timeZone: 'UTC' } })).status).toBe(200);
    expect(
      (
        await t.request('PATCH', '/api/v1/me', {
          token: ws.token,
          body: { timeZone: 'America/Argentina/Buenos_Aires' },
        })
      ).status,
    ).toBe(200);
  });
});

describe('pages', () => {
  it('follow the person’s choice, then Accept-Language, then the workspace default', async () => {
    const other = await t.seedWorkspace('Pages Sprache');
    const who = await t.browserSession('owner@pagessprache.test');
    // Nothing chosen, the browser asks for nothing we speak, the workspace says English.
    let p = await page(who, '/settings/profile', { 'accept-language': 'fr' });
    expect(p.html).toContain('<html lang="en">');
    expect(p.language).toBe('en');
    // The browser asks for German.
    p = await page(who, '/settings/profile', { 'accept-language': 'de-AT,de;q=0.9,en;q=0.5' });
    expect(p.html).toContain('<html lang="de">');
    expect(p.html).toContain('Posteingang');
    expect(p.html).not.toContain('>Inbox<');
    // The workspace's default is German: a browser asking for French gets it.
    await t.request('PATCH', '/api/v1/workspace', { token: other.token, body: { defaultLanguage: 'de' } });
    p = await page(who, '/settings/profile', { 'accept-language': 'fr' });
    expect(p.html).toContain('<html lang="de">');
    // The person chose English on the profile page: that wins over a German browser and workspace.
    const saved = await post(who, '/settings/profile', { name: 'Owner', language: 'en', timeZone: '' });
    expect(saved.location).toBe('/settings/profile?ok=saved');
    p = await page(who, '/settings/profile', { 'accept-language': 'de' });
    expect(p.html).toContain('<html lang="en">');
    expect(p.html).toContain('>Inbox<');
  });

  it('show times in the person’s zone, in their language’s format', async () => {
    const other = await t.seedWorkspace('Zeitzone');
    const who = await t.browserSession('owner@zeitzone.test');
    await post(who, '/settings/profile', { name: 'Owner', language: 'de', timeZone: 'Europe/Berlin' });
    const now = t.deps.clock();
    const p = await page(who, '/settings/profile');
    // The profile page says what time it is now in the chosen zone.
    expect(p.html).toContain(translatorFor('de', 'Europe/Berlin').dateTime(now).slice(0, 12));
    expect(p.html).toContain('Ihr Profil');
    await t.request('PATCH', '/api/v1/me', { token: other.token, body: { timeZone: null } });
  });

  it('refuse an unknown zone in the profile form, in the person’s language', async () => {
    const other = await t.seedWorkspace('Falsche Zone');
    await t.request('PATCH', '/api/v1/me', { token: other.token, body: { language: 'de' } });
    const who = await t.browserSession('owner@falschezone.test');
    const bad = await post(who, '/settings/profile', { name: 'Owner', language: 'de', timeZone: 'Mars/Base' });
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Zeitzone');
    expect(bad.html).toContain('class="flash error"');
  });
});

describe('PATCH /api/v1/workspace', () => {
  it('lets owners set the workspace’s language, zone and week start; admins get 403; bad zones 422', async () => {
    const admin = await t.seedUser(ws.workspace.id, 'admin', 'admin@sprachen.test');
    expect((await t.request('PATCH', '/api/v1/workspace', { token: admin.token, body: { weekStart: 7 } })).status).toBe(
      403,
    );
    const res = await t.request('PATCH', '/api/v1/workspace', {
      token: ws.token,
      body: { defaultLanguage: 'de', timeZone: 'Europe/Berlin', weekStart: 1 },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ defaultLanguage: 'de', timeZone: 'Europe/Berlin', weekStart: 1 });
    expect(
      (await t.request('PATCH', '/api/v1/workspace', { token: analystToken, body: { weekStart: 7 } })).status,
    ).toBe(403);
    expect(
      (await t.request('PATCH', '/api/v1/workspace', { token: ws.token, body: { timeZone: 'Nowhere/Town' } })).status,
    ).toBe(422);
    expect((await t.request('GET', '/api/v1/workspace', { token: analystToken })).json.weekStart).toBe(1);
  });
});

describe('the public board', () => {
  it('speaks its workspace’s language unless the browser or the language switch asks otherwise', async () => {
    const board = await t.seedWorkspace('Brett');
    await t.request('PATCH', '/api/v1/workspace', { token: board.token, body: { defaultLanguage: 'de' } });
    const visit = async (headers: Record<string, string> = {}) => {
      const res = await t.app.request(`/c/${board.workspace.slug}`, { headers });
      return res.text();
    };
    expect(await visit()).toContain('<html lang="de">');
    expect(await visit({ 'accept-language': 'fr' })).toContain('<html lang="de">');
    expect(await visit({ 'accept-language': 'en-US' })).toContain('<html lang="en">');
    // The switch keeps the pick in a cookie and goes back to the board.
    const pick = await t.app.request(`/language?set=en&next=${encodeURIComponent(`/c/${board.workspace.slug}`)}`);
    expect(pick.status).toBe(303);
    expect(pick.headers.get('location')).toBe(`/c/${board.workspace.slug}`);
    const cookie = (pick.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toBe('lang=en');
    expect(await visit({ cookie, 'accept-language': 'de' })).toContain('<html lang="en">');
    expect(await visit({ cookie: 'lang=de', 'accept-language': 'en' })).toContain('<html lang="de">');
  });

  it('sends the language switch back to this site only, and ignores languages we do not speak', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example', '/\\evil.example'])
      expect((await t.app.request(`/language?set=de&next=${encodeURIComponent(next)}`)).headers.get('location')).toBe(
        '/',
      );
    const odd = await t.app.request('/language?set=xx&next=/');
    expect(odd.headers.get('set-cookie')).toBeNull();
  });
});

describe('posts in other scripts', () => {
  it('are shown with dir="auto", so Arabic and Hebrew read right to left inside a left-to-right page', async () => {
    const rtl = await t.seedWorkspace('Schriften');
    const text = 'الطلب لم يصل بعد، هل يمكنكم المساعدة؟';
    await ingestPosts(t.deps, { workspaceId: rtl.workspace.id, sourceId: null, platform: 'x', topics: [] }, [
      socialPost({ externalId: 'rtl-1', text, createdAt: new Date(), author: socialAuthor({ externalId: 'rtl-a' }) }),
    ]);
    const list = await t.request('GET', '/api/v1/conversations?view=all', { token: rtl.token });
    const id = list.json.items[0]?.id as string;
    expect(id, JSON.stringify(list.json)).toBeTruthy();
    const who = await t.browserSession('owner@schriften.test');
    const p = await page(who, `/inbox/c/${id}`);
    expect(p.status).toBe(200);
    // The post in the thread (and wherever else the page quotes it) reads in its own direction.
    expect(p.html).toContain(`<p class="tl-text" dir="auto">${text}`);
    expect(p.html).not.toMatch(new RegExp(`<p class="tl-text">${text}`));
    // The mentions stream too.
    const stream = await page(who, '/inbox/mentions');
    expect(stream.status).toBe(200);
    expect(stream.html).toContain(`<p class="mention-text" dir="auto">${text}`);
  });
});
