import { asc, count, eq, inArray, max } from 'drizzle-orm';
import type { Db } from '../db/types';
import { type CompiledLexicon, compileLexicon, type LexiconEntry } from '../sentiment';
import { lexiconEntries } from './schema';

export type LexiconRow = typeof lexiconEntries.$inferSelect;

/** A workspace's entries, oldest first. */
export const lexiconRows = (db: Db, workspaceId: string): Promise<LexiconRow[]> =>
  db
    .select()
    .from(lexiconEntries)
    .where(eq(lexiconEntries.workspaceId, workspaceId))
    .orderBy(asc(lexiconEntries.createdAt), asc(lexiconEntries.id));

/**
 * Entries compiled for analyze(). A term for one language goes ahead of the same term for every language
 * (compileLexicon's sort by length keeps this order), so the more specific entry wins.
 */
export function compileEntries(entries: readonly LexiconEntry[]): CompiledLexicon {
  const specific = entries.filter((e) => e.language !== null);
  const general = entries.filter((e) => e.language === null);
  return compileLexicon([...specific, ...general].map(({ term, language, weight }) => ({ term, language, weight })));
}

/** How many entries and the newest one's time: any add or removal changes one of the two. */
const fingerprintOf = (n: number, newest: Date | null) => `${n}:${newest?.getTime() ?? 0}`;

const MAX_CACHED = 1000;
const cache = new Map<string, { fingerprint: string; lexicon: CompiledLexicon }>();

/**
 * A workspace's compiled lexicon, cached per workspace. Each call asks the database for the entries'
 * fingerprint (one indexed aggregate), so a change made by any instance counts from the next page of posts on:
 * a post analysed with a lexicon that was already gone would never be re-scored.
 */
export async function workspaceLexicon(db: Db, workspaceId: string): Promise<CompiledLexicon> {
  return (await workspaceLexicons(db, [workspaceId])).get(workspaceId)!;
}

/** The same for several workspaces (a re-analysis batch spans many): one fingerprint query for all. */
export async function workspaceLexicons(db: Db, workspaceIds: string[]): Promise<Map<string, CompiledLexicon>> {
  const out = new Map<string, CompiledLexicon>();
  if (workspaceIds.length === 0) return out;
  const stamps = await db
    .select({ id: lexiconEntries.workspaceId, n: count(), newest: max(lexiconEntries.createdAt) })
    .from(lexiconEntries)
    .where(inArray(lexiconEntries.workspaceId, workspaceIds))
    .groupBy(lexiconEntries.workspaceId);
  const byId = new Map(stamps.map((s) => [s.id, fingerprintOf(Number(s.n), s.newest ?? null)]));
  for (const workspaceId of new Set(workspaceIds)) {
    const hit = cache.get(workspaceId);
    if (hit?.fingerprint === (byId.get(workspaceId) ?? fingerprintOf(0, null))) {
      out.set(workspaceId, hit.lexicon);
      continue;
    }
    const rows = await lexiconRows(db, workspaceId);
    const newest = rows.reduce<Date | null>((a, r) => (a && a > r.createdAt ? a : r.createdAt), null);
    const lexicon = compileEntries(rows);
    // Bounded: the oldest cached workspace makes room (a Map iterates in insertion order).
    if (!cache.has(workspaceId) && cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(workspaceId, { fingerprint: fingerprintOf(rows.length, newest), lexicon });
    out.set(workspaceId, lexicon);
  }
  return out;
}
