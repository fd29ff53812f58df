import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import { mentions } from './schema';

/**
 * The mentions a workspace term may touch, found by the full-text index: every word of the term is in the
 * title or text (as ingest analyses them). Wider than the analyzer's match (order and neighbours are not
 * asked), never narrower, so nothing the term changes is missed; the analyzer decides the rest.
 */
function withTerm(workspaceId: string, term: string, language: string | null): SQL {
  return and(
    eq(mentions.workspaceId, workspaceId),
    sql`${mentions.search} @@ plainto_tsquery('simple', ${term})`,
    language === null ? undefined : eq(mentions.language, language),
  )!;
}

/** Where a page of latestWithTerm ended: the next page starts after this mention. */
export interface TermCursor {
  postedAt: Date;
  id: string;
}

/**
 * The latest mentions with a term's words (newest first, at most `limit`, after `cursor`), with the labels
 * they count under: read a page at a time, so a long history of long posts is never in memory at once.
 */
export const latestWithTerm = (
  db: Db,
  workspaceId: string,
  term: string,
  language: string | null,
  limit: number,
  cursor?: TermCursor,
) =>
  db
    .select({
      id: mentions.id,
      postedAt: mentions.postedAt,
      title: mentions.title,
      text: mentions.text,
      label: mentions.sentimentLabel,
      override: mentions.sentimentOverride,
    })
    .from(mentions)
    .where(
      and(
        withTerm(workspaceId, term, language),
        cursor
          ? sql`(${mentions.postedAt}, ${mentions.id})
              < (${cursor.postedAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(mentions.postedAt), desc(mentions.id))
    .limit(limit);

/**
 * Marks the mentions with a term's words as not analysed (analysis_version null), in the caller's
 * transaction: the change of a workspace's vocabulary and the work it leaves commit together, and
 * re-analysis finds them however often it is interrupted. Answers how many were marked.
 */
export async function markTermForReanalysis(tx: Db, workspaceId: string, term: string, language: string | null) {
  const [r] = rows<{ n: number }>(
    await tx.execute(sql`with marked as (
        update ${mentions} set analysis_version = null
        where ${withTerm(workspaceId, term, language)} and analysis_version is not null
        returning 1)
      select count(*)::int as n from marked`),
  );
  return Number(r?.n ?? 0);
}
