import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/types';
import type { Logger } from '../server/logger';
import type { Mailer } from '../server/env';
import { mailOutbox } from './schema';

export interface CommunityMail {
  kind: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * Every email the board sends is kept: sent by SMTP when configured, else `logged` so staff can
 * read it (and pass a verification link on). A failed send is recorded, never thrown at a visitor.
 */
export async function sendCommunityMail(deps: { db: Db; mailer: Mailer; logger: Logger }, workspaceId: string, mail: CommunityMail) {
  const [row] = await deps.db.insert(mailOutbox).values({ workspaceId, kind: mail.kind, to: mail.to, subject: mail.subject, body: mail.text, status: 'queued' }).returning();
  try {
    await deps.mailer.send({ to: mail.to, subject: mail.subject, text: mail.text });
    await deps.db
      .update(mailOutbox)
      .set(deps.mailer.configured ? { status: 'sent', sentAt: new Date() } : { status: 'logged' })
      .where(eq(mailOutbox.id, row!.id));
  } catch (err) {
    deps.logger.error({ err, mailId: row!.id }, 'community email failed');
    await deps.db.update(mailOutbox).set({ status: 'failed', error: err instanceof Error ? err.message : String(err) }).where(eq(mailOutbox.id, row!.id));
  }
}

export const listCommunityMail = (db: Db, workspaceId: string, limit = 50) => db.select().from(mailOutbox).where(eq(mailOutbox.workspaceId, workspaceId)).orderBy(desc(mailOutbox.createdAt)).limit(limit);
