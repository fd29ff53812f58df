import { and, asc, count, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import { toJsonParam } from '../db/params';
import type { Db } from '../db/types';
import type { MentionRow } from './list';
import { mentions, type OVERRIDE_LABELS } from './schema';

/**
 * How a stored mention's analysis changes after it was stored: a person's correction, or a newer analyzer
 * (reanalysis/ decides; mentions owns the columns). Each runs in the caller's transaction, which also moves
 * the report rollups, the contact's totals and the conversation along.
 */

/** A correction: the row before and after, or null when the workspace has no such mention. */
type Corrected = { before: MentionRow; after: MentionRow } | null;

async function correct(
  tx: Db,
  workspaceId: string,
  mentionId: string,
  set: Partial<typeof mentions.$inferInsert>,
): Promise<Corrected> {
  const [before] = await tx
    .select()
    .from(mentions)
    .where(and(eq(mentions.workspaceId, workspaceId), eq(mentions.id, mentionId)))
    .for('update');
  if (!before) return null;
  const [after] = await tx.update(mentions).set(set).where(eq(mentions.id, mentionId)).returning();
  return { before, after: after! };
}

/** Sets (or, with null, clears) a person's correction of the sentiment label. */
export const correctSentiment = (
  tx: Db,
  workspaceId: string,
  mentionId: string,
  label: (typeof OVERRIDE_LABELS)[number] | null,
  by: string | null,
  now: Date,
) =>
  correct(tx, workspaceId, mentionId, {
    sentimentOverride: label,
    sentimentOverrideBy: label ? by : null,
    sentimentOverrideAt: label ? now : null,
  });

/** Sets (or, with null, clears) a person's correction of the intents. */
export const correctIntents = (
  tx: Db,
  workspaceId: string,
  mentionId: string,
  intents: string[] | null,
  by: string | null,
  now: Date,
) =>
  correct(tx, workspaceId, mentionId, {
    intentsOverride: intents,
    intentsOverrideBy: intents ? by : null,
    intentsOverrideAt: intents ? now : null,
  });

/**
 * Which stale mentions a run re-scores: a workspace's alone, or only those marked for it (version null,
 * after a vocabulary change) rather than also those an older analyzer scored (`npm run cli -- reanalyze`).
 */
export interface StaleScope {
  workspaceId?: string;
  markedOnly?: boolean;
}

const stale = (version: number, scope: StaleScope) =>
  and(
    scope.markedOnly
      ? isNull(mentions.analysisVersion)
      : or(isNull(mentions.analysisVersion), ne(mentions.analysisVersion, version)),
    scope.workspaceId ? eq(mentions.workspaceId, scope.workspaceId) : undefined,
  );

/** How many mentions an older analyzer (or none) scored. */
export async function staleAnalysisCount(db: Db, version: number, scope: StaleScope = {}): Promise<number> {
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(mentions).where(stale(version, scope));
  return Number(n);
}

/**
 * The next batch of such mentions after `afterId`, in id order (a run can stop and go on), locked in the
 * caller's transaction: the batch is analysed and saved in it, so an edit, a vocabulary change or another
 * run (the CLI beside the job) never has its work overwritten or its rollups taken away twice. Rows another
 * run holds are skipped; that run re-scores them.
 */
export const staleAnalysisBatch = (tx: Db, version: number, afterId: string, limit: number, scope: StaleScope = {}) =>
  tx
    .select({
      id: mentions.id,
      workspaceId: mentions.workspaceId,
      conversationId: mentions.conversationId,
      contactId: mentions.contactId,
      title: mentions.title,
      text: mentions.text,
    })
    .from(mentions)
    .where(and(stale(version, scope), gt(mentions.id, afterId)))
    .orderBy(asc(mentions.id))
    .limit(limit)
    .for('update', { skipLocked: true });

/** A mention's new analysis, as reanalysis computed it. */
export interface Reanalysed {
  id: string;
  score: number;
  label: string;
  /** How sure the analyzer is of the label (null when unscored). */
  confidence: number | null;
  language: string | null;
  intents: string[];
  /** A feature request sure enough to be suggested to the community board. */
  suggests_idea: boolean;
  aspects: unknown;
  key_terms: string[];
  hashtags: string[];
  version: number;
}

/** Saves a batch of new analyses: one statement, the batch as one JSON parameter (as in storePosts). */
export async function saveReanalysis(tx: Db, updates: Reanalysed[]): Promise<void> {
  if (updates.length === 0) return;
  await tx.execute(sql`
    update ${mentions} m set sentiment_score = u.score, sentiment_label = u.label,
      sentiment_confidence = u.confidence, language = u.language,
      intents = u.intents, suggests_idea = u.suggests_idea, aspects = u.aspects, key_terms = u.key_terms,
      hashtags = u.hashtags, analysis_version = u.version
    from jsonb_to_recordset(${toJsonParam(updates)}::jsonb)
      as u(id uuid, score real, label text, confidence real, language text, intents text[], suggests_idea boolean,
        aspects jsonb, key_terms text[], hashtags text[], version integer)
    where m.id = u.id`);
}
