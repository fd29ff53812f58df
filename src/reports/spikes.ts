import { and, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { leasedQueue, retryDelayMs } from '../db/leased-queue';
import { activeStaff, listWorkspaces } from '../accounts';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import { outboundMessage, type OutboundHttp } from '../http/outbound';
import { notify } from '../inbox';
import type { Logger } from '../http/logger';
import type { CredentialBox } from '../core/credentials';
import { mentionFacts } from '../mentions';
import { topicNames } from '../topics';
import { allAlertSettings } from './alert-settings';
import { todayIn } from './calendar';
import { dayString } from '../core/days';
import { labelSql } from './rollup-rules';
import { alerts, alertSettings } from './schema';

/**
 * Spike alerts: every few minutes each topic's last hour is compared with its usual hour over the
 * previous seven days (from the rollups). More volume than the workspace's factor allows, or a
 * negative share that rose past its threshold, raises an alert: in the app, and to a webhook when
 * one is set, signed with HMAC-SHA256. A spike that goes on extends its alert rather than raising
 * another.
 */
export interface SpikeSettings {
  volumeFactor: number;
  minVolume: number;
  negativeShareRise: number;
}

export const DEFAULT_SPIKE_SETTINGS: SpikeSettings = { volumeFactor: 3, minVolume: 20, negativeShareRise: 0.25 };
const WINDOW_MS = 60 * 60_000;
const BASELINE_DAYS = 7;
const MAX_WEBHOOK_ATTEMPTS = 5;

export interface HourFacts {
  volume: number;
  negative: number;
  /** Mentions per hour over the baseline days. */
  baselineHourly: number;
  /** Negative share over the baseline days (0 when there were none). */
  baselineNegativeShare: number;
}

/** Why this hour is a spike (none: it is not). Pure, for the job and its tests. */
export function spikeReasons(f: HourFacts, s: SpikeSettings): ('volume' | 'negative')[] {
  if (f.volume < s.minVolume) return [];
  const reasons: ('volume' | 'negative')[] = [];
  if (f.volume >= s.volumeFactor * Math.max(f.baselineHourly, 1)) reasons.push('volume');
  if (f.negative / f.volume - f.baselineNegativeShare >= s.negativeShareRise) reasons.push('negative');
  return reasons;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`: what a receiver checks (and the time, against replays). */
export async function signWebhook(secret: string, body: string, at: Date): Promise<string> {
  const t = Math.floor(at.getTime() / 1000);
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${t}.${body}`)));
  return `t=${t},v1=${[...mac].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A webhook that answered with an error status: recorded as "HTTP 500", nothing of its body. */
export class WebhookRefused extends Error {
  constructor(readonly httpStatus: number) {
    super(`HTTP ${httpStatus}`);
  }
}

export interface SpikeDeps {
  db: Db;
  clock: () => Date;
  logger: Logger;
  credentials: CredentialBox;
  /** Webhook calls go through the outbound guard, like every other call out. */
  outbound: OutboundHttp;
  /** This instance's stable name, kept with each webhook delivery it holds. */
  instanceId?: string;
  /** The jitter of retries (tests make it fixed). */
  random?: () => number;
}

export interface SpikeRun {
  raised: number;
  extended: number;
  webhooksSent: number;
  webhooksFailed: number;
}

export async function checkSpikes(deps: SpikeDeps): Promise<SpikeRun> {
  const now = deps.clock();
  const out: SpikeRun = { raised: 0, extended: 0, webhooksSent: 0, webhooksFailed: 0 };
  const settings = await allAlertSettings(deps.db);
  for (const { id, timeZone } of await listWorkspaces(deps.db)) {
    const ws = { id, settings: settings.get(id) };
    if (ws.settings && !ws.settings.enabled) continue;
    const s: SpikeSettings = ws.settings ?? DEFAULT_SPIKE_SETTINGS;
    const r = await checkWorkspace(deps.db, { id: ws.id, timeZone }, s, Boolean(ws.settings?.webhookUrl), now);
    out.raised += r.raised;
    out.extended += r.extended;
  }
  const sent = await deliverWebhooks(deps, now);
  out.webhooksSent = sent.sent;
  out.webhooksFailed = sent.failed;
  return out;
}

async function checkWorkspace(
  db: Db,
  { id: workspaceId, timeZone }: { id: string; timeZone: string },
  s: SpikeSettings,
  webhook: boolean,
  now: Date,
) {
  const start = new Date(now.getTime() - WINDOW_MS);
  // The last hour, straight from the mentions (the index on workspace and time keeps it to that hour); negative
  // as the rollups of the usual hour count it (an uncertain label apart).
  const m = mentionFacts(workspaceId);
  const hour = rows<{ topic_id: string; volume: number; negative: number }>(
    await db.execute(sql`
      select t.topic_id, count(*)::int as volume,
        count(*) filter (where ${labelSql(m)} = 'negative')::int as negative
      from ${m} cross join lateral unnest(${m.topicIds}) as t(topic_id)
      where ${m.postedAt} > ${start.toISOString()}::timestamptz and ${m.postedAt} <= ${now.toISOString()}::timestamptz
      group by 1`),
  );
  const result = { raised: 0, extended: 0 };
  if (hour.length === 0) return result;
  // The usual hour: the seven full days before today, from the rollups (days in the workspace's time zone).
  const todayNumber = todayIn(now, { timeZone });
  const today = dayString(todayNumber);
  const first = dayString(todayNumber - BASELINE_DAYS);
  const topicIds = `{${hour.map((h) => h.topic_id).join(',')}}`;
  const base = new Map(
    rows<{ topic_id: string; total: number; negative: number }>(
      await db.execute(sql`
        select topic_id, sum(n)::int as total, (sum(n) filter (where label = 'negative'))::int as negative
        from report_topic_daily
        where workspace_id = ${workspaceId}::uuid and day >= ${first}::date and day < ${today}::date
          and topic_id = any(${topicIds}::uuid[])
        group by 1`),
    ).map((b) => [b.topic_id, b]),
  );
  for (const h of hour) {
    const b = base.get(h.topic_id);
    const total = Number(b?.total ?? 0);
    const facts: HourFacts = {
      volume: h.volume,
      negative: h.negative,
      baselineHourly: total / (BASELINE_DAYS * 24),
      baselineNegativeShare: total ? Number(b?.negative ?? 0) / total : 0,
    };
    const reasons = spikeReasons(facts, s);
    if (reasons.length === 0) continue;
    const raised = await db.transaction(async (tx) => {
      const [ongoing] = await tx
        .select()
        .from(alerts)
        .where(and(eq(alerts.topicId, h.topic_id), gte(alerts.windowEnd, start)))
        .orderBy(desc(alerts.windowEnd))
        .limit(1)
        .for('update');
      if (ongoing) {
        // The same spike, still going: its alert follows it.
        await tx
          .update(alerts)
          .set({
            windowEnd: now,
            volume: Math.max(ongoing.volume, h.volume),
            reasons: [...new Set([...ongoing.reasons, ...reasons])],
          })
          .where(eq(alerts.id, ongoing.id));
        return false;
      }
      const ids = (
        await tx
          .select({ id: m.id })
          .from(m)
          .where(and(gt(m.postedAt, start), lte(m.postedAt, now), sql`${m.topicIds} @> array[${h.topic_id}::uuid]`))
          .orderBy(desc(m.postedAt))
          .limit(100)
      ).map((r) => r.id);
      await tx.insert(alerts).values({
        workspaceId,
        topicId: h.topic_id,
        reasons,
        windowStart: start,
        windowEnd: now,
        volume: h.volume,
        baselineVolume: facts.baselineHourly,
        negativeShare: h.negative / h.volume,
        baselineNegativeShare: facts.baselineNegativeShare,
        mentionIds: ids,
        webhookStatus: webhook ? 'pending' : 'none',
        createdAt: now,
      });
      const topic = (await topicNames(tx, [h.topic_id])).get(h.topic_id);
      const team = await activeStaff(tx, workspaceId);
      // Kept as values, put in words in each reader's language when shown.
      await notify(
        tx,
        team.map((u) => ({
          workspaceId,
          userId: u.id,
          kind: 'spike' as const,
          values: {
            named: topic === undefined ? ('no' as const) : ('yes' as const),
            topic: topic ?? '',
            volume: h.volume,
            usual: facts.baselineHourly,
            negativeShare: h.negative / h.volume,
          },
          createdAt: now,
        })),
      );
      return true;
    });
    if (raised) result.raised++;
    else result.extended++;
  }
  return result;
}

/**
 * Webhook deliveries as a leased queue: an alert is due while it is pending, or failed with tries left and
 * its backoff over. A claim takes it (two runs never post the same attempt); a run that dies before
 * recording the answer leaves it held until the lease runs out (or the instance restarts), then due
 * again, so the receiver hears of each alert at least once. One post is bounded by its 10 s deadline,
 * well inside the lease, so no heartbeat is needed.
 */
const webhookQueue = leasedQueue(alerts, {
  leaseMs: 60_000,
  ready: (now) =>
    and(
      or(
        eq(alerts.webhookStatus, 'pending'),
        and(eq(alerts.webhookStatus, 'failed'), lt(alerts.webhookAttempts, MAX_WEBHOOK_ATTEMPTS)),
      ),
      or(isNull(alerts.nextAttemptAt), lte(alerts.nextAttemptAt, now)),
    ),
});

/** How long a failed webhook waits before its next try. */
const WEBHOOK_PACE = { baseMs: 60_000, capMs: 30 * 60_000, jitter: 0.2 };

/** At start: alerts this instance was posting when it stopped are due now. */
export const releaseWebhookLeases = (db: Db, holder: string, now: Date) => webhookQueue.release(db, holder, now);

/** Posts pending alerts to their workspace's webhook, retrying failed ones a few times. */
async function deliverWebhooks(deps: SpikeDeps, now: Date) {
  const out = { sent: 0, failed: 0 };
  const ids = await webhookQueue.dueIds(deps.db, now, 50);
  if (ids.length === 0) return out;
  const due = await deps.db
    .select({ alert: alerts, settings: alertSettings })
    .from(alerts)
    .innerJoin(alertSettings, eq(alertSettings.workspaceId, alerts.workspaceId))
    .where(inArray(alerts.id, ids));
  const names = await topicNames(
    deps.db,
    due.map((d) => d.alert.topicId),
  );
  for (const { alert: candidate, settings } of due) {
    const topic = names.get(candidate.topicId);
    // A deleted topic takes its alerts with it (cascade): one deleted meanwhile has nothing left to send.
    if (topic === undefined) continue;
    if (!settings.webhookUrl || !settings.webhookSecretEnc) continue;
    const alert = await webhookQueue.claim(deps.db, candidate.id, now, deps.instanceId ?? null, {
      webhookAttempts: sql`${alerts.webhookAttempts} + 1`,
    });
    if (!alert) continue;
    const { secret } = (await deps.credentials.open(`alerts:${settings.workspaceId}`, settings.webhookSecretEnc)) as {
      secret: string;
    };
    const m = mentionFacts();
    const mentionRows = alert.mentionIds.length
      ? await deps.db
          .select({
            id: m.id,
            platform: m.platform,
            url: m.url,
            text: m.text,
            postedAt: m.postedAt,
            sentiment: m.label,
          })
          .from(m)
          .where(inArray(m.id, alert.mentionIds))
          .orderBy(desc(m.postedAt))
          .limit(20)
      : [];
    const body = JSON.stringify({
      type: 'spike',
      alert: {
        id: alert.id,
        topic: { id: alert.topicId, name: topic },
        reasons: alert.reasons,
        windowStart: alert.windowStart.toISOString(),
        windowEnd: alert.windowEnd.toISOString(),
        volume: alert.volume,
        baselineVolume: alert.baselineVolume,
        negativeShare: alert.negativeShare,
        baselineNegativeShare: alert.baselineNegativeShare,
      },
      mentions: mentionRows.map((m) => ({
        id: m.id,
        platform: m.platform,
        url: m.url,
        text: m.text,
        postedAt: m.postedAt.toISOString(),
        sentiment: m.sentiment,
      })),
    });
    try {
      const res = await deps.outbound.fetch(settings.webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-social-crm-event': 'spike',
          'x-social-crm-signature': await signWebhook(secret, body, now),
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      // The receiver's answer is not read: only its status is recorded.
      await res.body?.cancel().catch(() => undefined);
      if (!res.ok) throw new WebhookRefused(res.status);
      await webhookQueue.settle(deps.db, alert, { webhookStatus: 'sent', webhookError: null, nextAttemptAt: null });
      out.sent++;
    } catch (err) {
      out.failed++;
      const error = err instanceof WebhookRefused ? err.message : outboundMessage(err);
      deps.logger.warn({ error, alertId: alert.id }, 'alert webhook failed');
      await webhookQueue.settle(deps.db, alert, {
        webhookStatus: 'failed',
        webhookError: error,
        nextAttemptAt: new Date(
          now.getTime() + retryDelayMs(alert.webhookAttempts, deps.random ?? Math.random, WEBHOOK_PACE),
        ),
      });
    }
  }
  return out;
}
