import { date, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../accounts/schema';

/**
 * Report rollups: mention counts per day and the dimensions reports filter on, kept current at
 * ingest, on staff corrections and on re-analysis, so the standard charts never scan mentions.
 * `label` is the effective sentiment (a staff correction first; `unscored` for unscored languages),
 * `channel` is mentions (social platforms), reviews or community (ideas and comments), and `day` is
 * the UTC date the post was written.
 */
const dims = () => ({
  workspaceId: uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  day: date('day', { mode: 'string' }).notNull(),
  channel: text('channel').notNull(),
  platform: text('platform').notNull(),
  language: text('language').notNull(),
  label: text('label').notNull(),
  n: integer('n').notNull().default(0),
});

export const reportDaily = pgTable('report_daily', dims(), (t) => [primaryKey({ columns: [t.workspaceId, t.day, t.channel, t.platform, t.language, t.label] })]);

/** The same per tracked topic: a mention of two topics counts once in each (share of voice). */
export const reportTopicDaily = pgTable(
  'report_topic_daily',
  { ...dims(), topicId: uuid('topic_id').notNull() },
  (t) => [primaryKey({ columns: [t.workspaceId, t.topicId, t.day, t.channel, t.platform, t.language, t.label] })],
);
