import type { DomainEvent } from '../core/events';
import type { LiveEvent } from '../core/live-events';
import type { Db } from '../db/types';
import { publish } from './live';
import type { Routed } from './routing';

/**
 * What the inbox tells after a chunk of mentions commits (the one flow, ingest/pipeline.ts): conversations
 * opened (new, or reopened by a new post), continued (a new post in one already open) and routed (what the
 * rules did). One event a chunk, not one a conversation: a 100,000-post import raises a thousand, not
 * a hundred thousand.
 */
export const CONVERSATIONS_OPENED = 'conversations.opened';
export const CONVERSATIONS_CONTINUED = 'conversations.continued';
export const CONVERSATIONS_ROUTED = 'conversations.routed';

export type ConversationsOpened = DomainEvent<
  typeof CONVERSATIONS_OPENED,
  { workspaceId: string; conversations: { id: string; reopened: boolean }[] }
>;
export type ConversationsContinued = DomainEvent<
  typeof CONVERSATIONS_CONTINUED,
  { workspaceId: string; conversationIds: string[] }
>;
export type ConversationsRouted = DomainEvent<typeof CONVERSATIONS_ROUTED, { workspaceId: string; routed: Routed[] }>;

export type InboxEvent = ConversationsOpened | ConversationsContinued | ConversationsRouted;

/** The live stream's small events for an inbox event (routing shows in the row an opening fetches). */
export function liveEventsOf(event: DomainEvent): { workspaceId: string; events: LiveEvent[] } | null {
  const e = event as InboxEvent;
  switch (e.name) {
    case CONVERSATIONS_OPENED:
      return {
        workspaceId: e.data.workspaceId,
        events: e.data.conversations.map((c) => ({
          type: 'conversation',
          id: c.id,
          change: c.reopened ? 'reopened' : 'created',
        })),
      };
    case CONVERSATIONS_CONTINUED:
      return {
        workspaceId: e.data.workspaceId,
        events: e.data.conversationIds.map((id) => ({ type: 'conversation', id, change: 'new_message' })),
      };
    default:
      return null;
  }
}

/** Names of the events the live stream announces. */
export const LIVE_EVENT_NAMES = [CONVERSATIONS_OPENED, CONVERSATIONS_CONTINUED] as const;

/** Announces an inbox event to open pages (pg_notify reaches every instance); safe to miss. */
export async function announceLive(db: Db, event: DomainEvent): Promise<void> {
  const live = liveEventsOf(event);
  if (live) await publish(db, live.workspaceId, live.events);
}
