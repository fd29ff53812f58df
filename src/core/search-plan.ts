/** What a topic asks of a platform's own search (topics/compile.ts makes it, a connector runs it). */
export interface SearchPlan {
  /** Searches to run, each in the platform's own syntax. */
  queries: string[];
  /** Hashtag timelines to read (Mastodon, whose full-text search is opt-in per post). */
  hashtags: string[];
}
