import type { DomainEvent } from '../core/events';
import type { Platform } from '../core/platforms';

/** Posts of one chunk were stored as mentions (new ones, and stored ones the platform edited). */
export const MENTIONS_STORED = 'mentions.stored';

export type MentionsStored = DomainEvent<
  typeof MENTIONS_STORED,
  {
    workspaceId: string;
    platform: Platform;
    sourceId: string | null;
    mentionIds: string[];
    editedExternalIds: string[];
  }
>;

export const mentionsStored = (data: MentionsStored['data']): MentionsStored => ({ name: MENTIONS_STORED, data });
