import type { Clock } from '../core/clock';
import type { CredentialBox } from '../core/credentials';
import type { Db } from '../db/types';
import type { Mailer } from '../http/env';
import type { Logger } from '../http/logger';
import { type OutgoingMail, queueMail, sendMail } from './mail-outbox';

export interface MailNowDeps {
  db: Db;
  mailer: Mailer;
  logger: Logger;
  clock?: Clock;
  credentials?: CredentialBox;
  instanceId?: string;
}

/**
 * One email a person is waiting for (a verification or reset link, an invitation): queued and sent at
 * once, in the request that asked for it. A failed send is recorded, never thrown at a visitor; the mail
 * sender retries it with backoff (its link sealed until then).
 */
export async function sendMailNow(deps: MailNowDeps, workspaceId: string, mail: OutgoingMail) {
  const clock = deps.clock ?? (() => new Date());
  const { ids } = await queueMail(deps.db, deps.credentials, workspaceId, [mail], clock());
  await sendMail({ ...deps, clock }, ids[0]!, mail.text);
}
