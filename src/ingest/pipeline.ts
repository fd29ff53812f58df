import type { SocialPost } from '../connectors/types';
import type { Db } from '../db/types';
import { storePosts, type StoreResult } from '../mentions/store';
import type { Metrics } from '../server/metrics';
import { loadAnalyzer } from '../sentiment';
import type { Platform } from '../sources/schema';
import { matchTopics } from '../topics/match';
import type { CompiledTopic } from '../topics/plan';

/**
 * The one flow, for one page of posts from one source:
 *   match topics -> analyze (sentiment, language, intents, aspects) -> store idempotently ->
 *   (link author: contacts issue) -> (thread and route: inbox issue) -> count.
 * The caller saves the connector's cursor only after this returns: committed first, then advanced.
 */
export interface IngestDeps {
  db: Db;
  metrics: Metrics;
}

export interface IngestTarget {
  workspaceId: string;
  sourceId: string | null;
  platform: Platform;
  topics: CompiledTopic[];
}

export async function ingestPosts(deps: IngestDeps, target: IngestTarget, posts: SocialPost[]): Promise<StoreResult> {
  const { analyze } = await loadAnalyzer();
  const items = posts.map((post) => {
    const text = post.title ? `${post.title}\n${post.text}` : post.text;
    return {
      post,
      topicIds: matchTopics(target.topics, { text, authorHandle: post.author.handle }),
      analysis: analyze(text),
    };
  });
  const result = await deps.db.transaction((tx) => storePosts(tx, target, items));
  if (result.inserted > 0) deps.metrics.postsIngested.inc({ platform: target.platform }, result.inserted);
  return result;
}
