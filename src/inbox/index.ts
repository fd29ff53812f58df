/**
 * Inbox: conversations (threading, routing, SLAs, priority, notes, notifications), replies with their
 * exactly-once outbox, saved replies, the live stream and the inbox pages.
 * What other parts of the app may use (docs/architecture.md); the rest of the folder is its own.
 */
/** A conversation's posts, replies, notes and events in time order. */
export { conversationThread } from './conversations.service';
/** The flow's thread step: joins newly stored mentions to conversations (opens, reopens them). */
export { threadMentions } from './threading';
/** A conversation a chunk of mentions created, reopened or added to. */
export type { ThreadedConversation, ThreadedMention } from './threading';
/** The flow's prioritise step: conversations that already existed get their priority from their merged state. */
export { prioritiseThreaded } from './threading';
/** The flow's route step: the workspace's routing rules applied to new conversations. */
export { routeConversations, type Routed } from './routing';
/** The events the flow raises for conversations (opened, continued, routed), their names and constructors. */
export {
  CONVERSATIONS_CONTINUED,
  CONVERSATIONS_OPENED,
  CONVERSATIONS_ROUTED,
  type ConversationsContinued,
  type ConversationsOpened,
  type ConversationsRouted,
} from './events';
/** Announces an inbox event on the live stream; the names it announces. */
export { announceLive, LIVE_EVENT_NAMES } from './events';
/** What one inbox sweep woke and flagged. */
export type { SweepResult } from './sweep';
/** Wakes snoozed conversations and flags SLA breaches (a scheduled job). */
export { sweepInbox } from './sweep';
/** Frees the reply-sending leases this instance held before a restart. */
export { releaseReplyLeases } from './replies/outbox';
/** Sends queued replies whose time has come, each exactly once (a scheduled job). */
export { sendDueReplies } from './replies/outbox';
/** Recomputes conversations' intents, sentiment and priority after their posts were corrected or re-analysed. */
export { refreshConversationsAnalysis } from './analysis-refresh';
/** After a change of the confidence threshold: the open conversations it concerns get their priority again. */
export { reprioritiseConfidenceBand } from './analysis-refresh';
/** In-app notifications (an @-mention in a note, an assignment): the table, for foreign keys only. */
export { notifications } from './schema';
/** Leaves notices in people's in-app notifications, in the caller's transaction. */
export { notify, type Notice } from './notifications.service';
/** The inbox's live event hub (one per process; pg_notify across processes on PostgreSQL). */
export { LiveHub } from './live';
/** The conversations as another feature's query reads them: a typed subquery aliased `c` (reports). */
export { conversationFacts } from './conversation-facts';
/** Conversations and notes, as holders of contact references a merge moves (composition registers them). */
export { inboxContactHolders } from './contact-holders';
/** The inbox's error codes, with their kinds and messages (the error catalogue lists them). */
export { INBOX_ERRORS } from './errors';
