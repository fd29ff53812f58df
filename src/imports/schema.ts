import { boolean, customType, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from '../accounts';
import { id } from '../db/columns';
import { importJobColumns } from '../db/import-job';

/**
 * A file of exported mentions being imported. The file is kept (import_chunks), so an import cut
 * short by a crash resumes from the last committed row: that row's place in the file is committed
 * with the row's batch and its counts, so nothing is read or counted twice.
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
  // Exported history is listening data (mentions, contacts, reports); only when asked do its
  // mentions open inbox conversations (200,000 old posts would bury the inbox and break every SLA).
  openConversations: boolean('open_conversations').notNull().default(false),
  // Files uploaded before imports streamed; newer ones are kept in import_chunks.
  content: text('content'),
  // Bytes of the file in import_chunks; null while the upload is still being stored.
  size: integer('size'),
  // Where reading resumes: the byte and line just past the last committed row, and the CSV header.
  readBytes: integer('read_bytes').notNull().default(0),
  readLines: integer('read_lines').notNull().default(0),
  columns: jsonb('columns').$type<string[]>(),
  inserted: integer('inserted').notNull().default(0),
  duplicates: integer('duplicates').notNull().default(0),
  // Status, counts, refused rows and the runner's lease: the life every import has (db/import-job.ts).
  ...importJobColumns(),
});

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * An import's file, in pieces of about 1 MiB, so it is stored and read as a stream on PGlite,
 * PostgreSQL and Workers alike, and a resumed import starts at the piece it stopped in.
 */
export const importChunks = pgTable(
  'import_chunks',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    // Byte offset of this piece in the file.
    start: integer('start').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);
