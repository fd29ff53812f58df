import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from '../accounts';
import { createdAt, id, ts } from '../db/columns';
import type { Backfill } from './backfill';
import { PLATFORMS } from '../core/platforms';

export const SOURCE_STATUSES = ['ok', 'degraded', 'failing'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

/** A connected platform account or feed, with its polling state. */
export const sources = pgTable(
  'sources',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    platform: text('platform', { enum: PLATFORMS }).notNull(),
    name: text('name').notNull(),
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    // AES-GCM under a key derived from APP_SECRET; never sent to the API or pages.
    credentialsEnc: text('credentials_enc'),
    // Set when a change of host removed the credentials (they never follow a source elsewhere);
    // cleared when new ones are entered. Pages and the API ask for them again meanwhile.
    credentialsClearedAt: ts('credentials_cleared_at'),
    cursor: jsonb('cursor').$type<Record<string, unknown> | null>(),
    status: text('status', { enum: SOURCE_STATUSES }).notNull().default('ok'),
    paused: boolean('paused').notNull().default(false),
    pollIntervalSeconds: integer('poll_interval_seconds').notNull().default(300),
    nextPollAt: ts('next_poll_at').notNull().defaultNow(),
    lastPolledAt: ts('last_polled_at'),
    lastSuccessAt: ts('last_success_at'),
    lastError: text('last_error'),
    lastErrorAt: ts('last_error_at'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    // A lease, not a lock held open: a poller that dies leaves a lease that simply runs out.
    leaseUntil: ts('lease_until'),
    leaseToken: text('lease_token'),
    // The instance holding the lease (INSTANCE_ID): a restarted instance frees what its last life held.
    leaseHolder: text('lease_holder'),
    backfill: jsonb('backfill').$type<Backfill | null>(),
    // What a token from a connect flow may do and until when (Meta's /debug_token); admins are warned
    // once, 7 days before (expiryWarnedAt), and again after the next reconnect.
    tokenScopes: jsonb('token_scopes').$type<string[] | null>(),
    tokenExpiresAt: ts('token_expires_at'),
    expiryWarnedAt: ts('expiry_warned_at'),
    // The last webhook delivery stored for this source: while they come, polling is only the safety net.
    webhookAt: ts('webhook_at'),
    // Reviews' products and places (an app id, a Google location) mapped to product topics by an admin.
    placeTopics: jsonb('place_topics').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('sources_workspace_idx').on(t.workspaceId),
    index('sources_due_idx').on(t.nextPollAt).where(sql`not ${t.paused}`),
  ],
);

export const CONNECT_PROVIDERS = ['facebook', 'threads', 'google', 'linkedin'] as const;
export type ConnectProvider = (typeof CONNECT_PROVIDERS)[number];

/**
 * A connect flow under way: started by a staff member (the state Meta sends back), then holding what the
 * sign-in gave (the Pages and their tokens, sealed like credentials) until the person picks what to add.
 * Short-lived: a row older than its expiry is refused and swept.
 */
export const oauthConnects = pgTable(
  'oauth_connects',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: text('provider', { enum: CONNECT_PROVIDERS }).notNull(),
    state: text('state').notNull().unique(),
    // The sign-in's result (sealed), once Meta sent the person back.
    resultEnc: text('result_enc'),
    expiresAt: ts('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('oauth_connects_workspace_idx').on(t.workspaceId)],
);

export const INBOUND_WEBHOOK_STATUSES = ['queued', 'working', 'done', 'failed'] as const;

/**
 * A platform's webhook delivery, kept as it came (after its signature was checked) until a job has handed
 * its events to the one flow: the request only writes this row, so it answers at once, and a crash before
 * the events are stored loses nothing (the row is worked again; the store's idempotency drops repeats).
 */
export const inboundWebhooks = pgTable(
  'inbound_webhooks',
  {
    id: id(),
    platform: text('platform').notNull(),
    body: jsonb('body').notNull(),
    status: text('status', { enum: INBOUND_WEBHOOK_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at'),
    error: text('error'),
    events: integer('events'),
    leaseUntil: ts('lease_until'),
    leaseToken: text('lease_token'),
    leaseHolder: text('lease_holder'),
    createdAt: createdAt(),
    doneAt: ts('done_at'),
  },
  (t) => [index('inbound_webhooks_due_idx').on(t.status, t.createdAt).where(sql`${t.status} in ('queued', 'working')`)],
);
