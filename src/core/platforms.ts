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
  'linkedin',
  'youtube',
  'google_reviews',
  'app_store',
  'google_play',
  'import',
  'demo',
  'community',
] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Where customers leave star ratings: their posts are reviews (1-5 stars), whatever else they say. */
export const REVIEW_PLATFORMS = ['google_reviews', 'app_store', 'google_play'] as const satisfies readonly Platform[];
