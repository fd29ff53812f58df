import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, real, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from '../accounts';
import { contacts } from '../contacts';
import { createdAt, id, ts } from '../db/columns';
import { registerKey } from '../db/table-refs';
import { PLATFORMS } from '../core/platforms';

export const CONVERSATION_STATUSES = ['open', 'pending', 'snoozed', 'closed', 'spam'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/**
 * A conversation: one author's posts in one platform thread (X conversation, Mastodon reply chain,
 * Bluesky root, Reddit post), the unit staff triage, assign and answer. A new post in a closed
 * conversation reopens it. Counts and times are kept on the row so the inbox reads one table.
 */
export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    platform: text('platform', { enum: PLATFORMS }).notNull(),
    // The platform thread's root id.
    threadKey: text('thread_key').notNull(),
    // The author's identity key (src/contacts/link.ts identityKey) or '' for anonymous posts.
    authorKey: text('author_key').notNull(),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    status: text('status', { enum: CONVERSATION_STATUSES }).notNull().default('open'),
    snoozedUntil: ts('snoozed_until'),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    priority: text('priority', { enum: PRIORITIES }).notNull().default('normal'),
    // 0 low .. 3 urgent: what the priority sort orders by.
    priorityRank: integer('priority_rank').notNull().default(1),
    priorityReason: text('priority_reason').notNull().default(''),
    // Set by staff: the computed priority no longer overrides it.
    priorityPinned: boolean('priority_pinned').notNull().default(false),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    topicIds: uuid('topic_ids').array().notNull().default(sql`'{}'::uuid[]`),
    intents: text('intents').array().notNull().default(sql`'{}'::text[]`),
    // The latest inbound post's effective sentiment and language.
    sentimentLabel: text('sentiment_label'),
    sentimentScore: real('sentiment_score'),
    // The analyzer's confidence in that label; null when staff corrected it (never uncertain) or unknown.
    sentimentConfidence: real('sentiment_confidence'),
    language: text('language'),
    subject: text('subject').notNull().default(''),
    authorName: text('author_name'),
    authorHandle: text('author_handle'),
    authorFollowers: integer('author_followers'),
    mentionCount: integer('mention_count').notNull().default(0),
    latestMentionId: uuid('latest_mention_id'),
    firstInboundAt: ts('first_inbound_at').notNull(),
    lastInboundAt: ts('last_inbound_at').notNull(),
    // Since when the author waits for us (null when our reply is the latest word).
    waitingSince: ts('waiting_since'),
    firstResponseAt: ts('first_response_at'),
    resolvedAt: ts('resolved_at'),
    // When the current SLA cycle began: the first post, or the post that reopened a closed
    // conversation (null: the first post). Resolution is due counting from here.
    slaStartedAt: ts('sla_started_at'),
    firstResponseDueAt: ts('first_response_due_at'),
    resolutionDueAt: ts('resolution_due_at'),
    lastActivityAt: ts('last_activity_at').notNull(),
    createdAt: createdAt(),
    updatedAt: createdAt('updated_at'),
  },
  (t) => [
    uniqueIndex('conversations_thread_key').on(t.workspaceId, t.platform, t.threadKey, t.authorKey),
    index('conversations_inbox_idx').on(t.workspaceId, t.status, t.lastInboundAt.desc(), t.id.desc()),
    index('conversations_assignee_idx').on(t.workspaceId, t.assigneeId, t.status, t.lastInboundAt.desc(), t.id.desc()),
    index('conversations_priority_idx').on(
      t.workspaceId,
      t.status,
      t.priorityRank.desc(),
      t.lastInboundAt.desc(),
      t.id.desc(),
    ),
    index('conversations_waiting_idx').on(t.workspaceId, t.status, t.waitingSince, t.id),
    index('conversations_contact_idx').on(t.contactId),
    index('conversations_topics_idx').using('gin', t.topicIds),
    // Response-time reports: the conversations that started in a range.
    index('conversations_started_idx').on(t.workspaceId, t.firstInboundAt),
  ],
);

export type ConversationRow = typeof conversations.$inferSelect;

export const EVENT_KINDS = [
  'created',
  'reopened',
  'status',
  'assigned',
  'priority',
  'tags',
  'rule',
  'note',
  'reply',
  'moderated',
  'reply_retracted',
] as const;

/** The conversation's history: who changed what, and which routing rule did what. */
export const conversationEvents = pgTable(
  'conversation_events',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: EVENT_KINDS }).notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
  },
  (t) => [index('conversation_events_conversation_idx').on(t.conversationId, t.createdAt)],
);

/** Internal notes on a conversation (never sent to the platform); may @-mention teammates. */
export const conversationNotes = pgTable(
  'conversation_notes',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    mentionedUserIds: uuid('mentioned_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: createdAt(),
  },
  (t) => [index('conversation_notes_conversation_idx').on(t.conversationId, t.createdAt)],
);

/** In-app notifications (an @-mention in a note, an assignment). */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    readAt: ts('read_at'),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt.desc())],
);

/** A team of agents, for round-robin routing with a cap on each agent's open conversations. */
export const teams = pgTable(
  'teams',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    // Round-robin skips an agent with this many open conversations assigned.
    maxOpenPerAgent: integer('max_open_per_agent').notNull().default(25),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('teams_name_key').on(t.workspaceId, t.name)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // When round-robin last gave this agent a conversation (ties go to who waited longest).
    lastAssignedAt: ts('last_assigned_at'),
  },
  (t) => [uniqueIndex('team_members_key').on(t.teamId, t.userId)],
);

export interface RuleConditions {
  platforms?: string[];
  topicIds?: string[];
  sentimentMin?: number;
  sentimentMax?: number;
  intents?: string[];
  minFollowers?: number;
  keywords?: string[];
  languages?: string[];
}

export interface RuleActions {
  assignUserId?: string;
  roundRobinTeamId?: string;
  tags?: string[];
  priority?: Priority;
  markSpam?: boolean;
}

/** Routing rules, applied in order to every new conversation at ingest. */
export const routingRules = pgTable(
  'routing_rules',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    conditions: jsonb('conditions').$type<RuleConditions>().notNull(),
    actions: jsonb('actions').$type<RuleActions>().notNull(),
    // Later rules are not tried once this one matched.
    stopProcessing: boolean('stop_processing').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: createdAt('updated_at'),
  },
  (t) => [index('routing_rules_workspace_idx').on(t.workspaceId, t.position)],
);

// Mentions point at their conversation (src/db/table-refs.ts).
registerKey('conversations', conversations.id);
