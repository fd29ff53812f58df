import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users, workspaces } from '../accounts';
import { createdAt, id, ts } from '../db/columns';
import { registerKey } from '../db/table-refs';
import { PLATFORMS } from '../core/platforms';

/** The default lifecycle stages; a workspace may edit its own list (lifecycle_stages). */
export const DEFAULT_STAGES = ['subscriber', 'lead', 'customer', 'advocate', 'detractor', 'other'] as const;

export type ScoreReasonCode =
  | 'reach'
  | 'engagement'
  | 'activity'
  | 'recency'
  | 'sentiment'
  | 'purchase_intent'
  | 'questions'
  // The parts added past 100 or below 0: listed so the score always equals the sum of its parts.
  | 'limit';

/**
 * One part of a contact's score: its code and values, put in words in the reader's language when shown, and its
 * English (what the API says; all a part scored before the codes has).
 */
export interface ScoreReason {
  code?: ScoreReasonCode;
  values?: Record<string, number | string>;
  reason: string;
  points: number;
}

/**
 * One person (or company) the workspace deals with, however many platform accounts they use.
 * A merged contact is kept, pointing at the survivor (merged_into_id), so a merge can be undone.
 */
export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull().default(''),
    // Stored lower-cased, so evidence matching and search compare like with like.
    emails: text('emails').array().notNull().default(sql`'{}'::text[]`),
    phones: text('phones').array().notNull().default(sql`'{}'::text[]`),
    company: text('company'),
    title: text('title'),
    location: text('location'),
    // The host of the contact's website (lower-case, no "www."): evidence for linking.
    websiteDomain: text('website_domain'),
    lifecycleStage: text('lifecycle_stage').notNull().default('subscriber'),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    customFields: jsonb('custom_fields').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    // Kept by contacts/activity.ts, so lists and segments filter without joins, and kept as running
    // totals, so a page of new mentions updates them without reading the contact's history.
    followers: integer('followers').notNull().default(0),
    sentiment: real('sentiment'),
    sentimentSum: real('sentiment_sum').notNull().default(0),
    sentimentCount: integer('sentiment_count').notNull().default(0),
    mentionCount: integer('mention_count').notNull().default(0),
    engagement: integer('engagement').notNull().default(0),
    purchaseIntents: integer('purchase_intents').notNull().default(0),
    questions: integer('questions').notNull().default(0),
    score: integer('score').notNull().default(0),
    scoreReasons: jsonb('score_reasons').$type<ScoreReason[]>().notNull().default(sql`'[]'::jsonb`),
    firstTouchAt: ts('first_touch_at'),
    firstTouchChannel: text('first_touch_channel'),
    lastActivityAt: ts('last_activity_at'),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => contacts.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: createdAt('updated_at'),
  },
  (t) => [
    index('contacts_workspace_activity_idx').on(t.workspaceId, t.lastActivityAt.desc(), t.id.desc()),
    // Duplicate search by similar name over 100k contacts: trigram index (pg_trgm).
    index('contacts_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
    index('contacts_emails_idx').using('gin', t.emails),
    index('contacts_domain_idx').on(t.workspaceId, t.websiteDomain),
    index('contacts_workspace_score_idx').on(t.workspaceId, t.score.desc()),
  ],
);

/** One account on one platform. Upserted from every ingested post: the latest profile wins. */
export const identities = pgTable(
  'identities',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    platform: text('platform', { enum: PLATFORMS }).notNull(),
    // The platform's account id; "@handle" when a platform gives none (RSS, imports).
    externalId: text('external_id').notNull(),
    handle: text('handle'),
    displayName: text('display_name'),
    bio: text('bio'),
    // Emails written in the bio: a claim anyone can make, so evidence for a suggestion, never a link
    // (and never copied into the contact's emails, which the trusted paths match on).
    bioEmails: text('bio_emails').array().notNull().default(sql`'{}'::text[]`),
    url: text('url'),
    avatarUrl: text('avatar_url'),
    followers: integer('followers'),
    verified: boolean('verified').notNull().default(false),
    firstSeenAt: createdAt('first_seen_at'),
    lastSeenAt: createdAt('last_seen_at'),
  },
  (t) => [
    uniqueIndex('identities_key').on(t.workspaceId, t.platform, t.externalId),
    index('identities_contact_idx').on(t.contactId),
    index('identities_handle_idx').on(t.workspaceId, sql`lower(${t.handle})`),
    index('identities_bio_emails_idx').using('gin', t.bioEmails),
  ],
);

export const contactNotes = pgTable(
  'contact_notes',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('contact_notes_contact_idx').on(t.contactId, t.createdAt.desc())],
);

export const SUGGESTION_STATUSES = ['open', 'dismissed', 'merged'] as const;

/**
 * One piece of evidence that two contacts are one person: its code and values, put in words in the reader's
 * language when shown, and its English detail (what the API says; all a suggestion made before the values has).
 */
export interface DuplicateReason {
  code: 'same_handle' | 'similar_name' | 'same_profile_url' | 'same_avatar' | 'same_email' | 'same_domain';
  detail: string;
  values?: Record<string, number | string>;
}

/** Weak evidence that two contacts are one person, for staff to confirm (merge) or dismiss. */
export const duplicateSuggestions = pgTable(
  'duplicate_suggestions',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    // The pair is stored in uuid order so (a, b) and (b, a) are one suggestion.
    contactA: uuid('contact_a')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    contactB: uuid('contact_b')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    reasons: jsonb('reasons').$type<DuplicateReason[]>().notNull(),
    confidence: real('confidence').notNull(),
    status: text('status', { enum: SUGGESTION_STATUSES }).notNull().default('open'),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: ts('resolved_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('duplicate_suggestions_pair').on(t.workspaceId, t.contactA, t.contactB),
    index('duplicate_suggestions_open_idx').on(t.workspaceId, t.status, t.confidence.desc()),
  ],
);

/** What a merge changed, so it can be undone exactly. */
export interface MergeSnapshot {
  /** The survivor's own fields before the merge. */
  into: Record<string, unknown>;
  /** Rows moved to the survivor, per table, with the contact each came from. */
  moved: { table: string; id: string; contactId: string }[];
  /** Suggestions the merge settled (reopened by an undo). */
  suggestionIds: string[];
}

export const contactMerges = pgTable(
  'contact_merges',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    intoId: uuid('into_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    fromIds: uuid('from_ids').array().notNull(),
    snapshot: jsonb('snapshot').$type<MergeSnapshot>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    undoneAt: ts('undone_at'),
  },
  (t) => [index('contact_merges_into_idx').on(t.workspaceId, t.intoId)],
);

/** Saved filters over contacts ("detractors with over 10,000 followers, active in 30 days"). */
export const segments = pgTable(
  'segments',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    filter: jsonb('filter').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('segments_name_key').on(t.workspaceId, t.name)],
);

/** A workspace's own lifecycle stages, in order; none stored means DEFAULT_STAGES. */
export const lifecycleStages = pgTable(
  'lifecycle_stages',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('lifecycle_stages_key').on(t.workspaceId, t.name)],
);

// Mentions point at contacts and identities (src/db/table-refs.ts).
registerKey('contacts', contacts.id);
registerKey('identities', identities.id);
