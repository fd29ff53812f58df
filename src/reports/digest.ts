import { and, desc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { activeStaff, listWorkspaces } from '../accounts';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import { conversationFacts } from '../inbox';
import { mentionFacts } from '../mentions';
import { outboundMessage, type OutboundHttp } from '../http/outbound';
import type { Logger } from '../http/logger';
import type { Mailer } from '../http/env';
import type { CredentialBox } from '../core/credentials';
import { allAlertSettings } from './alert-settings';
import { previousRange, type Range, type ReportQuery, type TermCount, topTerms, type Totals, totals } from './series';
import { signWebhook } from './spikes';

/**
 * The weekly digest: the last seven days against the seven before (volume, sentiment), the themes
 * people talked about, the biggest mentions, and the work still open in the inbox. An in-app page,
 * and every Monday an email to the team (when SMTP is set) and a call to the alert webhook.
 */
export interface Digest {
  range: Range;
  now: Totals;
  before: Totals;
  terms: TermCount[];
  hashtags: TermCount[];
  biggest: {
    id: string;
    platform: string;
    text: string;
    url: string | null;
    authorName: string | null;
    authorHandle: string | null;
    followers: number | null;
    sentiment: string | null;
  }[];
  open: { open: number; unassigned: number; overdue: number };
  alerts: number;
}

const ALL: ReportQuery = { interval: 'day', format: 'json' } as ReportQuery;

/** The range's five mentions with the largest audience, each with its effective label (mentions' read model). */
async function biggestMentions(db: Db, workspaceId: string, range: Range): Promise<Digest['biggest']> {
  const m = mentionFacts(workspaceId);
  return db
    .select({
      id: m.id,
      platform: m.platform,
      text: m.text,
      url: m.url,
      authorName: m.authorName,
      authorHandle: m.authorHandle,
      followers: m.authorFollowers,
      sentiment: m.label,
    })
    .from(m)
    .where(
      and(
        isNull(m.deletedAt),
        gte(m.postedAt, sql`(${range.from}::date::timestamp at time zone 'UTC')`),
        lt(m.postedAt, sql`((${range.to}::date + 1)::timestamp at time zone 'UTC')`),
      ),
    )
    .orderBy(sql`${m.authorFollowers} desc nulls last`, desc(m.postedAt))
    .limit(5);
}

/** The inbox's open conversations: how many, unassigned, past their first-response time (inbox's read model). */
async function openWork(db: Db, workspaceId: string, now: Date): Promise<Digest['open']> {
  const c = conversationFacts(workspaceId);
  const [o] = await db
    .select({
      open: sql<number>`count(*)::int`,
      unassigned: sql<number>`count(*) filter (where ${c.assigneeId} is null)::int`,
      overdue: sql<number>`count(*) filter (where ${c.firstResponseAt} is null
        and ${c.firstResponseDueAt} <= ${now.toISOString()}::timestamptz)::int`,
    })
    .from(c)
    .where(eq(c.status, 'open'));
  return { open: Number(o?.open ?? 0), unassigned: Number(o?.unassigned ?? 0), overdue: Number(o?.overdue ?? 0) };
}

export async function weeklyDigest(db: Db, workspaceId: string, now: Date): Promise<Digest> {
  const to = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const from = new Date(now.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
  const range = { from, to };
  const [current, before, terms, hashtags, biggest, open, alerts] = await Promise.all([
    totals(db, workspaceId, ALL, range),
    totals(db, workspaceId, ALL, previousRange(range)),
    topTerms(db, workspaceId, range, 'term', 8),
    topTerms(db, workspaceId, range, 'hashtag', 5),
    biggestMentions(db, workspaceId, range),
    openWork(db, workspaceId, now),
    db.execute(
      sql`select count(*)::int as n from report_alerts
        where workspace_id = ${workspaceId}::uuid and created_at >= (${from}::date::timestamp at time zone 'UTC')`,
    ),
  ]);
  return {
    range,
    now: current,
    before,
    terms,
    hashtags,
    biggest,
    open,
    alerts: Number(rows<{ n: number }>(alerts)[0]?.n ?? 0),
  };
}

const change = (now: number, before: number) =>
  before ? `${now >= before ? '+' : ''}${Math.round(((now - before) / before) * 100)}%` : 'new';

/** The digest as plain text, for email. */
export function digestText(name: string, d: Digest, link: string): string {
  return [
    `${name}: the week of ${d.range.from} to ${d.range.to}`,
    '',
    `Mentions: ${d.now.total} (${change(d.now.total, d.before.total)} on the week before)`,
    `Net sentiment: ${d.now.net} (the week before: ${d.before.net})`,
    `People talked about: ${d.terms.map((t) => t.term).join(', ') || 'nothing yet'}`,
    d.hashtags.length ? `Hashtags: ${d.hashtags.map((h) => `#${h.term}`).join(' ')}` : '',
    '',
    'Biggest mentions:',
    ...d.biggest.map(
      (m) =>
        `- ${m.authorName ?? m.authorHandle ?? 'someone'} ` +
        `(${m.followers ?? 0} followers, ${m.sentiment ?? 'unscored'}): ${m.text.slice(0, 140)}`,
    ),
    '',
    `Open work: ${d.open.open} open conversations, ${d.open.unassigned} unassigned, ` +
      `${d.open.overdue} past their first-response time.`,
    d.alerts ? `Spike alerts this week: ${d.alerts}` : '',
    '',
    link,
  ]
    .filter((l, i, all) => l !== '' || all[i - 1] !== '')
    .join('\n');
}

export interface DigestDeps {
  db: Db;
  clock: () => Date;
  logger: Logger;
  credentials: CredentialBox;
  mailer?: Mailer;
  publicUrl?: string | undefined;
  outbound: OutboundHttp;
}

/** Sends each workspace its digest: email to the team when SMTP is set, the alert webhook when one is. */
export async function sendWeeklyDigests(
  deps: DigestDeps,
): Promise<{ workspaces: number; emails: number; webhooks: number }> {
  const now = deps.clock();
  const out = { workspaces: 0, emails: 0, webhooks: 0 };
  const list = await listWorkspaces(deps.db);
  const settings = await allAlertSettings(deps.db);
  for (const { id, name } of list) {
    const ws = { id, name, settings: settings.get(id) };
    const d = await weeklyDigest(deps.db, ws.id, now);
    out.workspaces++;
    const link = `${(deps.publicUrl ?? 'http://127.0.0.1:3000').replace(/\/$/, '')}/reports/digest`;
    if (deps.mailer?.configured) {
      const team = await activeStaff(deps.db, ws.id);
      for (const u of team) {
        try {
          await deps.mailer.send({
            to: u.email,
            subject: `${ws.name}: your week in mentions`,
            text: digestText(ws.name, d, link),
          });
          out.emails++;
        } catch (err) {
          deps.logger.warn({ err, workspaceId: ws.id }, 'digest email failed');
        }
      }
    }
    if (ws.settings?.webhookUrl && ws.settings.webhookSecretEnc) {
      const { secret } = (await deps.credentials.open(`alerts:${ws.id}`, ws.settings.webhookSecretEnc)) as {
        secret: string;
      };
      const body = JSON.stringify({ type: 'digest', workspace: ws.name, digest: d });
      try {
        const res = await deps.outbound.fetch(ws.settings.webhookUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-social-crm-event': 'digest',
            'x-social-crm-signature': await signWebhook(secret, body, now),
          },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        await res.body?.cancel().catch(() => undefined);
        if (res.ok) out.webhooks++;
        else deps.logger.warn({ status: res.status, workspaceId: ws.id }, 'digest webhook refused');
      } catch (err) {
        deps.logger.warn({ error: outboundMessage(err), workspaceId: ws.id }, 'digest webhook failed');
      }
    }
  }
  return out;
}
