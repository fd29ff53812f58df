/** What staff may do to a post on its platform from the inbox: hide it (or show it again), delete it, like it. */
export const MODERATION_ACTIONS = ['hide', 'unhide', 'delete', 'like'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];
