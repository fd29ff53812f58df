import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from '../../accounts';
import { createdAt, id, ts } from '../../db/columns';
import { conversations } from '../schema';
import { mentions } from '../../mentions';
import { sources } from '../../sources';
import { PLATFORMS } from '../../core/platforms';

export const REPLY_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

/**
 * The outbox: one row per reply a person asked to send. The idempotency key makes a double click
 * or a client retry land on the same row, and the sender posts a row at most once: it claims the
 * row (status `sending` with a lease) before calling the platform and records the result after.
 */
export const replies = pgTable(
  'replies',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    inReplyToMentionId: uuid('in_reply_to_mention_id')
      .notNull()
      .references(() => mentions.id, { onDelete: 'cascade' }),
    // The source whose credentials post the reply.
    sourceId: uuid('source_id').references(() => sources.id, { onDelete: 'set null' }),
    platform: text('platform', { enum: PLATFORMS }).notNull(),
    text: text('text').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    status: text('status', { enum: REPLY_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at'),
    leaseUntil: ts('lease_until'),
    // The sender holding the row (one claim's token, and its instance), so its heartbeat extends only its own lease.
    leaseToken: text('lease_token'),
    leaseHolder: text('lease_holder'),
    // The platform's answer when it refused, or the last transient error while retrying.
    lastError: text('last_error'),
    // After a crash while `sending`, the platform may or may not have the post: such a row is
    // checked (never blindly re-posted) before it is tried again.
    uncertain: boolean('uncertain').notNull().default(false),
    platformPostId: text('platform_post_id'),
    platformUrl: text('platform_url'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    sentAt: ts('sent_at'),
    // Taken down again on the platform (a review response deleted from the conversation), and by whom.
    retractedAt: ts('retracted_at'),
    retractedBy: uuid('retracted_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('replies_idempotency_key').on(t.workspaceId, t.idempotencyKey),
    index('replies_conversation_idx').on(t.conversationId, t.createdAt),
    index('replies_due_idx').on(t.status, t.nextAttemptAt).where(sql`status in ('queued', 'sending')`),
  ],
);

/** Saved replies (canned responses) with variables like {{first_name}}; shared or one agent's own. */
export const savedReplies = pgTable(
  'saved_replies',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    // Null: shared with the workspace; else private to this user.
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: createdAt('updated_at'),
  },
  (t) => [index('saved_replies_workspace_idx').on(t.workspaceId, t.name)],
);
