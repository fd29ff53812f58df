import { and, asc, count, gt, isNull, ne, or, sql } from 'drizzle-orm';
import { toJsonParam } from '../db/params';
import type { Db } from '../db/types';
import { applyToRollups } from '../reports';
import { ANALYSIS_VERSION, hashtagTerms, loadAnalyzer } from '../sentiment';
import { mentions } from '../mentions';

// The analyzer is loaded when a run starts, not when this module is imported: the web app imports the
// feature for its routes and only pays for the model on first use (see sentiment/index.ts).

export interface ReanalyzeProgress {
  done: number;
  total: number;
}

const stale = or(isNull(mentions.analysisVersion), ne(mentions.analysisVersion, ANALYSIS_VERSION));

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
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(mentions).where(stale);
  const total = Number(n);
  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  opts.onProgress?.({ done, total });
  for (;;) {
    const rows = await db
      .select({ id: mentions.id, title: mentions.title, text: mentions.text })
      .from(mentions)
      .where(and(stale, gt(mentions.id, after)))
      .orderBy(asc(mentions.id))
      .limit(batch);
    if (rows.length === 0) break;
    const updates = rows.map((r) => {
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
    // One statement per batch, the batch as one JSON parameter (as in storePosts); the report
    // rollups follow the new labels.
    const ids = rows.map((r) => r.id);
    await db.transaction(async (tx) => {
      await applyToRollups(tx, ids, -1);
      await tx.execute(sql`
        update ${mentions} m set sentiment_score = u.score, sentiment_label = u.label, language = u.language,
          intents = u.intents, aspects = u.aspects, key_terms = u.key_terms, hashtags = u.hashtags,
          analysis_version = u.version
        from jsonb_to_recordset(${toJsonParam(updates)}::jsonb)
          as u(id uuid, score real, label text, language text, intents text[], aspects jsonb, key_terms text[],
            hashtags text[], version integer)
        where m.id = u.id`);
      await applyToRollups(tx, ids, 1);
    });
    done += rows.length;
    after = rows.at(-1)!.id;
    opts.onProgress?.({ done, total });
  }
  return { done, total };
}
