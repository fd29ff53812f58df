import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, real, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from '../accounts';
import { createdAt, id, ts } from '../db/columns';
import { keyOf } from '../db/table-refs';
import { tsvector } from '../db/tsvector';
import { sources } from '../sources';
import { PLATFORMS } from '../core/platforms';

export const MENTION_KINDS = ['post', 'comment', 'article'] as const;
export const SENTIMENT_LABELS = ['positive', 'neutral', 'negative', 'unscored'] as const;
export const OVERRIDE_LABELS = ['positive', 'neutral', 'negative'] as const;

/**
 * A review from a platform: its metrics carry stars or a recommendation. The partial index
 * `mentions_platform_reviews_idx` and the review reads (platform-reviews.ts) share this one expression: PostgreSQL
 * uses a partial index only where it can prove the query's WHERE implies the index's, which it does by the
 * expressions' form. `?` rather than `->> … is not null` also lets the planner estimate how few rows match
 * (from the column's statistics); for the latter it guesses nearly all and scans the table.
 */
export const carriesReview = (metrics: AnyColumn): SQL => sql`(${metrics} ? 'rating' or ${metrics} ? 'recommends')`;

/**
 * An inbound post. Unique per (workspace, platform, external id): storing is idempotent, so a poll
 * repeated after a crash adds nothing twice. The platform's raw JSON is kept whole.
 */
export const mentions = pgTable(
  'mentions',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    sourceId: uuid('source_id').references(() => sources.id, { onDelete: 'set null' }),
    platform: text('platform', { enum: PLATFORMS }).notNull(),
    externalId: text('external_id').notNull(),
    url: text('url'),
    kind: text('kind', { enum: MENTION_KINDS }).notNull().default('post'),
    title: text('title'),
    text: text('text').notNull(),
    // The platform sent more than the store keeps (src/mentions/store.ts): the page says so and links the original.
    textTruncated: boolean('text_truncated').notNull().default(false),
    lang: text('lang'),
    postedAt: ts('posted_at').notNull(),
    authorExternalId: text('author_external_id'),
    authorHandle: text('author_handle'),
    authorName: text('author_name'),
    authorFollowers: integer('author_followers'),
    authorBio: text('author_bio'),
    authorUrl: text('author_url'),
    authorAvatarUrl: text('author_avatar_url'),
    authorVerified: boolean('author_verified').notNull().default(false),
    // Set by the features built on mentions (src/db/table-refs.ts): the CRM link at ingest, moved by merges;
    // the conversation when the thread is found.
    contactId: uuid('contact_id').references(() => keyOf('contacts'), { onDelete: 'set null' }),
    identityId: uuid('identity_id').references(() => keyOf('identities'), { onDelete: 'set null' }),
    conversationId: uuid('conversation_id').references(() => keyOf('conversations'), { onDelete: 'set null' }),
    replyToExternalId: text('reply_to_external_id'),
    threadExternalId: text('thread_external_id'),
    // Which of the account's products or places a review is about (an app, a Google location); its topic is
    // the source's mapping (sources.place_topics).
    placeId: text('place_id'),
    placeName: text('place_name'),
    metrics: jsonb('metrics').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    raw: jsonb('raw').$type<unknown>(),
    topicIds: uuid('topic_ids').array().notNull().default(sql`'{}'::uuid[]`),
    // The sentiment pipeline's output (src/sentiment), stored in columns so reports can filter.
    sentimentScore: real('sentiment_score'),
    sentimentLabel: text('sentiment_label', { enum: SENTIMENT_LABELS }),
    // How sure the analyzer was of its label (0..1); null for analyses stored before it said. Below the
    // workspace's threshold the label is shown as uncertain and counted apart in reports.
    sentimentConfidence: real('sentiment_confidence'),
    // A person's correction wins over the model everywhere (reports, filters, exports).
    sentimentOverride: text('sentiment_override', { enum: OVERRIDE_LABELS }),
    sentimentOverrideBy: uuid('sentiment_override_by').references(() => users.id, { onDelete: 'set null' }),
    sentimentOverrideAt: ts('sentiment_override_at'),
    language: text('language'),
    intents: text('intents').array().notNull().default(sql`'{}'::text[]`),
    // Staff's correction of the intents (null: none); like the sentiment override it wins everywhere.
    intentsOverride: text('intents_override').array(),
    intentsOverrideBy: uuid('intents_override_by').references(() => users.id, { onDelete: 'set null' }),
    intentsOverrideAt: ts('intents_override_at'),
    // A feature request the model is sure enough of to suggest to the community board as an idea (set by the
    // analyzer, at ingest and re-analysis): the board's queue filters on it (or on staff's intents) in SQL.
    suggestsIdea: boolean('suggests_idea').notNull().default(false),
    aspects: jsonb('aspects')
      .$type<{ term: string; sentiment: 'positive' | 'negative'; score: number }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    keyTerms: text('key_terms').array().notNull().default(sql`'{}'::text[]`),
    // The stored text's hashtags by the one rule (sentiment/hashtags.ts), for the report rollups' SQL.
    hashtags: text('hashtags').array().notNull().default(sql`'{}'::text[]`),
    analysisVersion: integer('analysis_version'),
    search: tsvector('search').generatedAlwaysAs(sql`to_tsvector('simple', coalesce(title, '') || ' ' || text)`),
    ingestedAt: createdAt('ingested_at'),
    editedAt: ts('edited_at'),
    deletedAt: ts('deleted_at'),
    // Staff hid it on the platform (its author and friends still see it there), or liked it as the account.
    hiddenAt: ts('hidden_at'),
    likedAt: ts('liked_at'),
  },
  (t) => [
    uniqueIndex('mentions_identity_key').on(t.workspaceId, t.platform, t.externalId),
    index('mentions_workspace_posted_idx').on(t.workspaceId, t.postedAt.desc(), t.id.desc()),
    index('mentions_topics_idx').using('gin', t.topicIds),
    index('mentions_search_idx').using('gin', t.search),
    index('mentions_analysis_version_idx').on(t.analysisVersion),
    index('mentions_contact_idx').on(t.contactId, t.postedAt.desc()),
    index('mentions_conversation_idx').on(t.conversationId, t.postedAt),
    index('mentions_idea_suggestions_idx')
      .on(t.workspaceId, t.postedAt.desc(), t.id.desc())
      .where(sql`${t.suggestsIdea} or ${t.intentsOverride} is not null`),
    // Reviews are a few in a million posts: the ratings report and the review list read them without a scan.
    index('mentions_platform_reviews_idx')
      .on(t.workspaceId, t.postedAt)
      .where(sql`${t.deletedAt} is null and ${carriesReview(t.metrics)}`),
  ],
);
