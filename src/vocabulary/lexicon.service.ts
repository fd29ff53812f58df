import { and, count, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../accounts';
import type { Actor } from '../core/actor';
import type { EventPublisher } from '../core/events';
import { sqlState } from '../core/redact-error';
import { transact } from '../db/transact';
import type { Db } from '../db/types';
import { markTermForReanalysis, staleAnalysisCount } from '../mentions';
import { ANALYSIS_VERSION } from '../sentiment';
import { vocabularyError } from './errors';
import { VOCABULARY_CHANGED, type VocabularyChanged } from './events';
import { type LexiconRow, lexiconRows } from './lexicon';
import { LEXICON_MAX_ENTRIES, type LexiconEntryInput } from './lexicon.input';
import { lexiconEntries } from './schema';
import { checkTermIsRead, termKeyOf } from './term-check';

/** What a change needs: the database, and where its event goes after commit. */
export interface VocabularyDeps {
  db: Db;
  events: EventPublisher;
}

export const publicEntry = (r: LexiconRow) => ({
  id: r.id,
  term: r.term,
  language: r.language,
  weight: r.weight,
  createdAt: r.createdAt.toISOString(),
});

/** A workspace's entries, and how many of its mentions still wait to be re-scored after a change. */
export async function listLexicon(db: Db, workspaceId: string) {
  const [rows, pending] = [
    await lexiconRows(db, workspaceId),
    await staleAnalysisCount(db, ANALYSIS_VERSION, { workspaceId, markedOnly: true }),
  ];
  return { items: rows.map(publicEntry), pending };
}

const languageName = (language: string | null) => language ?? 'all languages';

/**
 * What refuses an entry before anything is stored or previewed: a term the analyzer would not match, a
 * full list, or the same term for the same language.
 */
export async function checkNewEntry(db: Db, workspaceId: string, input: LexiconEntryInput) {
  await checkTermIsRead(input);
  const termKey = termKeyOf(input.term);
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(lexiconEntries)
    .where(eq(lexiconEntries.workspaceId, workspaceId));
  if (Number(n) >= LEXICON_MAX_ENTRIES) throw vocabularyError('LEXICON_FULL', { max: LEXICON_MAX_ENTRIES });
  const [taken] = await db
    .select({ id: lexiconEntries.id })
    .from(lexiconEntries)
    .where(
      and(
        eq(lexiconEntries.workspaceId, workspaceId),
        eq(lexiconEntries.termKey, termKey),
        sql`coalesce(${lexiconEntries.language}, '') = ${input.language ?? ''}`,
      ),
    );
  if (taken) throw termTaken(input);
  return termKey;
}

const termTaken = (input: LexiconEntryInput) =>
  vocabularyError(
    'LEXICON_TERM_TAKEN',
    { term: input.term, language: languageName(input.language) },
    { field: 'term' },
  );

const changed = (workspaceId: string, marked: number): VocabularyChanged => ({
  name: VOCABULARY_CHANGED,
  data: { workspaceId, marked },
});

/**
 * Adds an entry (audited). In the same transaction the workspace's mentions with the term are marked for
 * re-analysis; after commit the event starts it (a job finds them too if this process stops first).
 */
export async function addLexiconEntry(deps: VocabularyDeps, actor: Actor, input: LexiconEntryInput) {
  const termKey = await checkNewEntry(deps.db, actor.workspaceId, input);
  try {
    return await transact(deps, async (tx, emit) => {
      const [row] = await tx
        .insert(lexiconEntries)
        .values({ workspaceId: actor.workspaceId, ...input, termKey, createdBy: actor.userId })
        .returning();
      await recordAudit(tx, actor, {
        action: 'vocabulary.term_added',
        targetType: 'lexicon_entry',
        targetId: row!.id,
        details: { term: row!.term, language: row!.language, weight: row!.weight },
      });
      const marked = await markTermForReanalysis(tx, actor.workspaceId, row!.term, row!.language);
      emit(changed(actor.workspaceId, marked));
      return { entry: row!, marked };
    });
  } catch (err) {
    // Two admins adding the same term at once: the unique index decides, the same code answers.
    if (sqlState(err) === '23505') throw termTaken(input);
    throw err;
  }
}

/** Removes an entry (audited); the mentions with its term are marked for re-analysis, as when adding. */
export async function removeLexiconEntry(deps: VocabularyDeps, actor: Actor, id: string) {
  return transact(deps, async (tx, emit) => {
    const [row] = await tx
      .delete(lexiconEntries)
      .where(and(eq(lexiconEntries.workspaceId, actor.workspaceId), eq(lexiconEntries.id, id)))
      .returning();
    if (!row) throw vocabularyError('LEXICON_ENTRY_NOT_FOUND');
    await recordAudit(tx, actor, {
      action: 'vocabulary.term_removed',
      targetType: 'lexicon_entry',
      targetId: row.id,
      details: { term: row.term, language: row.language, weight: row.weight },
    });
    const marked = await markTermForReanalysis(tx, actor.workspaceId, row.term, row.language);
    emit(changed(actor.workspaceId, marked));
    return { entry: row, marked };
  });
}
