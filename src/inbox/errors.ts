import { defineErrors, makeErrors } from '../core/errors';

/** The inbox's codes: conversations, replies and their outbox, saved replies, routing rules and teams. */
export const INBOX_ERRORS = defineErrors({
  CONVERSATION_NOT_FOUND: { kind: 'not_found', en: 'Conversation not found' },
  ASSIGNEE_NOT_ACTIVE: { kind: 'invalid', en: 'The assignee is not an active user of this workspace' },
  SNOOZE_NEEDS_TIME: { kind: 'invalid', en: 'Snoozing needs a time to wake up (snoozedUntil)' },
  SNOOZE_IN_PAST: { kind: 'invalid', en: 'snoozedUntil must be in the future' },
  SNOOZE_TIME_MISSING: { kind: 'invalid', en: 'Pick a time to snooze until' },
  NOTIFICATION_NOT_FOUND: { kind: 'not_found', en: 'Notification not found' },
  LIVE_UNAVAILABLE: { kind: 'conflict', en: 'Live updates are not available on this runtime' },

  REPLY_NOT_FOUND: { kind: 'not_found', en: 'Reply not found' },
  REPLY_EMPTY: { kind: 'invalid', en: 'The reply is empty' },
  REPLY_TOO_LONG: {
    kind: 'invalid',
    en: 'The reply is {length} characters as {platform} counts them; the limit is {limit}',
  },
  REPLY_PLATFORM_UNSUPPORTED: { kind: 'invalid', en: 'Replies cannot be sent on {platform}' },
  REPLY_TARGET_UNKNOWN: { kind: 'invalid', en: 'inReplyTo is not a post of this conversation' },
  REPLY_SOURCE_MISSING: { kind: 'conflict', en: 'No {platform} source is connected to reply from' },
  IDEMPOTENCY_KEY_REUSED: { kind: 'conflict', en: 'This idempotency key was already used for another reply' },
  REPLY_NOT_RETRYABLE: { kind: 'conflict', en: 'Only a failed reply can be retried (this one is {status})' },
  REPLY_CHANGED: { kind: 'conflict', en: 'The reply changed meanwhile' },

  REPLY_RETRACT_UNSUPPORTED: { kind: 'invalid', en: 'A response on {platform} cannot be taken down from here' },
  REPLY_NOT_SENT: { kind: 'conflict', en: 'Only a sent response can be taken down' },
  REPLY_NOT_LATEST: { kind: 'conflict', en: 'A later answer replaced this response; take that one down instead' },
  MODERATION_POST_UNKNOWN: { kind: 'not_found', en: 'That post is not in this conversation' },
  MODERATION_UNSUPPORTED: { kind: 'invalid', en: '{platform} does not let the account {action} posts' },
  MODERATION_SOURCE_MISSING: { kind: 'conflict', en: 'No {platform} source is connected to act from' },
  MODERATION_REFUSED: { kind: 'invalid', en: '{platform} refused: {reason}' },
  MODERATION_UNREACHABLE: { kind: 'unavailable', en: '{platform} did not answer; try again: {reason}' },

  SAVED_REPLY_NOT_FOUND: { kind: 'not_found', en: 'Saved reply not found' },
  SAVED_REPLY_VARIABLE_UNKNOWN: { kind: 'invalid', en: 'Unknown variable {unknown}; use {known}' },
  SAVED_REPLY_SHARED_ADMINS_ONLY: { kind: 'forbidden', en: 'Only admins change shared saved replies' },
  SAVED_REPLY_NOT_YOURS: { kind: 'forbidden', en: 'This saved reply belongs to someone else' },
  SAVED_REPLY_KEY_PRIVATE: {
    kind: 'invalid',
    en: 'An API key cannot own a private saved reply; make it shared',
  },

  RULE_NOT_FOUND: { kind: 'not_found', en: 'Rule not found' },
  RULE_ASSIGNEE_NOT_ACTIVE: { kind: 'invalid', en: 'assignUserId is not an active user of this workspace' },
  RULE_TEAM_UNKNOWN: { kind: 'invalid', en: 'roundRobinTeamId is not a team of this workspace' },
  RULE_ORDER_INCOMPLETE: { kind: 'invalid', en: 'List every rule of the workspace exactly once' },
  TEAM_NOT_FOUND: { kind: 'not_found', en: 'Team not found' },
  TEAM_MEMBER_UNKNOWN: { kind: 'invalid', en: 'Every member must be a user of this workspace' },
  TEAM_NAME_TAKEN: { kind: 'conflict', en: 'A team named {name} already exists' },
});

export const inboxError = makeErrors(INBOX_ERRORS);
