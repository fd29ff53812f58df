import { and, desc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { users, workspaces } from '../accounts';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import { outboundMessage, type OutboundHttp } from '../http/outbound';
import { notifications } from '../inbox';
import type { Logger } from '../http/logger';
import type { CredentialBox } from '../core/credentials';
import { topics } from '../topics';
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
  const list = await deps.db
    .select({ id: workspaces.id, settings: alertSettings })
    .from(workspaces)
    .leftJoin(alertSettings, eq(alertSettings.workspaceId, workspaces.id));
  for (const ws of list) {
    if (ws.settings && !ws.settings.enabled) continue;
    const s: SpikeSettings = ws.settings ?? DEFAULT_SPIKE_SETTINGS;
    const r = await checkWorkspace(deps.db, ws.id, s, Boolean(ws.settings?.webhookUrl), now);
    out.raised += r.raised;
    out.extended += r.extended;
  }
  const sent = await deliverWebhooks(deps, now);
  out.webhooksSent = sent.sent;
  out.webhooksFailed = sent.failed;
  return out;
}

async function checkWorkspace(db: Db, workspaceId: string, s: SpikeSettings, webhook: boolean, now: Date) {
  const start = new Date(now.getTime() - WINDOW_MS);
  // The last hour, straight from the mentions (the index on workspace and time keeps it to that hour).
  const hour = rows<{ topic_id: string; volume: number; negative: number }>(
    await db.execute(sql`
      select t.topic_id, count(*)::int as volume,
        count(*) filter (where coalesce(m.sentiment_override, m.sentiment_label) = 'negative')::int as negative
      from mentions m cross join lateral unnest(m.topic_ids) as t(topic_id)
      where m.workspace_id = ${workspaceId}::uuid
        and m.posted_at > ${start.toISOString()}::timestamptz and m.posted_at <= ${now.toISOString()}::timestamptz
      group by 1`),
  );
  const result = { raised: 0, extended: 0 };
  if (hour.length === 0) return result;
  // The usual hour: the seven full days before today, from the rollups.
  const today = now.toISOString().slice(0, 10);
  const first = new Date(Date.parse(`${today}T00:00:00Z`) - BASELINE_DAYS * 86_400_000).toISOString().slice(0, 10);
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
      const ids = rows<{ id: string }>(
        await tx.execute(sql`select id from mentions where workspace_id = ${workspaceId}::uuid
          and posted_at > ${start.toISOString()}::timestamptz and posted_at <= ${now.toISOString()}::timestamptz
          and topic_ids @> array[${h.topic_id}::uuid] order by posted_at desc limit 100`),
      ).map((r) => r.id);
      const [alert] = await tx
        .insert(alerts)
        .values({
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
        })
        .returning();
      const [topic] = await tx.select({ name: topics.name }).from(topics).where(eq(topics.id, h.topic_id));
      const team = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.workspaceId, workspaceId), isNull(users.disabledAt)));
      const text =
        `Spike on ${topic?.name ?? 'a topic'}: ${h.volume} mentions in the last hour ` +
        `(usually ${facts.baselineHourly.toFixed(1)}), ${Math.round((h.negative / h.volume) * 100)}% negative`;
      if (team.length)
        await tx.insert(notifications).values(
          team.map((u) => ({
            workspaceId,
            userId: u.id,
            kind: 'spike',
            text: `${text} [alert ${alert!.id}]`,
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

/** Posts pending alerts to their workspace's webhook, retrying failed ones a few times. */
async function deliverWebhooks(deps: SpikeDeps, now: Date) {
  const out = { sent: 0, failed: 0 };
  const due = await deps.db
    .select({ alert: alerts, settings: alertSettings, topic: topics.name })
    .from(alerts)
    .innerJoin(alertSettings, eq(alertSettings.workspaceId, alerts.workspaceId))
    .innerJoin(topics, eq(topics.id, alerts.topicId))
    .where(
      or(
        eq(alerts.webhookStatus, 'pending'),
        and(eq(alerts.webhookStatus, 'failed'), lt(alerts.webhookAttempts, MAX_WEBHOOK_ATTEMPTS)),
      ),
    )
    .limit(50);
  for (const { alert, settings, topic } of due) {
    if (!settings.webhookUrl || !settings.webhookSecretEnc) continue;
    // Claim this attempt (two runs never post the same attempt); a run that dies before
    // recording the answer leaves it due, so the receiver hears of each alert at least once.
    const [claimed] = await deps.db
      .update(alerts)
      .set({ webhookAttempts: alert.webhookAttempts + 1 })
      .where(
        and(
          eq(alerts.id, alert.id),
          eq(alerts.webhookAttempts, alert.webhookAttempts),
          inArray(alerts.webhookStatus, ['pending', 'failed']),
        ),
      )
      .returning();
    if (!claimed) continue;
    const { secret } = (await deps.credentials.open(`alerts:${settings.workspaceId}`, settings.webhookSecretEnc)) as {
      secret: string;
    };
    const mentionRows = alert.mentionIds.length
      ? rows<{
          id: string;
          platform: string;
          url: string | null;
          text: string;
          posted_at: string | Date;
          sentiment: string | null;
        }>(
          await deps.db.execute(
            sql`select id, platform, url, text, posted_at, coalesce(sentiment_override, sentiment_label) as sentiment
              from mentions where id = any(${`{${alert.mentionIds.join(',')}}`}::uuid[])
              order by posted_at desc limit 20`,
          ),
        )
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
        postedAt: new Date(m.posted_at).toISOString(),
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
      await deps.db.update(alerts).set({ webhookStatus: 'sent', webhookError: null }).where(eq(alerts.id, alert.id));
      out.sent++;
    } catch (err) {
      out.failed++;
      const error = err instanceof WebhookRefused ? err.message : outboundMessage(err);
      deps.logger.warn({ error, alertId: alert.id }, 'alert webhook failed');
      await deps.db.update(alerts).set({ webhookStatus: 'failed', webhookError: error }).where(eq(alerts.id, alert.id));
    }
  }
  return out;
}
