import type { DomainEvent } from '../core/events';

/** A workspace's vocabulary changed: the mentions with the term are marked, and re-analysis may start. */
export const VOCABULARY_CHANGED = 'vocabulary.changed';

export type VocabularyChanged = DomainEvent<typeof VOCABULARY_CHANGED, { workspaceId: string; marked: number }>;
