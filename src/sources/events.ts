/** Event names of the sources module, and their payloads. */
export const SOURCE_POLL_REQUESTED = 'sources/poll.requested' as const;
export interface SourcePollRequested {
  sourceId: string;
}
