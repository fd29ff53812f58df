import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from '../accounts';
import { id } from '../db/columns';
import { IMPORT_STATUSES, importJobColumns } from '../db/import-job';

export const CONTACT_IMPORT_STATUSES = IMPORT_STATUSES;

/**
 * A CSV of contacts from another CRM being imported. Rows are validated first and written in one
 * transaction at the end (with the import marked done), so an import either lands whole (less its bad
 * rows, reported by line) or not at all; the file is kept until then, so one cut short by a crash is
 * run again from the start.
 */
export const contactImports = pgTable(
  'contact_imports',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    filename: text('filename').notNull(),
    // The column each field was read from, after guessing: shown so people can check it.
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull().default({}),
    // The file's text while the import waits or runs; emptied when it ends.
    content: text('content'),
    imported: integer('imported').notNull().default(0),
    // Rows folded into an existing contact or into an earlier row of the file (same email).
    merged: integer('merged').notNull().default(0),
    // Status, counts, refused rows and the runner's lease: the life every import has (db/import-job.ts).
    ...importJobColumns(),
  },
  (t) => [index('contact_imports_workspace_idx').on(t.workspaceId, t.createdAt.desc())],
);
