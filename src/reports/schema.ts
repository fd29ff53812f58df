import { boolean, date, index, integer, pgTable, primaryKey, real, text, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../accounts';
import { createdAt, id, ts } from '../db/columns';
import { topics } from '../topics';

/**
 * Report rollups: mention counts per day and the dimensions reports filter on, kept current at
 * ingest, on staff corrections and on re-analysis, so the standard charts never scan mentions.
 * `label` is the effective sentiment (a staff correction first; `unscored` for unscored languages; `uncertain`
 * for a model label less sure than the workspace's confidence threshold, see rollup-rules.ts),
 * `channel` is mentions (social platforms), reviews or community (ideas and comments), and `day` is
 * the date the post was written in the workspace's time zone (recounted when the zone changes).
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

export const reportDaily = pgTable('report_daily', dims(), (t) => [
  primaryKey({ columns: [t.workspaceId, t.day, t.channel, t.platform, t.language, t.label] }),
]);

/** The same per tracked topic: a mention of two topics counts once in each (share of voice). */
export const reportTopicDaily = pgTable(
  'report_topic_daily',
  { ...dims(), topicId: uuid('topic_id').notNull() },
  (t) => [primaryKey({ columns: [t.workspaceId, t.topicId, t.day, t.channel, t.platform, t.language, t.label] })],
);

/**
 * The zone a workspace's rollups were last counted in, written when a rebuild ends. A zone change recounts
 * after commit; when that recount did not finish (a crash, a stop), the workspace's zone and this differ
 * and the `recount-report-zones` job recounts again. No row: counted in UTC (rollups before zones existed).
 */
export const reportCountedZone = pgTable('report_counted_zone', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  timeZone: text('time_zone').notNull(),
  countedAt: ts('counted_at').notNull(),
});

/** Spike alert settings of a workspace: thresholds and where to post alerts (signed with HMAC). */
export const alertSettings = pgTable('report_alert_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  enabled: boolean('enabled').notNull().default(true),
  // A topic's hour is a spike when its volume is this many times its usual hour...
  volumeFactor: real('volume_factor').notNull().default(3),
  // ...and at least this many mentions (quiet topics do not alert on three posts).
  minVolume: integer('min_volume').notNull().default(20),
  // Or when the share of negative mentions rises this much over the usual share (0.25 = 25 points).
  negativeShareRise: real('negative_share_rise').notNull().default(0.25),
  webhookUrl: text('webhook_url'),
  // Sealed with APP_SECRET like source credentials; signs each webhook call.
  webhookSecretEnc: text('webhook_secret_enc'),
  updatedAt: createdAt('updated_at'),
});

export const alerts = pgTable(
  'report_alerts',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    // volume, negative, or both.
    reasons: text('reasons').array().notNull(),
    windowStart: ts('window_start').notNull(),
    // Moves on while the spike lasts: one spike, one alert.
    windowEnd: ts('window_end').notNull(),
    volume: integer('volume').notNull(),
    baselineVolume: real('baseline_volume').notNull(),
    negativeShare: real('negative_share').notNull(),
    baselineNegativeShare: real('baseline_negative_share').notNull(),
    // The mentions that caused it (the latest hundred).
    mentionIds: uuid('mention_ids').array().notNull(),
    webhookStatus: text('webhook_status', { enum: ['none', 'pending', 'sent', 'failed'] })
      .notNull()
      .default('none'),
    webhookAttempts: integer('webhook_attempts').notNull().default(0),
    webhookError: text('webhook_error'),
    // The webhook's delivery is worked as a leased queue (db/leased-queue.ts): who posts it now, and when
    // a failed one is tried again.
    leaseUntil: ts('webhook_lease_until'),
    leaseToken: text('webhook_lease_token'),
    leaseHolder: text('webhook_lease_holder'),
    nextAttemptAt: ts('webhook_next_attempt_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('report_alerts_workspace_idx').on(t.workspaceId, t.createdAt.desc()),
    index('report_alerts_topic_idx').on(t.topicId, t.windowEnd.desc()),
  ],
);

/** The topic id that stands for "every mention, whatever its topics" in the term and author rollups. */
export const ALL_TOPICS = '00000000-0000-0000-0000-000000000000';

/** The dimensions the dashboard filters by, for the term and author rollups. */
const filterDims = () => ({
  // ALL_TOPICS for the row that counts every mention; one more row per topic the mention has.
  topicId: uuid('topic_id').notNull(),
  channel: text('channel').notNull(),
  platform: text('platform').notNull(),
  language: text('language').notNull(),
});

/**
 * Terms per day: the key terms, hashtags (ASCII letters, digits and _) and aspects of mentions, by
 * sentiment (the mention's effective label; an aspect's own sentiment for aspects).
 */
export const reportTermsDaily = pgTable(
  'report_terms_daily',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    ...filterDims(),
    kind: text('kind', { enum: ['term', 'hashtag', 'aspect'] }).notNull(),
    term: text('term').notNull(),
    label: text('label').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [
    primaryKey({
      columns: [t.workspaceId, t.topicId, t.day, t.kind, t.term, t.label, t.channel, t.platform, t.language],
    }),
  ],
);

/** Mentions per author (CRM contact) per day: top authors by volume and, with the contact's followers, by reach. */
export const reportAuthorDaily = pgTable(
  'report_author_daily',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    ...filterDims(),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.topicId, t.day, t.contactId, t.channel, t.platform, t.language] })],
);
