import { integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from '../accounts/schema';
import { createdAt, id, ts } from '../db/columns';

export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

/**
 * A file of exported mentions being imported. The file is kept with the row, so an import cut
 * short by a crash resumes from where it stopped (the store is idempotent, so overlap is harmless).
 */
export const imports = pgTable('imports', {
  id: id(),
  workspaceId: uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  filename: text('filename').notNull(),
  format: text('format', { enum: ['csv', 'jsonl'] }).notNull(),
  mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
  content: text('content').notNull(),
  status: text('status', { enum: IMPORT_STATUSES }).notNull().default('queued'),
  total: integer('total').notNull().default(0),
  processed: integer('processed').notNull().default(0),
  inserted: integer('inserted').notNull().default(0),
  duplicates: integer('duplicates').notNull().default(0),
  failed: integer('failed').notNull().default(0),
  errors: jsonb('errors').$type<{ line: number; message: string }[]>().notNull().default([]),
  error: text('error'),
  leaseUntil: ts('lease_until'),
  createdAt: createdAt(),
  finishedAt: ts('finished_at'),
});
