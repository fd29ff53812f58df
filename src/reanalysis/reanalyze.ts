import { yieldToEventLoop } from '../core/concurrency';
import type { Db } from '../db/types';
import { recountContacts } from '../contacts';
import { refreshConversationsAnalysis } from '../inbox';
import { applyToRollups } from '../reports';
import { ANALYSIS_VERSION, type CompiledLexicon, hashtagTerms, loadAnalyzer } from '../sentiment';
import { workspaceLexicons } from '../vocabulary';
import {
  analysedText,
  type Reanalysed,
  type StaleScope,
  saveReanalysis,
  staleAnalysisBatch,
  staleAnalysisCount,
  storedConfidence,
} from '../mentions';

// The analyzer is loaded when a run starts, not when this module is imported: the web app imports the
// feature for its routes and only pays for the model on first use (see sentiment/index.ts).

export interface ReanalyzeProgress {
  done: number;
  total: number;
}

/** Which mentions a run re-scores (StaleScope: one workspace's, only the marked ones), how, and how far. */
export interface ReanalyzeOptions extends StaleScope {
  /**
   * Mentions a batch, analysed and saved in one transaction (500). On PGlite that transaction holds every
   * other query up, so the app's own runs take smaller ones.
   */
  batch?: number;
  /** At most this many in this run (a scheduled run leaves the rest to the next). */
  max?: number;
  onProgress?: (p: ReanalyzeProgress) => void;
}

type Analyze = Awaited<ReturnType<typeof loadAnalyzer>>['analyze'];
type StaleRow = Awaited<ReturnType<typeof staleAnalysisBatch>>[number];

/** One mention analysed again, with its workspace's vocabulary, as ingest would analyse it now. */
function reanalysed(analyze: Analyze, r: StaleRow, lexicon: CompiledLexicon): Reanalysed {
  const a = analyze(analysedText(r), { lexicon });
  // The stored hashtags follow the rule too (mentions stored before it had only ASCII ones).
  return {
    id: r.id,
    score: a.score,
    label: a.label,
    confidence: storedConfidence(a),
    language: a.language,
    intents: a.intents,
    suggests_idea: a.suggestsIdea,
    aspects: a.aspects,
    key_terms: a.keyTerms,
    hashtags: hashtagTerms(r.text),
    version: a.version,
  };
}

/**
 * What the new analyses change beyond the mentions: each conversation's intents, sentiment and priority, and
 * each author's totals (questions, purchase intents, mean sentiment), per workspace in a few statements.
 */
async function followInConversationsAndContacts(tx: Db, rows: StaleRow[], now: Date) {
  for (const workspaceId of new Set(rows.map((r) => r.workspaceId))) {
    const mine = rows.filter((r) => r.workspaceId === workspaceId);
    const conversationIds = [...new Set(mine.flatMap((r) => (r.conversationId ? [r.conversationId] : [])))];
    await refreshConversationsAnalysis(tx, workspaceId, conversationIds, now);
    await recountContacts(
      tx,
      workspaceId,
      mine.flatMap((r) => (r.contactId ? [r.contactId] : [])),
      now,
    );
  }
}

/**
 * Re-scores every mention analysed by an older version (or never, or marked after a vocabulary change), in
 * batches by id, each with its workspace's vocabulary, reporting progress; manual overrides are left as they
 * are. Each batch is read, analysed and saved in one transaction with its rows locked, and the report rollups
 * (out with the old labels, in with the new), the conversations and the authors' totals follow it; between
 * batches the event loop takes a turn, so the service answers while a long run goes on. Safe to stop and run
 * again.
 */
export async function reanalyzeMentions(db: Db, opts: ReanalyzeOptions = {}) {
  const { analyze } = await loadAnalyzer();
  const batch = opts.batch ?? 500;
  const scope: StaleScope = { workspaceId: opts.workspaceId, markedOnly: opts.markedOnly };
  const total = Math.min(await staleAnalysisCount(db, ANALYSIS_VERSION, scope), opts.max ?? Number.POSITIVE_INFINITY);
  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  opts.onProgress?.({ done, total });
  while (opts.max === undefined || done < opts.max) {
    const limit = opts.max === undefined ? batch : Math.min(batch, opts.max - done);
    const rows = await db.transaction(async (tx) => {
      const rows = await staleAnalysisBatch(tx, ANALYSIS_VERSION, after, limit, scope);
      const lexicons = await workspaceLexicons(
        tx,
        rows.map((r) => r.workspaceId),
      );
      const updates = rows.map((r) => reanalysed(analyze, r, lexicons.get(r.workspaceId)!));
      const ids = rows.map((r) => r.id);
      await applyToRollups(tx, ids, -1);
      await saveReanalysis(tx, updates);
      await applyToRollups(tx, ids, 1);
      await followInConversationsAndContacts(tx, rows, new Date());
      return rows;
    });
    if (rows.length === 0) break;
    done += rows.length;
    after = rows.at(-1)!.id;
    opts.onProgress?.({ done, total });
    await yieldToEventLoop();
  }
  return { done, total };
}

/**
 * What the app itself runs after a vocabulary change (a listener at once, a scheduled job for what a stopped
 * process left): the marked mentions, 100 a batch so a PGlite transaction holds others up for ~60 ms at most.
 */
export const reanalyzeMarked = (db: Db, max?: number) =>
  reanalyzeMentions(db, { markedOnly: true, batch: 100, ...(max === undefined ? {} : { max }) });
