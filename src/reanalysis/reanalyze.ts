import type { Db } from '../db/types';
import { applyToRollups } from '../reports';
import { ANALYSIS_VERSION, hashtagTerms, loadAnalyzer } from '../sentiment';
import { type Reanalysed, saveReanalysis, staleAnalysisBatch, staleAnalysisCount } from '../mentions';

// The analyzer is loaded when a run starts, not when this module is imported: the web app imports the
// feature for its routes and only pays for the model on first use (see sentiment/index.ts).

export interface ReanalyzeProgress {
  done: number;
  total: number;
}

/**
 * Re-scores every mention analysed by an older version (or never), in batches by id, reporting
 * progress; manual overrides are left as they are. Safe to stop and run again.
 */
export async function reanalyzeMentions(
  db: Db,
  opts: { batch?: number; onProgress?: (p: ReanalyzeProgress) => void } = {},
) {
  const { analyze } = await loadAnalyzer();
  const batch = opts.batch ?? 500;
  const total = await staleAnalysisCount(db, ANALYSIS_VERSION);
  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  opts.onProgress?.({ done, total });
  for (;;) {
    const rows = await staleAnalysisBatch(db, ANALYSIS_VERSION, after, batch);
    if (rows.length === 0) break;
    const updates = rows.map((r): Reanalysed => {
      const a = analyze(r.title ? `${r.title}\n${r.text}` : r.text);
      // The stored hashtags follow the rule too (mentions stored before it had only ASCII ones).
      return {
        id: r.id,
        score: a.score,
        label: a.label,
        language: a.language,
        intents: a.intents,
        aspects: a.aspects,
        key_terms: a.keyTerms,
        hashtags: hashtagTerms(r.text),
        version: a.version,
      };
    });
    // One statement per batch; the report rollups follow the new labels.
    const ids = rows.map((r) => r.id);
    await db.transaction(async (tx) => {
      await applyToRollups(tx, ids, -1);
      await saveReanalysis(tx, updates);
      await applyToRollups(tx, ids, 1);
    });
    done += rows.length;
    after = rows.at(-1)!.id;
    opts.onProgress?.({ done, total });
  }
  return { done, total };
}
