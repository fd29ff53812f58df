import { and, desc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { listWorkspaces, staffReaders } from '../accounts';
import { type Translator, translatorFor } from '../core/i18n/translator';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import { conversationFacts } from '../inbox';
import { mentionFacts } from '../mentions';
import { outboundMessage, type OutboundHttp } from '../http/outbound';
import type { Logger } from '../http/logger';
import type { Mailer } from '../http/env';
import type { CredentialBox } from '../core/credentials';
import { allAlertSettings } from './alert-settings';
import { dayEndSql, dayStartSql, type ReportCalendar, todayIn, weekStartOf, workspaceCalendar } from './calendar';
import { dayString } from '../core/days';
import { previousRange, type Range, type ReportQuery, type TermCount, topTerms, type Totals, totals } from './series';
import { signWebhook } from './spikes';
import { digestMail as mail } from './digest.messages';
import { reports as m } from './messages';

/**
 * The weekly digest: a week of the workspace's calendar (its time zone and week start) against the week before
 * (volume, sentiment), the themes people talked about, the biggest mentions, and the work still open in the
 * inbox. The page shows this week so far (against the same days of the week before), with the last full week a
 * link away; every Monday the last full week goes by email to the team (when SMTP is set) and to the alert
 * webhook.
 */
export const DIGEST_PERIODS = ['current', 'last'] as const;
export type DigestPeriod = (typeof DIGEST_PERIODS)[number];

export interface Digest {
  period: DigestPeriod;
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
async function biggestMentions(
  db: Db,
  workspaceId: string,
  range: Range,
  timeZone: string,
): Promise<Digest['biggest']> {
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
        gte(m.postedAt, dayStartSql(range.from, timeZone)),
        lt(m.postedAt, dayEndSql(range.to, timeZone)),
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

/**
 * The days a digest covers and the days it compares them with: this week from its first day to today, against
 * the same weekdays of the week before; or the last full week against the one before it.
 */
export function digestRanges(period: DigestPeriod, today: number, weekStart: number): { range: Range; before: Range } {
  const first = weekStartOf(today, weekStart);
  if (period === 'current') {
    const range = { from: dayString(first), to: dayString(today) };
    return { range, before: { from: dayString(first - 7), to: dayString(today - 7) } };
  }
  const range = { from: dayString(first - 7), to: dayString(first - 1) };
  return { range, before: previousRange(range) };
}

export async function weeklyDigest(
  db: Db,
  workspaceId: string,
  now: Date,
  cal?: ReportCalendar,
  period: DigestPeriod = 'last',
): Promise<Digest> {
  const { timeZone, weekStart } = cal ?? (await workspaceCalendar(db, workspaceId));
  const today = todayIn(now, { timeZone });
  const { range, before: earlier } = digestRanges(period, today, weekStart);
  const [current, before, terms, hashtags, biggest, open, alerts] = await Promise.all([
    totals(db, workspaceId, ALL, range),
    totals(db, workspaceId, ALL, earlier),
    topTerms(db, workspaceId, range, 'term', 8),
    topTerms(db, workspaceId, range, 'hashtag', 5),
    biggestMentions(db, workspaceId, range, timeZone),
    openWork(db, workspaceId, now),
    db.execute(
      sql`select count(*)::int as n from report_alerts
        where workspace_id = ${workspaceId}::uuid and created_at >= ${dayStartSql(range.from, timeZone)}
          and created_at < ${dayEndSql(range.to, timeZone)}`,
    ),
  ]);
  return {
    period,
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

/** "+200% on the week before", or "new …" when the week before had none (the digest page's phrase). */
function change(t: Translator, now: number, before: number): string {
  if (!before) return t.t(m.digestChange, { kind: 'new', change: '' });
  const share = Math.round(((now - before) / before) * 100) / 100;
  const change = t.number(share, { style: 'percent', signDisplay: 'always', maximumFractionDigits: 0 });
  return t.t(m.digestChange, { kind: 'change', change });
}

/** The digest as plain text, for email, in the reader's language (its days are calendar days, not instants). */
export function digestText(t: Translator, name: string, d: Digest, link: string): string {
  const day = translatorFor(t.locale, 'UTC').date;
  const n = t.number;
  const list = (items: string[]) => t.intl.formatList(items, { type: 'conjunction' });
  return [
    t.t(mail.heading, { workspace: name, from: day(d.range.from), to: day(d.range.to) }),
    '',
    t.t(mail.mentions, { count: n(d.now.total), change: change(t, d.now.total, d.before.total) }),
    t.t(mail.net, { net: n(d.now.net), before: n(d.before.net) }),
    t.t(mail.talked, { terms: d.terms.length ? list(d.terms.map((x) => x.term)) : t.t(m.digestNothing) }),
    d.hashtags.length ? t.t(mail.hashtags, { hashtags: d.hashtags.map((h) => `#${h.term}`).join(' ') }) : '',
    '',
    t.t(mail.biggest),
    ...(d.biggest.length ? [] : [t.t(m.digestNoBiggest, { period: d.period })]),
    ...d.biggest.map((x) =>
      t.t(mail.mention, {
        author: x.authorName ?? x.authorHandle ?? t.t(m.digestSomeone),
        followers: t.t(m.digestFollowers, { count: x.followers ?? 0 }),
        sentiment: t.t(m.digestSentiment, { label: x.sentiment ?? 'unscored' }),
        text: x.text.slice(0, 140),
      }),
    ),
    '',
    t.t(mail.openWork, { open: d.open.open, unassigned: n(d.open.unassigned), overdue: n(d.open.overdue) }),
    d.alerts ? t.t(mail.alerts, { count: n(d.alerts) }) : '',
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
  for (const { id, name, timeZone, weekStart } of list) {
    const ws = { id, name, settings: settings.get(id) };
    const d = await weeklyDigest(deps.db, ws.id, now, { timeZone, weekStart }, 'last');
    out.workspaces++;
    const link = `${(deps.publicUrl ?? 'http://127.0.0.1:3000').replace(/\/$/, '')}/reports/digest`;
    if (deps.mailer?.configured) {
      // Each teammate in their own language and zone (else the workspace's).
      const team = await staffReaders(deps.db, ws.id);
      for (const u of team) {
        const t = translatorFor(u.locale, u.timeZone);
        try {
          await deps.mailer.send({
            to: u.email,
            subject: t.t(mail.subject, { workspace: ws.name }),
            text: digestText(t, ws.name, d, link),
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
