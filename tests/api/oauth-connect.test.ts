import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkedinConnector } from '../../src/connectors/linkedin/linkedin.connector';
import { youtubeConnector } from '../../src/connectors/youtube/youtube.connector';
import { googleReviewsConnector } from '../../src/connectors/google-reviews/google-reviews.connector';
import { pollSource, sources, tendTokens } from '../../src/sources';
import { type FakeGoogleAccounts, startFakeGoogleAccounts } from '../fakes/google-accounts-server';
import { type FakeLinkedIn, startFakeLinkedIn } from '../fakes/linkedin-server';
import { createTestContext, type TestContext } from '../helpers/test-app';

/**
 * Connect Google and Connect LinkedIn through the one code flow, against stand-ins of their consent pages and
 * token endpoints: the state ties the answer to the person who started, the code becomes tokens, the person
 * picks among what they own (YouTube channels and Business Profile accounts; the Pages they administer), the
 * picks become sources with sealed credentials that work, and connecting again reconnects the same source.
 */
let t: TestContext;
let google: FakeGoogleAccounts;
let linkedin: FakeLinkedIn;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
type Who = { cookie: string; csrf: string };
let owner: Who;
const FORM = 'application/x-www-form-urlencoded';

const get = async (who: Who, path: string) => {
  const res = await t.app.request(path, { headers: { cookie: who.cookie } });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};
const post = async (who: Who, path: string, fields: [string, string][] = []) => {
  const res = await t.app.request(path, {
    method: 'POST',
    headers: { cookie: who.cookie, 'content-type': FORM },
    body: new URLSearchParams([['_csrf', who.csrf], ...fields]).toString(),
  });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};

/** What a browser does on the consent page: open it (and agree, or cancel); where it is sent back to. */
async function throughConsent(consentUrl: string, decision: 'continue' | 'cancel' = 'continue') {
  const url = new URL(consentUrl);
  if (decision === 'cancel') url.searchParams.set('decision', 'cancel');
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const back = new URL(res.headers.get('location')!);
  return `${back.pathname}${back.search}`;
}

async function connect(provider: 'google' | 'linkedin') {
  const start = await post(owner, `/settings/sources/connect/${provider}`);
  expect(start.status, start.html.slice(0, 2000)).toBe(303);
  const callback = await get(owner, await throughConsent(start.location!));
  return { start, callback };
}

const offersOf = (html: string) => [...html.matchAll(/name="accounts" value="([^"]+)"/g)].map((m) => m[1]!);
const sourceRow = async (id: string) => (await t.db.select().from(sources).where(eq(sources.id, id)))[0]!;
const sourcesOf = async () =>
  (await t.request('GET', '/api/v1/sources', { token: ws.token })).json.items as {
    id: string;
    platform: string;
    name: string;
    config: Record<string, unknown>;
    token: { expiresAt: string | null; scopes: string[] | null } | null;
  }[];

beforeAll(async () => {
  google = await startFakeGoogleAccounts();
  linkedin = await startFakeLinkedIn();
  t = await createTestContext({
    env: {
      GOOGLE_CLIENT_ID: google.clientId,
      GOOGLE_CLIENT_SECRET: google.clientSecret,
      GOOGLE_AUTHORIZE_URL: google.authorizeUrl,
      GOOGLE_TOKEN_URL: google.tokenUrl,
      GOOGLE_YOUTUBE_URL: google.url,
      GOOGLE_BUSINESS_URL: google.url,
      LINKEDIN_CLIENT_ID: linkedin.clientId,
      LINKEDIN_CLIENT_SECRET: linkedin.clientSecret,
      LINKEDIN_AUTHORIZE_URL: linkedin.authorizeUrl,
      LINKEDIN_TOKEN_URL: linkedin.tokenUrl,
      LINKEDIN_API_URL: linkedin.url,
    },
    connectors: { linkedin: linkedinConnector, youtube: youtubeConnector, google_reviews: googleReviewsConnector },
  });
  ws = await t.seedWorkspace('OAuth connect');
  owner = await t.browserSession('owner@oauthconnect.test');
});
afterAll(async () => {
  await t.close();
  await google.close();
  await linkedin.close();
});

describe('Connect LinkedIn', () => {
  it('asks for the Page permissions and adds the picked Page; its token works and ends in 60 days', async () => {
    const mine = linkedin.addOrganization({ name: 'Acme Maschinenbau GmbH' });
    const other = linkedin.addOrganization({ name: 'Acme Schweiz AG' });
    const { start, callback } = await connect('linkedin');
    const consent = new URL(start.location!);
    expect(`${consent.origin}${consent.pathname}`).toBe(linkedin.authorizeUrl);
    expect(consent.searchParams.get('scope')!.split(' ')).toEqual([
      'r_organization_social',
      'w_organization_social',
      'rw_organization_admin',
    ]);
    expect(callback.status, callback.html.replace(/<[^>]+>/g, ' ').slice(-1500)).toBe(303);
    const picker = await get(owner, callback.location!);
    expect(picker.html).toContain('Acme Maschinenbau GmbH');
    expect(offersOf(picker.html)).toEqual(expect.arrayContaining([`linkedin:${mine.urn}`, `linkedin:${other.urn}`]));

    const added = await post(owner, callback.location!, [['accounts', `linkedin:${mine.urn}`]]);
    expect(added.status).toBe(200);
    expect(added.html).toContain('1 added');
    const [source] = (await sourcesOf()).filter((s) => s.config.organizationUrn === mine.urn);
    expect(source).toMatchObject({ platform: 'linkedin', name: 'Acme Maschinenbau GmbH' });
    const ends = new Date(source!.token!.expiresAt!).getTime();
    expect(Math.abs(ends - (Date.now() + 60 * 86_400_000))).toBeLessThan(86_400_000);
    expect((await sourcesOf()).some((s) => s.config.organizationUrn === other.urn)).toBe(false);
    // The sealed token is one LinkedIn accepts: a poll reads the Page.
    expect(await pollSource(t.deps, source!.id, { force: true })).toMatchObject({ status: 'ok' });
    // The flow is used up: its picker is gone.
    expect((await get(owner, callback.location!)).html).toContain('CONNECT_EXPIRED');
  });

  it('reconnecting the same Page gives the existing source the new token instead of a second source', async () => {
    const org = linkedin.addOrganization({ name: 'Reconnect KG' });
    const first = await connect('linkedin');
    await post(owner, first.callback.location!, [['accounts', `linkedin:${org.urn}`]]);
    const [before] = (await sourcesOf()).filter((s) => s.config.organizationUrn === org.urn);
    const oldCreds = (await sourceRow(before!.id)).credentialsEnc;
    // Somebody pointed the source elsewhere meanwhile: the reconnect must not send the app's secret there.
    const moved = await t.request('PATCH', `/api/v1/sources/${before!.id}`, {
      token: ws.token,
      body: { config: { tokenUrl: 'https://collector.example/token', baseUrl: 'https://collector.example/' } },
    });
    expect(moved.status, moved.text).toBe(200);
    const second = await connect('linkedin');
    const again = await post(owner, second.callback.location!, [['accounts', `linkedin:${org.urn}`]]);
    expect(again.html).toContain('1 reconnected');
    const after = (await sourcesOf()).filter((s) => s.config.organizationUrn === org.urn);
    expect(after.map((s) => s.id)).toEqual([before!.id]);
    expect((await sourceRow(before!.id)).credentialsEnc).not.toBe(oldCreds);
    expect((await sourceRow(before!.id)).config).toMatchObject({ tokenUrl: linkedin.tokenUrl, baseUrl: linkedin.url });
  });

  it("renews a connected Page's token in the hourly round before it ends, and polls with the new one", async () => {
    const org = linkedin.addOrganization({ name: 'Renew GmbH' });
    const { callback } = await connect('linkedin');
    await post(owner, callback.location!, [['accounts', `linkedin:${org.urn}`]]);
    const [source] = (await sourcesOf()).filter((s) => s.config.organizationUrn === org.urn);
    const before = (await t.deps.credentials.open(source!.id, (await sourceRow(source!.id)).credentialsEnc!)) as {
      accessToken: string;
    };
    await t.db
      .update(sources)
      .set({ tokenExpiresAt: new Date(Date.now() + 5 * 86_400_000) })
      .where(eq(sources.id, source!.id));
    expect(await tendTokens(t.deps, new Date())).toMatchObject({ refreshed: 1 });
    const after = (await t.deps.credentials.open(source!.id, (await sourceRow(source!.id)).credentialsEnc!)) as {
      accessToken: string;
    };
    expect(after.accessToken).not.toBe(before.accessToken);
    // LinkedIn leaves the old token valid until it ends; expiring it here shows the poll uses the new one.
    linkedin.tokens.get(before.accessToken)!.state = 'expired';
    expect(await pollSource(t.deps, source!.id, { force: true })).toMatchObject({ status: 'ok' });
    const renewed = (await sourcesOf()).find((s) => s.id === source!.id)!;
    expect(Math.round((Date.parse(renewed.token!.expiresAt!) - Date.now()) / 86_400_000)).toBe(60);
  });

  it('says LinkedIn was not allowed when the member cancels, and offers to try again', async () => {
    const start = await post(owner, '/settings/sources/connect/linkedin');
    const back = await get(owner, await throughConsent(start.location!, 'cancel'));
    expect(back.status).toBe(422);
    expect(back.html).toContain('CONNECT_REFUSED');
    expect(back.html).toContain('action="/settings/sources/connect/linkedin"');
  });
});

describe('Connect Google', () => {
  it('asks for offline access to YouTube and Business Profile, then adds the picked channel and account', async () => {
    google.channels = [{ id: 'UCabcdefghijklmnopqrstuv', title: 'Acme TV' }];
    google.accounts = [
      {
        id: '1122334455',
        name: 'Acme Filialen',
        locations: [
          { id: '901', title: 'Acme Berlin' },
          { id: '902', title: 'Acme München' },
        ],
      },
    ];
    const { start, callback } = await connect('google');
    const consent = new URL(start.location!);
    expect(consent.searchParams.get('access_type')).toBe('offline');
    expect(consent.searchParams.get('prompt')).toBe('consent');
    expect(consent.searchParams.get('scope')!.split(' ')).toEqual([
      'https://www.googleapis.com/auth/youtube.force-ssl',
      'https://www.googleapis.com/auth/business.manage',
    ]);
    const picker = await get(owner, callback.location!);
    expect(picker.html).toContain('Acme TV');
    expect(picker.html).toContain('Acme Berlin, Acme München');
    expect(offersOf(picker.html)).toEqual(['youtube:UCabcdefghijklmnopqrstuv', 'google_reviews:1122334455']);

    const added = await post(owner, callback.location!, [
      ['accounts', 'youtube:UCabcdefghijklmnopqrstuv'],
      ['accounts', 'google_reviews:1122334455'],
    ]);
    expect(added.html).toContain('2 added');
    const all = await sourcesOf();
    const yt = all.find((s) => s.config.channelId === 'UCabcdefghijklmnopqrstuv')!;
    const reviews = all.find((s) => s.config.accountId === '1122334455')!;
    expect(yt).toMatchObject({ platform: 'youtube', name: 'Acme TV' });
    expect(reviews).toMatchObject({ platform: 'google_reviews', name: 'Acme Filialen' });
    expect(reviews.config.locationIds).toEqual(['901', '902']);
    // The refresh token (not the hour-long access token) is what the sources keep, sealed, with the app's client.
    const row = await sourceRow(yt.id);
    expect(row.credentialsEnc).not.toContain(google.refreshTokens.at(-1)!);
    expect(await t.deps.credentials.open(row.id, row.credentialsEnc!)).toEqual({
      clientId: google.clientId,
      clientSecret: google.clientSecret,
      refreshToken: google.refreshTokens.at(-1),
    });
    // Google's refresh tokens have no end date: nothing to warn about.
    expect(yt.token?.expiresAt ?? null).toBeNull();
  });

  it('refuses a sign-in that gave no refresh token, saying how to get one', async () => {
    google.withholdRefresh = true;
    try {
      const { callback } = await connect('google');
      expect(callback.status).toBe(503);
      expect(callback.html).toContain('CONNECT_FAILED');
      expect(callback.html).toContain('gave no refresh token');
    } finally {
      google.withholdRefresh = false;
    }
  });

  it('offers only what the Google account has: no channel, so only its Business Profile account', async () => {
    google.channels = [];
    google.accounts = [{ id: '5566', name: 'Nur Bewertungen', locations: [{ id: '77', title: 'Laden' }] }];
    const { callback } = await connect('google');
    const picker = await get(owner, callback.location!);
    expect(offersOf(picker.html)).toEqual(['google_reviews:5566']);
    expect(picker.html).toContain('(Google reviews of 1 location: Laden)');
    // What is offered is said in the reader's language.
    const german = await t.app.request(callback.location!, {
      headers: { cookie: owner.cookie, 'accept-language': 'de' },
    });
    expect(await german.text()).toContain('(Google-Bewertungen für 1 Standort: Laden)');
  });

  it('answers a sign-in the installation has not set up with the settings it needs', async () => {
    const bare = await createTestContext({});
    try {
      const w = await bare.seedWorkspace('No apps');
      const res = await bare.request('POST', '/settings/sources/connect/google', { token: w.token });
      expect(res.status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
