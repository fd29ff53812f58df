import type { Clock } from '../core/clock';
import type { Db } from '../db/types';
import { releaseMailLeases } from '../accounts';
import { releaseImportLeases } from '../imports';
import { releaseReplyLeases } from '../inbox';
import { releaseSourceLeases } from '../sources';

/**
 * Run at start, before any job: whatever this instance held when it last stopped (kill -9, a crash)
 * is nobody's work any more, so polls, imports, replies and mail resume at once instead of after their leases.
 */
export async function releaseOwnLeases(deps: { db: Db; clock: Clock }, instanceId: string) {
  const [sources, imports, replies, mail] = [
    await releaseSourceLeases(deps.db, instanceId),
    await releaseImportLeases(deps.db, instanceId),
    await releaseReplyLeases(deps.db, instanceId, deps.clock()),
    await releaseMailLeases(deps.db, instanceId, deps.clock()),
  ];
  return { sources, imports, replies, mail };
}
