/**
 * Inbox: conversations (threading, routing, SLAs, priority, notes, notifications), replies with their
 * exactly-once outbox, saved replies, the live stream and the inbox pages.
 * What other parts of the app may use (docs/architecture.md); the rest of the folder is its own.
 */
/** A conversation's posts, replies, notes and events in time order. */
export { conversationThread } from './conversations.service';
/** Joins newly stored mentions to conversations (opens, reopens, routes them). */
export { threadMentions } from './threading';
/** What one inbox sweep woke and flagged. */
export type { SweepResult } from './sweep';
/** Wakes snoozed conversations and flags SLA breaches (a scheduled job). */
export { sweepInbox } from './sweep';
/** Frees the reply-sending leases this instance held before a restart. */
export { releaseReplyLeases } from './replies/outbox';
/** Sends queued replies whose time has come, each exactly once (a scheduled job). */
export { sendDueReplies } from './replies/outbox';
/** Recomputes a conversation's intents, sentiment and priority after a correction of one of its posts. */
export { refreshConversationAnalysis } from './analysis-refresh';
/** In-app notifications (an @-mention in a note, an assignment). */
export { notifications } from './schema';
/** The inbox's live event hub (one per process; pg_notify across processes on PostgreSQL). */
export { LiveHub } from './live';
