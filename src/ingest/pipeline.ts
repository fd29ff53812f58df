import type { SocialPost } from '../core/social-post';
import { addActivity, engagementOf, type MentionFacts, identityKey, linkAuthors } from '../contacts';
import type { Clock } from '../core/clock';
import { threadMentions } from '../inbox';
import type { Db } from '../db/types';
import { clipText, storePosts, type StoreResult } from '../mentions';
import { applyFacts, channelOf, type RollupFact, storedFacts, termsOf } from '../reports';
import type { Metrics } from '../http/metrics';
import { type Analysis, loadAnalyzer } from '../sentiment';
import type { Platform } from '../core/platforms';
import { matchTopics } from '../topics';
import type { CompiledTopic } from '../topics';
import { checkPost } from './validate-post';

/**
 * The one flow, for one page of posts from one source:
 *   match topics -> analyze (sentiment, language, intents, aspects) -> link authors to contacts ->
 *   store idempotently (and count in the report rollups) -> add to the contacts' activity and score ->
 *   thread into conversations ->
 *   (route: inbox rules) -> count. Each chunk of checked posts (100 on PGlite, 500 on PostgreSQL) in one transaction.
 * The caller saves the connector's cursor only after this returns: committed first, then advanced.
 */
export interface IngestDeps {
  db: Db;
  metrics: Metrics;
  clock: Clock;
  /** Which database: chunks are larger on PostgreSQL (see ingestChunkLimits). */
  dbKind?: 'pglite' | 'postgres';
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

/** A post the gate turned away, with why (src/ingest/validate-post.ts). */
export interface RejectedPost {
  externalId: string;
  reason: string;
}

export interface IngestResult extends StoreResult {
  rejected: RejectedPost[];
}

/**
 * Posts go through in chunks, each its own transaction, with a turn of the event loop between them:
 * a 1,000-item feed must not keep /health (or anyone else) waiting for seconds, on PGlite least of
 * all, where the database runs on the same thread and a query waits for the open transaction. A
 * chunk's cost grows with its text (analysis, full-text index), so a chunk ends at 100 posts or at
 * 32 KB of text: 100 tweets, or eight long blog posts. A chunk is idempotent like a page, so a
 * crash between chunks repeats nothing when the page is fetched again.
 */
export interface ChunkLimits {
  maxPosts: number;
  maxTextChars: number;
}

export const INGEST_CHUNK: ChunkLimits = { maxPosts: 100, maxTextChars: 32_000 };

/**
 * PostgreSQL runs other queries beside an open transaction, so there a chunk only has to stay
 * short enough not to hold contacts' rows for long: 500 posts or 160 KB of text, which imports
 * 200,000 rows at 1.7x the rate of 100-post chunks (fewer statements per post).
 */
export const POSTGRES_INGEST_CHUNK: ChunkLimits = { maxPosts: 500, maxTextChars: 160_000 };

export const ingestChunkLimits = (dbKind: IngestDeps['dbKind']): ChunkLimits =>
  dbKind === 'postgres' ? POSTGRES_INGEST_CHUNK : INGEST_CHUNK;

/** Cuts distinct posts into chunks by count and by the length of their text. */
export function chunkPosts(posts: SocialPost[], limits = INGEST_CHUNK): SocialPost[][] {
  const chunks: SocialPost[][] = [];
  let current: SocialPost[] = [];
  let chars = 0;
  for (const post of posts) {
    const length = post.text.length + (post.title?.length ?? 0);
    if (current.length > 0 && (current.length >= limits.maxPosts || chars + length > limits.maxTextChars)) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
    current.push(post);
    chars += length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function ingestPosts(deps: IngestDeps, target: IngestTarget, posts: SocialPost[]): Promise<IngestResult> {
  return storePrepared(deps, target, await preparePosts(deps, target, posts));
}

/** One post with what the pipeline found in it, before anything is stored. */
interface PreparedPost {
  post: SocialPost;
  topicIds: string[];
  analysis: Analysis;
}

/**
 * A page made ready to store: checked (rejects with their reasons), deduplicated, cut into chunks,
 * each post matched to topics and analyzed. Only CPU, no database: an import prepares its next batch
 * while the database stores the one before (src/imports/batches.ts).
 */
export interface PreparedPage {
  fetched: number;
  rejected: RejectedPost[];
  chunks: PreparedPost[][];
}

export async function preparePosts(deps: IngestDeps, target: IngestTarget, posts: SocialPost[]): Promise<PreparedPage> {
  const now = deps.clock();
  const rejected: RejectedPost[] = [];
  // The last copy of a repeated id wins, as in the store.
  const valid = new Map<string, SocialPost>();
  for (const post of posts) {
    const checked = checkPost(post, now);
    if (checked.ok) {
      valid.delete(checked.post.externalId);
      valid.set(checked.post.externalId, checked.post);
    } else rejected.push({ externalId: checked.externalId, reason: checked.reason });
  }
  const { analyze } = await loadAnalyzer();
  const chunks: PreparedPost[][] = [];
  for (const [i, chunk] of chunkPosts([...valid.values()], ingestChunkLimits(deps.dbKind)).entries()) {
    // Analysis is the costly part: a turn of the event loop between chunks lets others in.
    if (i > 0) await yieldToEventLoop();
    chunks.push(
      chunk.map((post) => {
        const text = post.title ? `${post.title}\n${post.text}` : post.text;
        return {
          post,
          topicIds: matchTopics(target.topics, { text, authorHandle: post.author.handle }),
          analysis: analyze(text),
        };
      }),
    );
  }
  return { fetched: posts.length, rejected, chunks };
}

/** Stores a prepared page, a transaction a chunk. */
export async function storePrepared(deps: IngestDeps, target: IngestTarget, page: PreparedPage): Promise<IngestResult> {
  const total: IngestResult = {
    fetched: page.fetched,
    inserted: 0,
    duplicates: 0,
    edited: 0,
    insertedIds: [],
    insertedRows: [],
    editedExternalIds: [],
    rejected: page.rejected,
  };
  for (const [i, chunk] of page.chunks.entries()) {
    if (i > 0) await yieldToEventLoop();
    const r = await ingestChunk(deps, target, chunk);
    total.inserted += r.inserted;
    total.edited += r.edited;
    total.insertedIds.push(...r.insertedIds);
    total.insertedRows.push(...r.insertedRows);
    total.editedExternalIds.push(...r.editedExternalIds);
  }
  total.duplicates = page.fetched - page.rejected.length - total.inserted;
  if (total.inserted > 0) deps.metrics.postsIngested.inc({ platform: target.platform }, total.inserted);
  return total;
}

/** One chunk of distinct, checked posts, in one transaction. */
async function ingestChunk(deps: IngestDeps, target: IngestTarget, items: PreparedPost[]): Promise<StoreResult> {
  const posts = items.map((i) => i.post);
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const links = await linkAuthors(
      tx,
      target.workspaceId,
      target.platform,
      posts.map((p) => p.author),
      now,
    );
    const linked = items.map((i) => {
      const key = identityKey(i.post.author);
      return { ...i, link: key ? links.get(key) : undefined };
    });
    const byExternalId = new Map(linked.map((i) => [i.post.externalId, i]));
    // What the report rollups count of each post; posts stored before and edited now move from
    // their old counts to their new ones (a staff correction of the sentiment stays).
    const before = await storedFacts(
      tx,
      target.workspaceId,
      target.platform,
      posts.map((p) => p.externalId),
    );
    const stored = await storePosts(tx, target, linked);
    const factOf = (
      externalId: string,
      override: string | null = null,
      contactId: string | null = null,
    ): RollupFact | null => {
      const item = byExternalId.get(externalId);
      if (!item) return null;
      const label = override ?? item.analysis.label;
      const a = item.analysis;
      return {
        day: item.post.createdAt.toISOString().slice(0, 10),
        channel: channelOf(target.platform, externalId),
        platform: target.platform,
        language: a.language ?? '',
        label,
        topicIds: item.topicIds,
        terms: termsOf(a.keyTerms, clipText(item.post.text), a.aspects, label),
        contactId,
      };
    };
    const edited = stored.editedExternalIds.flatMap((id) => (before.has(id) ? [before.get(id)!] : []));
    await applyFacts(tx, target.workspaceId, edited, -1);
    await applyFacts(
      tx,
      target.workspaceId,
      [
        ...stored.insertedRows.map((r) => factOf(r.externalId, null, r.contactId)),
        ...stored.editedExternalIds.map((id) =>
          factOf(id, before.get(id)?.override ?? null, before.get(id)?.contactId ?? null),
        ),
      ].filter((f): f is RollupFact => f !== null),
      1,
    );
    const facts: MentionFacts[] = stored.insertedRows.flatMap((r) => {
      const item = byExternalId.get(r.externalId);
      if (!r.contactId || !item) return [];
      const a = item.analysis;
      const scored = a.label !== 'unscored';
      return [
        {
          contactId: r.contactId,
          postedAt: r.postedAt,
          platform: target.platform,
          engagement: engagementOf(item.post.metrics),
          sentiment: scored ? a.score : null,
          purchaseIntent: a.intents.includes('purchase_intent'),
          question: a.intents.includes('question'),
        },
      ];
    });
    await addActivity(tx, target.workspaceId, facts, now);
    await threadMentions(
      tx,
      target.workspaceId,
      target.platform,
      stored.insertedRows.flatMap((r) => {
        const item = byExternalId.get(r.externalId);
        if (!item || (target.threadIf && !target.threadIf(item.post, item.analysis))) return [];
        return [
          {
            mentionId: r.id,
            post: item.post,
            analysis: item.analysis,
            topicIds: item.topicIds,
            contactId: r.contactId,
          },
        ];
      }),
      now,
    );
    return stored;
  });
}
