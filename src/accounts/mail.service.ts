import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/types';
import type { Logger } from '../http/logger';
import type { Mailer } from '../http/env';
import { redactSecrets } from './redact';
import { mailOutbox } from './schema';

export interface CommunityMail {
  kind: string;
  to: string;
  subject: string;
  text: string;
  /** One-time secrets in the text (a link token): they go to the recipient only, never to the log. */
  secrets?: readonly string[];
}

/**
 * Every email the board sends is kept: sent by SMTP when configured, else `logged`, so staff see that
 * it was written. The kept copy has its link secrets redacted: whoever reads the log (any agent) must
 * not be able to confirm, or take over, a member's account. A failed send is recorded, never thrown
 * at a visitor.
 */
export async function sendCommunityMail(
  deps: { db: Db; mailer: Mailer; logger: Logger },
  workspaceId: string,
  mail: CommunityMail,
) {
  const body = redactSecrets(mail.text, mail.secrets);
  const [row] = await deps.db
    .insert(mailOutbox)
    .values({ workspaceId, kind: mail.kind, to: mail.to, subject: mail.subject, body, status: 'queued' })
    .returning();
  try {
    await deps.mailer.send({ to: mail.to, subject: mail.subject, text: mail.text });
    await deps.db
      .update(mailOutbox)
      .set(deps.mailer.configured ? { status: 'sent', sentAt: new Date() } : { status: 'logged' })
      .where(eq(mailOutbox.id, row!.id));
  } catch (err) {
    deps.logger.error({ err: redactedError(err, mail.secrets), mailId: row!.id }, 'community email failed');
    await deps.db
      .update(mailOutbox)
      .set({ status: 'failed', error: redactSecrets(errorMessage(err), mail.secrets) })
      .where(eq(mailOutbox.id, row!.id));
  }
}

const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

// A transport error may quote the message it failed to send: the log gets it redacted.
const redactedError = (err: unknown, secrets?: readonly string[]) => ({
  type: err instanceof Error ? err.name : typeof err,
  message: redactSecrets(errorMessage(err), secrets),
  ...(err instanceof Error && err.stack ? { stack: redactSecrets(err.stack, secrets) } : {}),
});

/** The log staff read; rows kept before redaction existed are redacted on the way out, too. */
export async function listCommunityMail(db: Db, workspaceId: string, limit = 50) {
  const list = await db
    .select()
    .from(mailOutbox)
    .where(eq(mailOutbox.workspaceId, workspaceId))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit);
  return list.map((m) => ({
    ...m,
    body: redactSecrets(m.body),
    error: m.error === null ? null : redactSecrets(m.error),
  }));
}
