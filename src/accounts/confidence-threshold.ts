import { eq, inArray, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import { workspaces } from './schema';

/**
 * A workspace's sentiment confidence threshold: a model label less sure than this is uncertain (shown so,
 * counted apart in the report rollups, no reason for priority). Accounts keeps the number on the workspace
 * row; what follows from a change (rollups, priorities) is reanalysis's, in the same transaction.
 */
export const DEFAULT_CONFIDENCE_THRESHOLD = 0.5;

/**
 * How a reader holds the row: `share` until its transaction ends, so a change of the threshold waits for
 * whatever is counting by the old one (an ingest chunk, a correction) and they never count by two;
 * `update` for the change itself.
 */
export type ThresholdLock = 'share' | 'update';

/** One workspace's threshold (the default for an unknown workspace). */
export async function confidenceThreshold(db: Db, workspaceId: string, lock?: ThresholdLock): Promise<number> {
  return (await confidenceThresholds(db, [workspaceId], lock)).get(workspaceId) ?? DEFAULT_CONFIDENCE_THRESHOLD;
}

/** Several workspaces' thresholds at once (a re-analysis batch spans workspaces). */
export async function confidenceThresholds(
  db: Db,
  workspaceIds: string[],
  lock?: ThresholdLock,
): Promise<Map<string, number>> {
  if (workspaceIds.length === 0) return new Map();
  const q = db
    .select({ id: workspaces.id, threshold: workspaces.sentimentConfidenceThreshold })
    .from(workspaces)
    .where(inArray(workspaces.id, [...new Set(workspaceIds)]))
    // One order for every holder: two batches locking the same workspaces cannot deadlock.
    .orderBy(workspaces.id);
  const found = lock ? await q.for(lock) : await q;
  return new Map(found.map((r) => [r.id, r.threshold]));
}

/** Sets the threshold; the caller holds the row (`update`) and moves what depends on it in its transaction. */
export async function saveConfidenceThreshold(tx: Db, workspaceId: string, threshold: number): Promise<void> {
  await tx.update(workspaces).set({ sentimentConfidenceThreshold: threshold }).where(eq(workspaces.id, workspaceId));
}

/**
 * The threshold of the workspace `workspaceId` names, as a scalar subquery for another feature's SQL (the
 * rollups and the inbox's sweep read it per row, across workspaces).
 */
export const confidenceThresholdOf = (workspaceId: SQLWrapper): SQL =>
  sql`(select ${workspaces.sentimentConfidenceThreshold} from ${workspaces} where ${workspaces.id} = ${workspaceId})`;
