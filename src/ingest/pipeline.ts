import type { SocialPost } from '../connectors/types';
import { addActivity, engagementOf, type MentionFacts } from '../contacts/activity';
import { identityKey, linkAuthors } from '../contacts/link';
import type { Clock } from '../core/clock';
import { threadMentions } from '../inbox/threading';
import type { Db } from '../db/types';
import { storePosts, type StoreResult } from '../mentions/store';
import { applyToRollups, storedIds } from '../reports/rollups';
import type { Metrics } from '../server/metrics';
import { type Analysis, loadAnalyzer } from '../sentiment';
import type { Platform } from '../sources/schema';
import { matchTopics } from '../topics/match';
import type { CompiledTopic } from '../topics/plan';

/**
 * The one flow, for one page of posts from one source:
 *   match topics -> analyze (sentiment, language, intents, aspects) -> link authors to contacts ->
 *   store idempotently (and count in the report rollups) -> add to the contacts' activity and score -> thread into conversations ->
 *   (route: inbox rules) -> count. All in one transaction.
 * The caller saves the connector's cursor only after this returns: committed first, then advanced.
 */
export interface IngestDeps {
  db: Db;
  metrics: Metrics;
  clock: Clock;
}

export interface IngestTarget {
  workspaceId: string;
  sourceId: string | null;
  platform: Platform;
  topics: CompiledTopic[];
  /**
   * Which new posts join the inbox as conversations (all, when not given). The community board
   * sends every post through analysis but only negative reviews to the inbox.
   */
  threadIf?: (post: SocialPost, analysis: Analysis) => boolean;
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
  const now = deps.clock();
  const result = await deps.db.transaction(async (tx) => {
    const links = await linkAuthors(tx, target.workspaceId, target.platform, posts.map((p) => p.author), now);
    const linked = items.map((i) => {
      const key = identityKey(i.post.author);
      return { ...i, link: key ? links.get(key) : undefined };
    });
    // Posts stored before (edits, re-deliveries) leave the report rollups and come back as they are now.
    const before = await storedIds(tx, target.workspaceId, target.platform, posts.map((p) => p.externalId));
    await applyToRollups(tx, before, -1);
    const stored = await storePosts(tx, target, linked);
    await applyToRollups(tx, [...stored.insertedIds, ...before], 1);
    const byExternalId = new Map(linked.map((i) => [i.post.externalId, i]));
    const facts: MentionFacts[] = stored.insertedRows.flatMap((r) => {
      const item = byExternalId.get(r.externalId);
      if (!r.contactId || !item) return [];
      const a = item.analysis;
      const scored = a.label !== 'unscored';
      return [{ contactId: r.contactId, postedAt: r.postedAt, platform: target.platform, engagement: engagementOf(item.post.metrics), sentiment: scored ? a.score : null, purchaseIntent: a.intents.includes('purchase_intent'), question: a.intents.includes('question') }];
    });
    await addActivity(tx, target.workspaceId, facts, now);
    await threadMentions(
      tx,
      target.workspaceId,
      target.platform,
      stored.insertedRows.flatMap((r) => {
        const item = byExternalId.get(r.externalId);
        if (!item || (target.threadIf && !target.threadIf(item.post, item.analysis))) return [];
        return [{ mentionId: r.id, post: item.post, analysis: item.analysis, topicIds: item.topicIds, contactId: r.contactId }];
      }),
      now,
    );
    return stored;
  });
  if (result.inserted > 0) deps.metrics.postsIngested.inc({ platform: target.platform }, result.inserted);
  return result;
}
