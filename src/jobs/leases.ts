import type { Clock } from '../core/clock';
import type { Db } from '../db/types';
import { releaseMailLeases } from '../accounts';
import { releaseContactImportLeases } from '../contacts';
import { releaseImportLeases } from '../imports';
import { releaseReplyLeases } from '../inbox';
import { releaseWebhookLeases } from '../reports';
import { releaseInboundWebhookLeases, releaseSourceLeases } from '../sources';

/**
 * Run at start, before any job: whatever this instance held when it last stopped (kill -9, a crash)
 * is nobody's work any more, so polls, imports, replies, mail and webhooks resume at once instead of after
 * their leases.
 */
export async function releaseOwnLeases(deps: { db: Db; clock: Clock }, instanceId: string) {
  const now = deps.clock();
  const [sources, imports, contactImports, replies, mail, webhooks, inboundWebhooks] = [
    await releaseSourceLeases(deps.db, instanceId, now),
    await releaseImportLeases(deps.db, instanceId, now),
    await releaseContactImportLeases(deps.db, instanceId, now),
    await releaseReplyLeases(deps.db, instanceId, now),
    await releaseMailLeases(deps.db, instanceId, now),
    await releaseWebhookLeases(deps.db, instanceId, now),
    await releaseInboundWebhookLeases(deps.db, instanceId, now),
  ];
  return { sources, imports, contactImports, replies, mail, webhooks, inboundWebhooks };
}
