import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users, workspaces } from '../accounts';
import { contacts } from '../contacts';
import { createdAt, id, ts } from '../db/columns';
import { tsvector } from '../db/tsvector';
import { mentions } from '../mentions';
import { topics } from '../topics';

/**
 * The community board: members (the public, apart from staff users), their ideas, votes, comments
 * and reviews, and what staff do with them (moderation, statuses, merges, evidence from mentions).
 */
export const IDEA_STATUSES = ['open', 'under_review', 'planned', 'in_progress', 'shipped', 'declined'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];
/** held: waits for a moderator (the workspace asks for approval, or a spam rule flagged it). */
export const VISIBILITIES = ['visible', 'held', 'hidden'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

const workspaceId = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });

/** One row per workspace that runs a board. */
export const communitySettings = pgTable('community_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  enabled: boolean('enabled').notNull().default(true),
  // Every new post waits for a moderator before it is public.
  requireApproval: boolean('require_approval').notNull().default(false),
  updatedAt: createdAt('updated_at'),
});

export const members = pgTable(
  'community_members',
  {
    id: id(),
    workspaceId: workspaceId(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    // The language the member's emails are written in: the board's when they signed up, changed on their
    // profile (null: members from before; the workspace's default).
    language: text('language'),
    emailVerifiedAt: ts('email_verified_at'),
    // The CRM contact this member is (by verified email, else a new one), set at verification.
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    disabledAt: ts('disabled_at'),
    lastLoginAt: ts('last_login_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('community_members_email_key').on(t.workspaceId, t.email)],
);

export const memberSessions = pgTable(
  'community_member_sessions',
  {
    id: id(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    // Only the SHA-256 of the token is kept, as for staff sessions.
    tokenHash: text('token_hash').notNull(),
    csrfToken: text('csrf_token').notNull(),
    expiresAt: ts('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('community_member_sessions_token_key').on(t.tokenHash),
    index('community_member_sessions_member_idx').on(t.memberId),
  ],
);

export const MEMBER_TOKEN_PURPOSES = ['verify', 'reset'] as const;

/** One-time links: email verification and password reset. */
export const memberTokens = pgTable(
  'community_member_tokens',
  {
    id: id(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: MEMBER_TOKEN_PURPOSES }).notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('community_member_tokens_hash_key').on(t.tokenHash)],
);

export const categories = pgTable(
  'idea_categories',
  {
    id: id(),
    workspaceId: workspaceId(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('idea_categories_name_key').on(t.workspaceId, sql`lower(${t.name})`)],
);

/** The moderation and analysis columns every member post carries. */
const postColumns = () => ({
  visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('visible'),
  moderationReason: text('moderation_reason'),
  // Why a spam rule held it: links, repeat, new_account.
  flags: text('flags').array().notNull().default(sql`'{}'::text[]`),
  // The mention that carries this post through the sentiment pipeline into reports.
  mentionId: uuid('mention_id').references(() => mentions.id, { onDelete: 'set null' }),
  sentimentLabel: text('sentiment_label'),
  sentimentScore: real('sentiment_score'),
});

export const ideas = pgTable(
  'ideas',
  {
    id: id(),
    workspaceId: workspaceId(),
    memberId: uuid('member_id').references(() => members.id, { onDelete: 'set null' }),
    // Staff can write ideas too (say, from a mention that asks for a feature).
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    categoryId: uuid('category_id').references(() => categories.id, { onDelete: 'set null' }),
    status: text('status', { enum: IDEA_STATUSES }).notNull().default('open'),
    statusNote: text('status_note'),
    statusChangedAt: ts('status_changed_at'),
    pinned: boolean('pinned').notNull().default(false),
    voteCount: integer('vote_count').notNull().default(0),
    commentCount: integer('comment_count').notNull().default(0),
    mergedIntoId: uuid('merged_into_id'),
    ...postColumns(),
    search: tsvector('search').generatedAlwaysAs(sql`to_tsvector('simple', title || ' ' || body)`),
    createdAt: createdAt(),
    updatedAt: createdAt('updated_at'),
  },
  (t) => [
    index('ideas_workspace_idx').on(t.workspaceId, t.visibility, t.voteCount.desc(), t.createdAt.desc()),
    index('ideas_search_idx').using('gin', t.search),
    index('ideas_merged_idx').on(t.mergedIntoId),
  ],
);

export const ideaVotes = pgTable(
  'idea_votes',
  {
    ideaId: uuid('idea_id')
      .notNull()
      .references(() => ideas.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.memberId] }), index('idea_votes_member_idx').on(t.memberId)],
);

export const comments = pgTable(
  'idea_comments',
  {
    id: id(),
    workspaceId: workspaceId(),
    ideaId: uuid('idea_id')
      .notNull()
      .references(() => ideas.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').references(() => members.id, { onDelete: 'set null' }),
    // A staff answer on the board.
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    ...postColumns(),
    createdAt: createdAt(),
  },
  (t) => [index('idea_comments_idea_idx').on(t.ideaId, t.createdAt)],
);

export const reviews = pgTable(
  'reviews',
  {
    id: id(),
    workspaceId: workspaceId(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    // The product reviewed: one of the workspace's brand or product topics.
    topicId: uuid('topic_id')
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    rating: smallint('rating').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    ...postColumns(),
    createdAt: createdAt(),
    updatedAt: createdAt('updated_at'),
  },
  (t) => [
    uniqueIndex('reviews_member_product_key').on(t.memberId, t.topicId),
    index('reviews_workspace_idx').on(t.workspaceId, t.topicId, t.createdAt.desc()),
  ],
);

/** A mention that asks for what an idea describes: evidence, its author a supporter. */
export const ideaEvidence = pgTable(
  'idea_evidence',
  {
    id: id(),
    workspaceId: workspaceId(),
    ideaId: uuid('idea_id')
      .notNull()
      .references(() => ideas.id, { onDelete: 'cascade' }),
    mentionId: uuid('mention_id')
      .notNull()
      .references(() => mentions.id, { onDelete: 'cascade' }),
    addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('idea_evidence_mention_key').on(t.mentionId), index('idea_evidence_idea_idx').on(t.ideaId)],
);

/** Feature requests staff looked at and set aside: they leave the suggested-ideas queue. */
export const ideaSuggestionDismissals = pgTable('idea_suggestion_dismissals', {
  mentionId: uuid('mention_id')
    .primaryKey()
    .references(() => mentions.id, { onDelete: 'cascade' }),
  workspaceId: workspaceId(),
  dismissedBy: uuid('dismissed_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

/**
 * In-app notifications for members (an idea they voted on changed status). Kept as what happened (the new
 * status and its note), not as a sentence: the board words it when it is read, in the reader's language
 * and the board's du/Sie, so one statement writes it for every voter whatever their language. `text` is
 * the English sentence of rows from before.
 */
export const memberNotifications = pgTable(
  'community_member_notifications',
  {
    id: id(),
    workspaceId: workspaceId(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    ideaId: uuid('idea_id').references(() => ideas.id, { onDelete: 'cascade' }),
    text: text('text'),
    status: text('status', { enum: IDEA_STATUSES }),
    note: text('note'),
    readAt: ts('read_at'),
    createdAt: createdAt(),
  },
  (t) => [index('community_member_notifications_member_idx').on(t.memberId, t.createdAt.desc())],
);

/** Hits counted for rate limits (sign-up, login, posting, voting), by bucket and key (ip or member). */
export const rateEvents = pgTable(
  'rate_events',
  {
    id: id(),
    bucket: text('bucket').notNull(),
    key: text('key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('rate_events_key_idx').on(t.bucket, t.key, t.createdAt)],
);
