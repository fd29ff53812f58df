import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, real, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ROLES } from '../core/roles';
import { createdAt, id, ts } from '../db/columns';

/** How the board's German speaks to a reader: "Sie" (formal, the default) or "du". English has one form. */
export const BOARD_ADDRESSES = ['sie', 'du'] as const;
export type BoardAddress = (typeof BOARD_ADDRESSES)[number];

export const workspaces = pgTable('workspaces', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  // A model's sentiment label less sure than this (0..1) is shown as uncertain and counted apart in reports;
  // it raises no priority. Changed through reanalysis (the rollups and priorities follow in one transaction).
  sentimentConfidenceThreshold: real('sentiment_confidence_threshold').notNull().default(0.5),
  // What a teammate who chose nothing, a board visitor and the reports see: the language (when the browser
  // asks for none we offer), the IANA time zone days and weeks are counted in, and the first day of a week
  // (1 Monday … 7 Sunday, ISO).
  defaultLanguage: text('default_language').notNull().default('en'),
  timeZone: text('time_zone').notNull().default('UTC'),
  weekStart: smallint('week_start').notNull().default(1),
  // How the public board's German addresses its readers (and its emails to members): formal "Sie" or "du".
  boardAddress: text('board_address', { enum: BOARD_ADDRESSES }).notNull().default('sie'),
  createdAt: createdAt(),
});

/**
 * A staff person's login: one email and password for the whole service. What they may do lives in
 * their memberships (users), one per workspace, so an email can be staff of several workspaces.
 */
export const staffAccounts = pgTable(
  'staff_accounts',
  {
    id: id(),
    // Stored lower-cased: login needs no workspace, the email alone finds the person.
    email: text('email').notNull(),
    passwordHash: text('password_hash'),
    // The person's own choice on their profile (null: the browser's, then the workspace's); one person reads
    // one language in every workspace they belong to.
    language: text('language'),
    timeZone: text('time_zone'),
    // Single-key shortcuts (j, k, e, a …) can be turned off: a speech-input user's words must not triage
    // (WCAG 2.1.4). Modified keys still work.
    keyboardShortcuts: boolean('keyboard_shortcuts').notNull().default(true),
    // After closing, assigning away or snoozing a conversation: open the next one, or go back to the list.
    afterTriage: text('after_triage', { enum: ['next', 'list'] })
      .notNull()
      .default('next'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('staff_accounts_email_key').on(t.email)],
);

/** A staff member of one workspace (a membership of a staff account): role, name, sessions. */
export const users = pgTable(
  'users',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => staffAccounts.id, { onDelete: 'cascade' }),
    // The account's email, kept here because every feature lists teammates by it.
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    role: text('role', { enum: ROLES }).notNull(),
    disabledAt: ts('disabled_at'),
    lastLoginAt: ts('last_login_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_workspace_email_key').on(t.workspaceId, t.email),
    uniqueIndex('users_workspace_account_key').on(t.workspaceId, t.accountId),
    index('users_account_idx').on(t.accountId),
    index('users_workspace_idx').on(t.workspaceId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // Only the SHA-256 of the token is stored: a leaked table cannot be replayed as cookies.
    tokenHash: text('token_hash').notNull(),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    expiresAt: ts('expires_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('sessions_token_hash_key').on(t.tokenHash),
    index('sessions_user_idx').on(t.userId),
    index('sessions_expires_idx').on(t.expiresAt),
  ],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    // The first characters, kept so people can recognise a key in the list without the secret.
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('api_keys_key_hash_key').on(t.keyHash), index('api_keys_workspace_idx').on(t.workspaceId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorApiKeyId: uuid('actor_api_key_id').references(() => apiKeys.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    ip: text('ip'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_workspace_created_idx').on(t.workspaceId, t.createdAt.desc(), t.id.desc())],
);

/**
 * Login attempts, kept 15 minutes: a row is written before the password is checked (so parallel
 * guesses count each other) and stays when the password was wrong. Counted per address (a limit)
 * and per account and address (a growing delay).
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: id(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('login_failures_email_idx').on(t.email, t.createdAt),
    index('login_failures_ip_idx').on(t.ip, t.createdAt),
  ],
);

/** An emailed invitation to join a workspace; the link (only its hash is kept) works once, for 7 days. */
export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    role: text('role', { enum: ROLES }).notNull(),
    // The language the invitation email is written in and the new login starts with (null: made before
    // invitations carried one; the workspace's default).
    language: text('language'),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('invitations_token_hash_key').on(t.tokenHash),
    index('invitations_workspace_idx').on(t.workspaceId, t.createdAt),
  ],
);

/** One-time links printed at first start, so the owner picks a password nobody else saw. */
export const setupTokens = pgTable('setup_tokens', {
  id: id(),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: ts('expires_at').notNull(),
  createdAt: createdAt(),
});

export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'logged', 'failed'] as const;

/**
 * The mail outbox and log (invitations; the board's verification, password reset, status changes).
 * A row is queued in the transaction that decides to write it and sent by the mail sender
 * (accounts/mail-outbox.ts), retried with backoff; without SMTP_URL it ends `logged`. `body` is what the
 * log shows, with link secrets redacted; a mail that carries one keeps its full text sealed (APP_SECRET)
 * in `sealed_text` until it is sent or gives up.
 */
export const mailOutbox = pgTable(
  'community_mail',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    sealedText: text('sealed_text'),
    status: text('status', { enum: MAIL_STATUSES }).notNull().default('queued'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at'),
    leaseUntil: ts('lease_until'),
    leaseToken: text('lease_token'),
    leaseHolder: text('lease_holder'),
    createdAt: createdAt(),
    sentAt: ts('sent_at'),
  },
  (t) => [
    index('community_mail_workspace_idx').on(t.workspaceId, t.createdAt.desc()),
    // The sender's scan: only rows still to send are in it.
    index('community_mail_due_idx').on(t.nextAttemptAt).where(sql`status in ('queued', 'sending')`),
  ],
);
