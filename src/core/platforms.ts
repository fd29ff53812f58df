/**
 * Where a mention can come from. `community`: posts on the workspace's own board (reviews, ideas,
 * comments), analysed like the rest; `import`: rows of an uploaded export; `demo`: the sample workspace.
 */
export const PLATFORMS = [
  'x',
  'mastodon',
  'bluesky',
  'reddit',
  'hackernews',
  'rss',
  'facebook',
  'instagram',
  'threads',
  'import',
  'demo',
  'community',
] as const;
export type Platform = (typeof PLATFORMS)[number];
