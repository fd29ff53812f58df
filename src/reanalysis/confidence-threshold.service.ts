import { confidenceThresholds, DEFAULT_CONFIDENCE_THRESHOLD, recordAudit, saveConfidenceThreshold } from '../accounts';
import type { Actor } from '../core/actor';
import type { Db } from '../db/types';
import { reprioritiseConfidenceBand } from '../inbox';
import { applyConfidenceBand } from '../reports';

/** What a change of the threshold did. */
export interface ThresholdChange {
  from: number;
  to: number;
  /** Open conversations whose priority was computed again. */
  reprioritised: number;
}

/** Thresholds are kept to two places: what the pages show is what counts. */
const twoPlaces = (x: number) => Math.round(x * 100) / 100;

/**
 * An admin sets how sure a model label must be to count as sure. In one transaction: the workspace row is held
 * (ingest chunks and corrections counting by the old threshold finish first, later ones wait), the report
 * rollups move the mentions whose confidence lies between the old and the new threshold (out by the old, in
 * by the new, so the rollups stay what a rebuild would count), the open conversations among them get their
 * priority again, and the audit log says who changed it.
 */
export async function setConfidenceThreshold(
  db: Db,
  actor: Actor,
  threshold: number,
  now: Date,
): Promise<ThresholdChange> {
  const to = twoPlaces(threshold);
  return db.transaction(async (tx) => {
    const held = await confidenceThresholds(tx, [actor.workspaceId], 'update');
    const from = held.get(actor.workspaceId) ?? DEFAULT_CONFIDENCE_THRESHOLD;
    if (from === to) return { from, to, reprioritised: 0 };
    const band = { from: Math.min(from, to), to: Math.max(from, to) };
    await applyConfidenceBand(tx, actor.workspaceId, band, from, -1);
    await saveConfidenceThreshold(tx, actor.workspaceId, to);
    await applyConfidenceBand(tx, actor.workspaceId, band, to, 1);
    const reprioritised = await reprioritiseConfidenceBand(tx, actor.workspaceId, band, now);
    await recordAudit(tx, actor, {
      action: 'workspace.confidence_threshold_changed',
      targetType: 'workspace',
      targetId: actor.workspaceId,
      details: { from, to },
    });
    return { from, to, reprioritised };
  });
}
