import { sql } from 'drizzle-orm';
import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../accounts';
import { createdAt, id } from '../db/columns';

/**
 * The workspace's tags: one vocabulary for conversations, contacts and routing rules, so "VIP" on
 * a contact and "vip" on a conversation are the same tag (the first spelling is kept).
 */
export const tags = pgTable(
  'tags',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tags_name_key').on(t.workspaceId, sql`lower(${t.name})`)],
);
