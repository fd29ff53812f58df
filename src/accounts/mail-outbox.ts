import { desc, eq, type SQL, sql } from 'drizzle-orm';
import { type Clock, systemClock } from '../core/clock';
import type { CredentialBox } from '../core/credentials';
import type { DomainEvent } from '../core/events';
import { forEachLimit } from '../core/concurrency';
import { leasedQueue, retryDelayMs } from '../db/leased-queue';
import { rows as resultRows } from '../db/rows';
import type { Db } from '../db/types';
import type { Mailer } from '../http/env';
import type { Logger } from '../http/logger';
import { SMTP_CONNECTIONS } from './mailer';
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
const BACKOFF = { baseMs: 30_000, capMs: 3_600_000, jitter: 0.25 };
const queue = leasedQueue(mailOutbox, { waiting: 'queued', working: 'sending', leaseMs: 60_000 });
// The sealed text is bound to its row: copied onto another row it does not open.
const sealKey = (id: string) => `mail:${id}`;

/** What a mail with a one-time link keeps sealed until it is sent: the text, and what to redact from errors. */
interface Sealed {
  text: string;
  secrets: string[];
}
/** The sealed text of a mail that cannot be sent again: its secret could not be sealed, or opened. */
class CannotResend extends Error {}

async function newRow(credentials: CredentialBox | undefined, workspaceId: string, m: OutgoingMail, now: Date) {
  const id = crypto.randomUUID();
  const secrets = [...(m.secrets ?? [])];
  const sealed: Sealed = { text: m.text, secrets };
  // '' marks a secret that could not be sealed here (no APP_SECRET at hand): sent now, never again.
  const sealedText =
    secrets.length === 0 ? null : credentials ? await credentials.seal(sealKey(id), { ...sealed }) : '';
  const row = { id, workspaceId, kind: m.kind, to: m.to, subject: m.subject, nextAttemptAt: now, sealedText };
  return { row: { ...row, body: redactSecrets(m.text, secrets) }, sealed };
}

/**
 * Queues one email to each address `recipients` yields (a query with an `email` column), in one
 * statement in the caller's transaction: thousands of voters cost one INSERT … SELECT, not thousands of
 * rows built here. For mail without secrets (the text is kept as it is sent). No event when nobody is
 * mailed.
 */
export async function queueMailTo(
  tx: Db,
  workspaceId: string,
  mail: Omit<OutgoingMail, 'to' | 'secrets'>,
  recipients: SQL,
  now: Date,
): Promise<MailQueued | null> {
  const at = now.toISOString();
  const [row] = resultRows<{ n: number }>(
    await tx.execute(sql`
      with queued as (
        insert into ${mailOutbox} (workspace_id, kind, "to", subject, body, next_attempt_at)
        select ${workspaceId}::uuid, ${mail.kind}, r.email, ${mail.subject}, ${mail.text}, ${at}::timestamptz
        from (${recipients}) r
        returning 1)
      select count(*)::int as n from queued`),
  );
  const count = Number(row?.n ?? 0);
  return count ? { name: MAIL_QUEUED, data: { count } } : null;
}

type MailRow = typeof mailOutbox.$inferSelect;
type Outcome = { ok: true } | { ok: false; last: boolean; values: Partial<typeof mailOutbox.$inferInsert> };

async function unseal(deps: MailSenderDeps, row: MailRow): Promise<Sealed> {
  if (!row.sealedText || !deps.credentials)
    throw new CannotResend('this email held a one-time link that cannot be sent again; ask for a new one');
  try {
    return (await deps.credentials.open(sealKey(row.id), row.sealedText)) as unknown as Sealed;
  } catch {
    // APP_SECRET changed since it was queued: no later try can open it either.
    throw new CannotResend('this email held a one-time link that can no longer be opened; ask for a new one');
  }
}

/** Hands one held row to the mailer; says how to settle it. `given`: the full text, when the caller has it. */
async function deliver(deps: MailSenderDeps, row: MailRow, given?: Sealed): Promise<Outcome> {
  let full: Sealed | null = given ?? null;
  try {
    if (!full && row.sealedText !== null) full = await unseal(deps, row);
    await deps.mailer.send({ to: row.to, subject: row.subject, text: full?.text ?? row.body });
    return { ok: true };
  } catch (err) {
    const message = redactSecrets(err instanceof Error ? err.message : String(err), full?.secrets);
    const last = err instanceof CannotResend || row.attempts >= MAIL_MAX_ATTEMPTS || row.sealedText === '';
    const log = deps.logger.child({ mailId: row.id, kind: row.kind, attempt: row.attempts });
    log.warn({ err: { message }, last }, last ? 'email failed for good' : 'email failed, will retry');
    const next = new Date(deps.clock().getTime() + retryDelayMs(row.attempts, deps.random ?? Math.random, BACKOFF));
    const values = last
      ? { status: 'failed' as const, error: message, sealedText: null }
      : { status: 'queued' as const, error: message, nextAttemptAt: next };
    return { ok: false, last, values };
  }
}

const delivered = (deps: MailSenderDeps) =>
  deps.mailer.configured
    ? { status: 'sent' as const, sentAt: deps.clock(), sealedText: null, error: null }
    : { status: 'logged' as const, sealedText: null, error: null };

/** A mail written in the caller's transaction, held by this process, sent once that transaction commits. */
export interface HeldMail {
  id: string;
  leaseToken: string;
  /** The text and secrets as sealed in the row, for sending without reading it back. */
  sealed: Awaited<ReturnType<typeof newRow>>['sealed'];
  row: typeof mailOutbox.$inferSelect;
}

/**
 * Writes a mail a person waits for (a verification or reset link, an invitation) in the transaction that
 * makes its link, already held by this process: the link and its email commit together, so a crash between
 * them cannot lose the email (the held row's lease runs out and the scheduled sender sends it). Call
 * `sendHeld` after the commit.
 */
export async function holdMail(
  input: Omit<MailSenderDeps, 'clock' | 'db'> & { clock?: Clock },
  tx: Db,
  workspaceId: string,
  mail: OutgoingMail,
): Promise<HeldMail> {
  const now = (input.clock ?? systemClock)();
  const { row, sealed } = await newRow(input.credentials, workspaceId, mail, now);
  const lease = queue.heldBy(input.instanceId ?? null, now);
  const [held] = await tx
    .insert(mailOutbox)
    .values({ ...row, ...lease, status: 'sending' })
    .returning();
  return { id: held!.id, leaseToken: lease.leaseToken, sealed, row: held! };
}

/**
 * Sends a mail `holdMail` wrote, once its transaction has committed, and records how it went. A failed
 * send is recorded, never thrown at a visitor; the mail sender retries it with backoff (its link sealed
 * until then).
 */
export async function sendHeld(input: Omit<MailSenderDeps, 'clock'> & { clock?: Clock }, held: HeldMail) {
  const deps = { ...input, clock: input.clock ?? systemClock };
  await withLease(deps, held.leaseToken, async () => {
    const outcome = await deliver(deps, held.row, held.sealed);
    const values = outcome.ok ? delivered(deps) : outcome.values;
    await queue.settle(deps.db, { id: held.id, leaseToken: held.leaseToken }, values);
  });
}

/** Writes a mail and sends it at once (one with no link of its own to commit with it). */
export async function sendMailNow(
  input: Omit<MailSenderDeps, 'clock'> & { clock?: Clock },
  workspaceId: string,
  mail: OutgoingMail,
): Promise<void> {
  await sendHeld(input, await holdMail(input, input.db, workspaceId, mail));
}

/** Keeps a claim's lease alive while `work` runs (a slow SMTP server must not let another sender in). */
async function withLease<T>(deps: MailSenderDeps, token: string, work: () => Promise<T>): Promise<T> {
  const heartbeat = queue.keepAlive(deps.db, token, deps.clock, (err) =>
    deps.logger.warn({ err }, 'mail lease heartbeat failed'),
  );
  try {
    return await work();
  } finally {
    heartbeat.stop();
  }
}

/** Rows one claim takes, and how many of them are with the mailer at once (the SMTP pool's connections). */
const BATCH = 50;

/**
 * Sends every email due now, oldest first (a scheduled job, and woken after commit by `mail.queued`):
 * a batch is claimed in one statement, sent a few at a time, and what went out is settled in one more,
 * so thousands of voters' emails cost a few statements per fifty. Failures are settled one by one; a
 * failure to record one does not keep the others from being recorded as sent.
 */
export async function sendDueMail(deps: MailSenderDeps): Promise<{ sent: number; failed: number; retrying: number }> {
  const out = { sent: 0, failed: 0, retrying: 0 };
  for (;;) {
    const { token, rows } = await queue.claimBatch(deps.db, deps.clock(), deps.instanceId ?? null, BATCH);
    if (rows.length === 0) return out;
    await withLease(deps, token, async () => {
      const sent: string[] = [];
      try {
        await forEachLimit(
          rows,
          SMTP_CONNECTIONS,
          async (row) => {
            const outcome = await deliver(deps, row);
            if (outcome.ok) return void sent.push(row.id);
            await queue.settle(deps.db, row, outcome.values);
            if (outcome.last) out.failed++;
            else out.retrying++;
          },
          // Its lease runs out and the row is tried again.
          (err, row) => deps.logger.error({ err, mailId: row.id }, 'recording an email failed'),
        );
      } finally {
        out.sent += await queue.settleMany(deps.db, sent, token, delivered(deps));
      }
    });
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
