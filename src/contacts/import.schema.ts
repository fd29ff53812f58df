import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from '../accounts';
import { createdAt, id, ts } from '../db/columns';

export const CONTACT_IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

/**
 * A CSV of contacts from another CRM being imported. The file itself is not kept: rows are
 * validated first and written in one transaction at the end, so an import either lands whole
 * (less its bad rows, reported by line) or not at all, and a cut-short one is simply uploaded again.
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
    status: text('status', { enum: CONTACT_IMPORT_STATUSES }).notNull().default('queued'),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    imported: integer('imported').notNull().default(0),
    // Rows folded into an existing contact or into an earlier row of the file (same email).
    merged: integer('merged').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    errors: jsonb('errors').$type<{ line: number; message: string }[]>().notNull().default([]),
    error: text('error'),
    createdAt: createdAt(),
    // Touched with every progress step: an import that stopped moving was cut short.
    updatedAt: createdAt('updated_at'),
    finishedAt: ts('finished_at'),
  },
  (t) => [index('contact_imports_workspace_idx').on(t.workspaceId, t.createdAt.desc())],
);
