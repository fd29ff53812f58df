/** Event names of the sources module, and their payloads. */
export const SOURCE_POLL_REQUESTED = 'sources/poll.requested' as const;
export interface SourcePollRequested {
  sourceId: string;
}

/**
 * A source stopped because a person has to act (the platform refused its credentials, or a permission is
 * missing): told once, when it turns failing for that reason, so admins can reconnect it.
 */
export const SOURCE_NEEDS_PERSON = 'sources.needs_person' as const;
export type SourceNeedsPerson = {
  workspaceId: string;
  sourceId: string;
  name: string;
  platform: string;
  reason: string;
  /** Not stopped yet: its token ends within days (sources/token-expiry.ts). */
  soon?: boolean;
  /** When its token ends or ended (ISO), for a source that needs reconnecting for that alone. */
  expiresAt?: string;
};
