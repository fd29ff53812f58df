import { createHmac } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ingestPosts } from '../../src/ingest/pipeline';
import { sendWeeklyDigests } from '../../src/reports/digest';
import { activeTopics, createTopic } from '../../src/topics/topics.service';
import { formClient } from '../helpers/forms';
import { socialAuthor, socialPost } from '../helpers/posts';
import { webhookReceiver } from '../helpers/webhook-receiver';
import { createTestContext, recordingMailer } from '../helpers/test-app';

const now = new Date('2026-06-08T08:00:00Z');
const SECRET = 'digest-secret-0123456789';

/**
 * One test's own database, mailbox and workspace, with its owner signed in and four Acme mentions:
 * three this week, one the week before. A database each, not a workspace each: the digest job goes
 * through every workspace and counts them all.
 */
async function digestApp() {
  const mailer = recordingMailer();
  const t = await createTestContext({ clock: () => now, mailer });
  onTestFinished(() => t.close());
  const ws = await t.seedWorkspace('Digest Co');
  const owner = await t.browserSession('owner@digestco.test');
  await createTopic(t.db, ws.actor, { name: 'Acme', kind: 'brand', query: 'acme' });
  const topics = await activeTopics(t.db, ws.workspace.id);
  let n = 0;
  const post = (text: string, daysAgo: number, followers: number) =>
    socialPost({
      externalId: `g-${++n}`,
      text,
      createdAt: new Date(now.getTime() - daysAgo * 86_400_000),
      author: socialAuthor({ externalId: `u${n}`, handle: `u${n}`, name: `User ${n}`, followers }),
    });
  await ingestPosts(t.deps, { workspaceId: ws.workspace.id, sourceId: null, platform: 'x', topics }, [
    post('acme battery is great #AcmeLove', 2, 50),
    post('acme battery died, terrible', 3, 90_000),
    post('acme support helped me', 4, 10),
    post('acme last week', 10, 5),
  ]);
  /** The alert settings form, as the owner sends it, with a webhook and its secret. */
  const saveAlertSettings = (webhookUrl: string) =>
    formClient(t).send(
      '/reports/alerts/settings',
      {
        enabled: '1',
        volumeFactor: '3',
        minVolume: '20',
        negativeShareRise: '25',
        webhookUrl,
        webhookSecret: SECRET,
      },
      owner,
    );
  return { t, mailer, owner, saveAlertSettings };
}

describe('weekly digest', () => {
  it('shows the last full week against the week before, the themes, biggest mentions and open work', async () => {
    const { t, owner } = await digestApp();
    const page = await formClient(t).get('/reports/digest?week=last', owner);
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/data-testid="digest-total-value">3</);
    expect(page.html).toContain('+200% on the week before');
    expect(page.html).toContain('battery');
    expect(page.html).toContain('#acmelove');
    // The biggest mention first: the 90k-follower account.
    expect(page.html.indexOf('acme battery died, terrible')).toBeLessThan(page.html.indexOf('acme battery is great'));
    // Each figure's name, number and comparison are elements of their own (they ran together once).
    expect(page.html).toMatch(
      new RegExp(
        '<span class="figure-value" data-testid="digest-open-value">4</span>' +
          '<span class="small muted figure-compare">4 unassigned',
      ),
    );
    // This week is one click away, and says which week is shown.
    expect(page.html).toMatch(/<a href="\/reports\/digest">This week so far<\/a>/);
    expect(page.html).toMatch(/aria-current="page">Last full week</);
  });

  it('shows this week so far by default, saying so when it has no mentions yet', async () => {
    const { t, owner } = await digestApp();
    // Monday 8 June, 08:00: this week is one morning old, and nothing was posted in it.
    const page = await formClient(t).get('/reports/digest', owner);
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/data-testid="digest-total-value">0</);
    expect(page.html).toContain('so far, against the same days of the week before');
    expect(page.html).toContain('no data in the week before');
    expect(page.html).toContain('No mentions this week yet.');
    expect(page.html).not.toContain('<ol class="plain"></ol>');
    expect(page.html).toMatch(/<a href="\/reports\/digest\?week=last">Last full week<\/a>/);
  });

  it('emails the team and calls the alert webhook once each, signed', async () => {
    const { t, mailer, saveAlertSettings } = await digestApp();
    const { calls, url } = await webhookReceiver({ status: 200, path: '/digest' });
    await saveAlertSettings(url);
    const r = await sendWeeklyDigests({ ...t.deps, mailer });
    expect(r).toEqual({ workspaces: 1, emails: 1, webhooks: 1 });
    const mail = mailer.sent.find((m) => m.subject === 'Digest Co: your week in mentions')!;
    expect(mail.to).toBe('owner@digestco.test');
    expect(mail.text).toContain('Mentions: 3 (+200% on the week before)');
    expect(mail.text).toContain('Open work: 4 open conversations');
    expect(calls).toHaveLength(1);
    const [, ts, mac] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(calls[0]!.headers['x-social-crm-signature']))!;
    expect(createHmac('sha256', SECRET).update(`${ts}.${calls[0]!.body}`).digest('hex')).toBe(mac);
    expect(JSON.parse(calls[0]!.body)).toMatchObject({ type: 'digest', digest: { now: { total: 3 } } });
  });

  it('keeps the alert settings from the page, refusing a short secret', async () => {
    const { t, owner, saveAlertSettings } = await digestApp();
    const { url } = await webhookReceiver({ status: 200, path: '/digest' });
    expect((await saveAlertSettings(url)).status).toBe(303);
    const page = await formClient(t).get('/reports/alerts', owner);
    expect(page.html).toContain(`value="${url}"`);
    expect(page.html).toContain('(set; leave empty to keep it)');
    const bad = await formClient(t).send(
      '/reports/alerts/settings',
      { webhookUrl: url, webhookSecret: 'short' },
      owner,
    );
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('at least 16 characters');
  });
});
