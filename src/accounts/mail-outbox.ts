import { desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Clock } from '../core/clock';
import type { CredentialBox } from '../core/credentials';
import type { DomainEvent } from '../core/events';
import { leasedQueue, retryDelayMs } from '../db/leased-queue';
import { rows as resultRows } from '../db/rows';
import type { Db } from '../db/types';
import type { Mailer } from '../http/env';
import type { Logger } from '../http/logger';
import { redactSecrets } from './redact';
import { mailOutbox } from './schema';

/** An email to queue. */
export interface OutgoingMail {
  kind: string;
  to: string;
  subject: string;
  text: string;
  /** One-time secrets in the text (a link token): they go to the recipient only, never to the log. */
  secrets?: readonly string[];
}

/** Told after commit that mail waits, so the sender starts now rather than at its next scheduled run. */
export const MAIL_QUEUED = 'mail.queued';
export type MailQueued = DomainEvent<typeof MAIL_QUEUED, { count: number }>;

export interface MailSenderDeps {
  db: Db;
  mailer: Mailer;
  logger: Logger;
  clock: Clock;
  /** Opens the sealed text of mail that carries a secret; without it such mail cannot be retried. */
  credentials?: CredentialBox;
  instanceId?: string;
  random?: () => number;
}

/** A send is tried this many times (about 30 s, 1, 2, 4 … minutes apart) before the row ends `failed`. */
export const MAIL_MAX_ATTEMPTS = 8;
const queue = leasedQueue(mailOutbox, { waiting: 'queued', working: 'sending', leaseMs: 60_000 });
// The sealed text is bound to its row: copied onto another row it does not open.
const sealKey = (id: string) => `mail:${id}`;
// Rows per INSERT: 1,000 × 8 parameters stays far below PostgreSQL's 65,535.
const INSERT_CHUNK = 1_000;

/**
 * Queues emails in the caller's transaction, so they exist exactly when the change that wrote them
 * commits, and each is sent once. The kept `body` has its link secrets redacted (whoever reads the log
 * must not be able to confirm, or take over, an account); the full text of such a mail is sealed until
 * it is sent. Returns the ids and the event that wakes the sender.
 */
export async function queueMail(
  tx: Db,
  credentials: CredentialBox | undefined,
  workspaceId: string,
  mails: readonly OutgoingMail[],
  now: Date,
): Promise<{ ids: string[]; event: MailQueued }> {
  const rows = await Promise.all(
    mails.map(async (m) => {
      const id = crypto.randomUUID();
      const body = redactSecrets(m.text, m.secrets);
      // '' marks a text with a secret that could not be sealed here: it can be sent now, never again.
      const sealed = body === m.text ? null : credentials ? await credentials.seal(sealKey(id), { text: m.text }) : '';
      return {
        id,
        workspaceId,
        kind: m.kind,
        to: m.to,
        subject: m.subject,
        body,
        sealedText: sealed,
        nextAttemptAt: now,
      };
    }),
  );
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await tx.insert(mailOutbox).values(rows.slice(i, i + INSERT_CHUNK));
  }
  return { ids: rows.map((r) => r.id), event: { name: MAIL_QUEUED, data: { count: rows.length } } };
}

/**
 * Queues one email to each address `recipients` yields (a query with an `email` column), in one
 * statement in the caller's transaction: thousands of voters cost one INSERT … SELECT, not thousands of
 * rows built here. For mail without secrets (the text is kept as it is sent).
 */
export async function queueMailTo(
  tx: Db,
  workspaceId: string,
  mail: Omit<OutgoingMail, 'to' | 'secrets'>,
  recipients: SQL,
  now: Date,
): Promise<{ count: number; event: MailQueued }> {
  const at = now.toISOString();
  const inserted = resultRows(
    await tx.execute(sql`
      insert into ${mailOutbox} (workspace_id, kind, "to", subject, body, next_attempt_at)
      select ${workspaceId}::uuid, ${mail.kind}, r.email, ${mail.subject}, ${mail.text}, ${at}::timestamptz
      from (${recipients}) r
      returning id`),
  );
  return { count: inserted.length, event: { name: MAIL_QUEUED, data: { count: inserted.length } } };
}

type MailRow = typeof mailOutbox.$inferSelect;
type Outcome = { ok: true } | { ok: false; last: boolean; values: Record<string, unknown> };

/** Hands one claimed row to the mailer; says how to settle it. `text`: the full text, when the caller has it. */
async function deliver(deps: MailSenderDeps, row: MailRow, text?: string): Promise<Outcome> {
  const secrets: string[] = [];
  let resendable = true;
  try {
    let full = text ?? row.body;
    if (text === undefined && row.sealedText !== null) {
      if (!row.sealedText || !deps.credentials) {
        resendable = false;
        throw new Error('this email held a one-time link that cannot be sent again; ask for a new one');
      }
      full = String((await deps.credentials.open(sealKey(row.id), row.sealedText)).text);
    }
    if (full !== row.body) secrets.push(...secretsIn(full, row.body));
    await deps.mailer.send({ to: row.to, subject: row.subject, text: full });
    return { ok: true };
  } catch (err) {
    const message = redactSecrets(err instanceof Error ? err.message : String(err), secrets);
    const last = !resendable || row.attempts >= MAIL_MAX_ATTEMPTS || row.sealedText === '';
    const log = deps.logger.child({ mailId: row.id, kind: row.kind, attempt: row.attempts });
    log.warn({ err: { message }, last }, last ? 'email failed for good' : 'email failed, will retry');
    const next = new Date(deps.clock().getTime() + retryDelayMs(row.attempts, deps.random ?? Math.random));
    const values = last
      ? { status: 'failed', error: message, sealedText: null }
      : { status: 'queued', error: message, nextAttemptAt: next };
    return { ok: false, last, values };
  }
}

const delivered = (deps: MailSenderDeps) =>
  deps.mailer.configured
    ? { status: 'sent' as const, sentAt: deps.clock(), sealedText: null, error: null }
    : { status: 'logged' as const, sealedText: null, error: null };

/**
 * Sends one queued email if it is due (null when another sender has it or it is not due). `text` is the
 * full text when the caller still holds it (the first attempt, in the request that queued it).
 */
export async function sendMail(deps: MailSenderDeps, id: string, text?: string) {
  const row = await queue.claim(deps.db, id, deps.clock(), deps.instanceId ?? null);
  if (!row) return null;
  const heartbeat = queue.keepAlive(deps.db, row.leaseToken, deps.clock, (err) =>
    deps.logger.warn({ err, mailId: row.id }, 'mail lease heartbeat failed'),
  );
  try {
    const outcome = await deliver(deps, row, text);
    return await queue.settle(deps.db, row, outcome.ok ? delivered(deps) : outcome.values);
  } finally {
    heartbeat.stop();
  }
}

// The secrets a sealed text holds are the parts the kept body redacts: a transport error may quote them.
function secretsIn(text: string, body: string): string[] {
  const kept = new Set(body.split(/\s+/));
  return text.split(/\s+/).filter((w) => !kept.has(w));
}

/** Rows one claim takes, and how many of them are with the mailer at once (a pooled SMTP transport). */
const BATCH = 50;
const PARALLEL = 5;

/**
 * Sends every email due now, oldest first (a scheduled job, and woken after commit by `mail.queued`):
 * a batch is claimed in one statement, sent a few at a time, and what went out is settled in one more,
 * so thousands of voters' emails cost a few statements per fifty. Failures are settled one by one.
 */
export async function sendDueMail(deps: MailSenderDeps): Promise<{ sent: number; failed: number; retrying: number }> {
  const out = { sent: 0, failed: 0, retrying: 0 };
  for (;;) {
    const { token, rows } = await queue.claimBatch(deps.db, deps.clock(), deps.instanceId ?? null, BATCH);
    if (rows.length === 0) return out;
    const heartbeat = queue.keepAlive(deps.db, token, deps.clock, (err) =>
      deps.logger.warn({ err }, 'mail lease heartbeat failed'),
    );
    try {
      const sent: string[] = [];
      let next = 0;
      const worker = async () => {
        for (let i = next++; i < rows.length; i = next++) {
          const row = rows[i]!;
          const outcome = await deliver(deps, row);
          if (outcome.ok) {
            sent.push(row.id);
            continue;
          }
          await queue.settle(deps.db, row, outcome.values);
          if (outcome.last) out.failed++;
          else out.retrying++;
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL, rows.length) }, worker));
      out.sent += await queue.settleMany(deps.db, sent, token, delivered(deps));
    } finally {
      heartbeat.stop();
    }
  }
}

/** At start: mail this instance was sending when it stopped is due now. */
export const releaseMailLeases = (db: Db, holder: string, now: Date) => queue.release(db, holder, now);

/** The log staff read; rows kept before redaction existed are redacted on the way out, too. */
export async function listMail(db: Db, workspaceId: string, limit = 50) {
  const list = await db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.workspaceId, workspaceId))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit);
  return list.map(({ sealedText: _, leaseToken: __, ...m }) => ({
    ...m,
    body: redactSecrets(m.body),
    error: m.error === null ? null : redactSecrets(m.error),
  }));
}
