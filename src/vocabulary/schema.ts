import { sql } from 'drizzle-orm';
import { check, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from '../accounts';
import { createdAt, id } from '../db/columns';

/**
 * A workspace's own vocabulary: a term or phrase, its language (null: every language) and a weight -4..+4
 * with at most one decimal, applied over the analyzer's model and rules (src/sentiment/workspace-lexicon.ts).
 */
export const lexiconEntries = pgTable(
  'lexicon_entries',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    term: text('term').notNull(),
    // The words the analyzer matches (lower case, NFC, no leading #): "Sick" and "#sick" are one term.
    termKey: text('term_key').notNull(),
    language: text('language'),
    weight: numeric('weight', { precision: 2, scale: 1, mode: 'number' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    // One entry per term and language; "all languages" (null) counts as one language here.
    uniqueIndex('lexicon_entries_term_key').on(t.workspaceId, t.termKey, sql`coalesce(language, '')`),
    check('lexicon_entries_weight_range', sql`weight between -4 and 4`),
  ],
);
