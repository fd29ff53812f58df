import { createHmac } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it, onTestFinished } from 'vitest';
import { staffAccounts } from '../../src/accounts/schema';
import { notifications } from '../../src/inbox/schema';
import { ingestPosts } from '../../src/ingest/pipeline';
import { alerts } from '../../src/reports/schema';
import { checkSpikes, releaseWebhookLeases, spikeReasons } from '../../src/reports/spikes';
import { activeTopics, createTopic } from '../../src/topics/topics.service';
import { socialAuthor, socialPost } from '../helpers/posts';
import { webhookReceiver } from '../helpers/webhook-receiver';
import { createTestContext } from '../helpers/test-app';

const SECRET = 'whsec-0123456789abcdef';
const START = new Date('2026-04-20T15:00:00Z');
const HOUR = 3_600_000;

/**
 * One test's own database, clock and workspace watching Globex. A database each, not a workspace
 * each: the spike check and its webhook queue run over every workspace, and report totals for all.
 */
async function spikeApp() {
  const clock = { now: START };
  const t = await createTestContext({ clock: () => clock.now });
  onTestFinished(() => t.close());
  const ws = await t.seedWorkspace('Spike Co');
  await createTopic(t.db, ws.actor, { name: 'Globex', kind: 'competitor', query: 'globex' });
  let n = 0;
  const ingest = async (texts: string[], at: (i: number) => Date) =>
    ingestPosts(
      t.deps,
      {
        workspaceId: ws.workspace.id,
        sourceId: null,
        platform: 'x',
        topics: await activeTopics(t.db, ws.workspace.id),
      },
      texts.map((text, i) =>
        socialPost({
          externalId: `s-${++n}`,
          text,
          createdAt: at(i),
          author: socialAuthor({ externalId: `u-${n}`, handle: `user${n}` }),
        }),
      ),
    );
  const later = (ms: number) => {
    clock.now = new Date(clock.now.getTime() + ms);
  };
  // A normal week before START: a dozen mostly friendly Globex mentions a day.
  const normalWeek = async () => {
    for (let day = 7; day >= 1; day--) {
      await ingest(
        Array.from({ length: 12 }, (_, i) =>
          i % 4 === 0 ? 'globex support was slow today' : 'globex works fine for me, nice',
        ),
        (i) => new Date(START.getTime() - day * 24 * HOUR + i * HOUR),
      );
    }
  };
  const setWebhook = (webhookUrl: string) =>
    t.request('PUT', '/api/v1/reports/alert-settings', {
      token: ws.token,
      body: { webhookUrl, webhookSecret: SECRET },
    });
  return { t, ws, clock, later, ingest, normalWeek, setWebhook, run: () => checkSpikes(t.deps) };
}

describe('spike rules', () => {
  const s = { volumeFactor: 3, minVolume: 20, negativeShareRise: 0.25 };
  it('needs volume above the minimum and the usual hour times the factor', () => {
    expect(spikeReasons({ volume: 19, negative: 19, baselineHourly: 0.1, baselineNegativeShare: 0 }, s)).toEqual([]);
    expect(spikeReasons({ volume: 30, negative: 3, baselineHourly: 12, baselineNegativeShare: 0.1 }, s)).toEqual([]);
    expect(spikeReasons({ volume: 40, negative: 4, baselineHourly: 12, baselineNegativeShare: 0.1 }, s)).toEqual([
      'volume',
    ]);
  });
  it('flags a rise in the negative share on its own', () => {
    expect(spikeReasons({ volume: 25, negative: 15, baselineHourly: 20, baselineNegativeShare: 0.2 }, s)).toEqual([
      'negative',
    ]);
  });
});

describe('spike alerts', () => {
  it('raises one alert for 500 negative competitor mentions in an hour; one signed webhook call', async () => {
    const { t, ws, clock, later, ingest, normalWeek, setWebhook, run } = await spikeApp();
    const receiver = await webhookReceiver({ status: 204, path: '/hooks/social' });
    await normalWeek();
    expect((await setWebhook(receiver.url)).json).toMatchObject({ webhookUrl: receiver.url, webhookSecretSet: true });
    expect(await run()).toMatchObject({ raised: 0 });

    await ingest(
      Array.from({ length: 500 }, (_, i) => `globex outage again, terrible service #${i}`),
      (i) => new Date(clock.now.getTime() - 50 * 60_000 + i * 5_000),
    );
    later(60_000);
    expect(await run()).toMatchObject({ raised: 1, webhooksSent: 1 });
    // Five and ten minutes later the same spike goes on: no second alert, no second call.
    later(5 * 60_000);
    expect(await run()).toMatchObject({ raised: 0, extended: 1, webhooksSent: 0 });
    later(5 * 60_000);
    await run();

    const raised = await t.db.select().from(alerts).where(eq(alerts.workspaceId, ws.workspace.id));
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ reasons: expect.arrayContaining(['volume', 'negative']), webhookStatus: 'sent' });
    expect(raised[0]!.volume).toBeGreaterThanOrEqual(500);
    // The usual HOUR: the 81 mentions of the seven full days before today (the last 3 of yesterday's dozen
    // fall after midnight, into today) over 7 × 24 hours. Per day it would read 81 / 7.
    expect(raised[0]!.baselineVolume).toBeCloseTo(81 / (7 * 24), 6);
    expect(raised[0]!.mentionIds).toHaveLength(100);

    expect(receiver.calls).toHaveLength(1);
    const [call] = receiver.calls;
    const m = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(call!.headers['x-social-crm-signature']))!;
    expect(m).not.toBeNull();
    expect(createHmac('sha256', SECRET).update(`${m[1]}.${call!.body}`).digest('hex')).toBe(m[2]);
    const payload = JSON.parse(call!.body);
    expect(payload).toMatchObject({
      type: 'spike',
      alert: { topic: { name: 'Globex' }, reasons: expect.arrayContaining(['volume']) },
    });
    expect(payload.mentions[0].text).toMatch(/^globex outage again/);

    const inApp = await t.db.select().from(notifications).where(eq(notifications.kind, 'spike'));
    expect(inApp).toHaveLength(1);
    const api = (await t.request('GET', '/api/v1/notifications', { token: ws.token })).json.items;
    expect(api[0].text).toMatch(/^Spike on Globex: \d+ mentions in the last hour \(usually 0\.5\), 100% negative$/);
    expect((await t.request('GET', '/api/v1/reports/alerts', { token: ws.token })).json.items).toHaveLength(1);
  });

  it('tries a refused webhook again after its backoff, and one a dead sender held once it is released', async () => {
    const { t, ws, clock, later, ingest, normalWeek, setWebhook, run } = await spikeApp();
    const answer = { status: 500, path: '/hooks/social' };
    const receiver = await webhookReceiver(answer);
    await normalWeek();
    await setWebhook(receiver.url);
    await ingest(
      Array.from({ length: 500 }, (_, i) => `globex outage again, terrible service #${i}`),
      (i) => new Date(clock.now.getTime() - 50 * 60_000 + i * 5_000),
    );
    later(60_000);
    expect(await run()).toMatchObject({ raised: 1, webhooksSent: 0, webhooksFailed: 1 });
    const [failed] = await t.db.select().from(alerts).where(eq(alerts.workspaceId, ws.workspace.id));
    expect(failed).toMatchObject({ webhookStatus: 'failed', webhookAttempts: 1, webhookError: 'HTTP 500' });
    // Not again at once: it waits its backoff (about a minute)…
    expect(await run()).toMatchObject({ webhooksSent: 0, webhooksFailed: 0 });
    expect(receiver.calls).toHaveLength(1);
    // …then goes, once the receiver is back.
    answer.status = 204;
    later(2 * 60_000);
    expect(await run()).toMatchObject({ webhooksSent: 1, webhooksFailed: 0 });
    expect(receiver.calls).toHaveLength(2);

    // A sender that died holding the next delivery: nobody posts it while its lease runs…
    const lease = { leaseHolder: 'node-a', leaseToken: 'dead', leaseUntil: new Date(clock.now.getTime() + 60_000) };
    await t.db
      .update(alerts)
      .set({ webhookStatus: 'pending', ...lease })
      .where(eq(alerts.id, failed!.id));
    expect(await run()).toMatchObject({ webhooksSent: 0 });
    // …and node-a, restarting, frees it at once.
    expect(await releaseWebhookLeases(t.db, 'node-a', clock.now)).toBe(1);
    expect(await run()).toMatchObject({ webhooksSent: 1 });
    expect(receiver.calls).toHaveLength(3);
  });

  it('raises a new alert for a new spike once the last one has ended', async () => {
    const { clock, later, ingest, normalWeek, setWebhook, run } = await spikeApp();
    const receiver = await webhookReceiver({ status: 204, path: '/hooks/social' });
    await normalWeek();
    expect((await setWebhook(receiver.url)).status).toBe(200);
    // A first spike, alerted and sent.
    await ingest(
      Array.from({ length: 500 }, (_, i) => `globex outage again, terrible service #${i}`),
      (i) => new Date(clock.now.getTime() - 50 * 60_000 + i * 5_000),
    );
    later(60_000);
    expect(await run()).toMatchObject({ raised: 1, webhooksSent: 1 });

    later(3 * HOUR);
    expect(await run()).toMatchObject({ raised: 0, extended: 0 });
    await ingest(
      Array.from({ length: 300 }, (_, i) => `globex down once more #${i}`),
      (i) => new Date(clock.now.getTime() - 30 * 60_000 + i * 5_000),
    );
    expect(await run()).toMatchObject({ raised: 1 });
    expect(receiver.calls).toHaveLength(2);
  });

  it('tells each staff member of a spike in their own language on the notifications page', async () => {
    const { t, ws, clock, later, ingest, normalWeek, run } = await spikeApp();
    await t.seedUser(ws.workspace.id, 'agent', 'lea@spikeco.test');
    await t.db.update(staffAccounts).set({ language: 'de' }).where(eq(staffAccounts.email, 'lea@spikeco.test'));
    await normalWeek();
    await ingest(
      Array.from({ length: 30 }, (_, i) => `globex outage again, terrible service #${i}`),
      (i) => new Date(clock.now.getTime() - 50 * 60_000 + i * 60_000),
    );
    later(60_000);
    expect(await run()).toMatchObject({ raised: 1 });

    const page = async (email: string) => {
      const { cookie } = await t.browserSession(email);
      return (await t.app.request('/notifications', { headers: { cookie } })).text();
    };
    // The usual hour is 81 mentions over 7 × 24 hours: 0.5 in English, 0,5 in German.
    expect(await page('owner@spikeco.test')).toContain(
      'Spike on Globex: 30 mentions in the last hour (usually 0.5), 100% negative',
    );
    const german = await page('lea@spikeco.test');
    expect(german).toMatch(/Ausschlag bei Globex: 30 Erwähnungen in der letzten Stunde \(sonst 0,5\), 100\s%\snegativ/);
    expect(german).not.toContain('Spike on');
  });

  it('refuses a webhook without a secret to sign with', async () => {
    const { t } = await spikeApp();
    const receiver = await webhookReceiver({ status: 204, path: '/hooks/social' });
    const other = await t.seedWorkspace('No Secret');
    const res = await t.request('PUT', '/api/v1/reports/alert-settings', {
      token: other.token,
      body: { webhookUrl: receiver.url },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.message).toMatch(/needs a secret/);
  });

  it('says what is wrong with the alert settings in the client’s language', async () => {
    const { t, ws } = await spikeApp();
    const put = (language: string) =>
      t.request('PUT', '/api/v1/reports/alert-settings', {
        token: ws.token,
        headers: { 'accept-language': language },
        body: { webhookUrl: 'ftp://hooks.example.com/x', webhookSecret: 'short' },
      });
    const [english, german] = [(await put('en')).text, (await put('de')).text];
    expect(english).toContain('must start with http:// or https://');
    expect(english).toContain('at least 16 characters');
    expect(german).toContain('muss mit http:// oder https:// beginnen');
    expect(german).toContain('mindestens 16 Zeichen');
  });
});
