import { boolean, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../accounts';
import { createdAt, id, ts } from '../db/columns';

export const TOPIC_KINDS = ['brand', 'competitor', 'product', 'campaign'] as const;
export type TopicKind = (typeof TOPIC_KINDS)[number];

/** A tracked brand, competitor, product or campaign, with the query that finds its mentions. */
export const topics = pgTable(
  'topics',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: TOPIC_KINDS }).notNull(),
    query: text('query').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('topics_workspace_name_key').on(t.workspaceId, t.name),
    index('topics_workspace_idx').on(t.workspaceId),
  ],
);
