import { and, eq, isNull, sql } from 'drizzle-orm';
import { users, workspaces } from '../accounts';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import { outboundMessage, type OutboundHttp } from '../http/outbound';
import type { Logger } from '../http/logger';
import type { Mailer } from '../http/env';
import type { CredentialBox } from '../core/credentials';
import { alertSettings } from './schema';
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

export async function weeklyDigest(db: Db, workspaceId: string, now: Date): Promise<Digest> {
  const to = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const from = new Date(now.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
  const range = { from, to };
  const [current, before, terms, hashtags, biggest, open, alerts] = await Promise.all([
    totals(db, workspaceId, ALL, range),
    totals(db, workspaceId, ALL, previousRange(range)),
    topTerms(db, workspaceId, range, 'term', 8),
    topTerms(db, workspaceId, range, 'hashtag', 5),
    db.execute(sql`
      select id, platform, text, url, author_name, author_handle, author_followers,
        coalesce(sentiment_override, sentiment_label) as sentiment
      from mentions
      where workspace_id = ${workspaceId}::uuid and deleted_at is null
        and posted_at >= (${from}::date::timestamp at time zone 'UTC')
        and posted_at < ((${to}::date + 1)::timestamp at time zone 'UTC')
      order by author_followers desc nulls last, posted_at desc limit 5`),
    db.execute(sql`
      select count(*)::int as open, count(*) filter (where assignee_id is null)::int as unassigned,
        count(*) filter (where first_response_at is null
          and first_response_due_at <= ${now.toISOString()}::timestamptz)::int as overdue
      from conversations where workspace_id = ${workspaceId}::uuid and status = 'open'`),
    db.execute(
      sql`select count(*)::int as n from report_alerts
        where workspace_id = ${workspaceId}::uuid and created_at >= (${from}::date::timestamp at time zone 'UTC')`,
    ),
  ]);
  const o = rows<{ open: number; unassigned: number; overdue: number }>(open)[0];
  return {
    range,
    now: current,
    before,
    terms,
    hashtags,
    biggest: rows<{
      id: string;
      platform: string;
      text: string;
      url: string | null;
      author_name: string | null;
      author_handle: string | null;
      author_followers: number | null;
      sentiment: string | null;
    }>(biggest).map((m) => ({
      id: m.id,
      platform: m.platform,
      text: m.text,
      url: m.url,
      authorName: m.author_name,
      authorHandle: m.author_handle,
      followers: m.author_followers,
      sentiment: m.sentiment,
    })),
    open: { open: Number(o?.open ?? 0), unassigned: Number(o?.unassigned ?? 0), overdue: Number(o?.overdue ?? 0) },
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
  for (const ws of await deps.db
    .select({ id: workspaces.id, name: workspaces.name, settings: alertSettings })
    .from(workspaces)
    .leftJoin(alertSettings, eq(alertSettings.workspaceId, workspaces.id))) {
    const d = await weeklyDigest(deps.db, ws.id, now);
    out.workspaces++;
    const link = `${(deps.publicUrl ?? 'http://127.0.0.1:3000').replace(/\/$/, '')}/reports/digest`;
    if (deps.mailer?.configured) {
      const team = await deps.db
        .select({ email: users.email })
        .from(users)
        .where(and(eq(users.workspaceId, ws.id), isNull(users.disabledAt)));
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
