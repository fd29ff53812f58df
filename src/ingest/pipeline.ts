import { yieldToEventLoop } from '../core/concurrency';
import type { SocialPost } from '../core/social-post';
import { addActivity, engagementOf, type MentionFacts, identityKey, linkAuthors } from '../contacts';
import type { Clock } from '../core/clock';
import type { EventPublisher } from '../core/events';
import {
  CONVERSATIONS_CONTINUED,
  CONVERSATIONS_OPENED,
  CONVERSATIONS_ROUTED,
  type ConversationsContinued,
  type ConversationsOpened,
  type ConversationsRouted,
  prioritiseThreaded,
  type Routed,
  routeConversations,
  type ThreadedConversation,
  type ThreadedMention,
  threadMentions,
} from '../inbox';
import { transact } from '../db/transact';
import type { Db } from '../db/types';
import {
  analysedText,
  clipText,
  type MentionsStored,
  mentionsStored,
  storedConfidence,
  storePosts,
  type StoreResult,
} from '../mentions';
import { confidenceThreshold } from '../accounts';
import { applyFacts, type CountingRules, reportTimeZone, type RollupFact, rollupFactOf, storedFacts } from '../reports';
import type { Metrics } from '../http/metrics';
import { type Analysis, loadAnalyzer } from '../sentiment';
import type { Platform } from '../core/platforms';
import { matchTopics } from '../topics';
import { workspaceLexicon } from '../vocabulary';
import type { CompiledTopic } from '../topics';
import { checkPost } from './validate-post';
import { reviewOpensConversation } from './review-threading';

/**
 * The one flow, for one page of posts from one source, read top to bottom:
 *   preparePosts (CPU, no writes): check -> dedupe -> chunk -> match topics -> analyse (workspace vocabulary)
 *   storePrepared, each chunk in one transaction (100 posts on PGlite, 500 on PostgreSQL), ingestChunk:
 *     link authors -> store idempotently -> count in the report rollups -> contacts' activity ->
 *     thread into conversations -> prioritise -> route
 *   and after each commit its events (mentions stored, conversations opened / continued / routed) go to
 *   the listeners (the live stream, ...). The caller saves the connector's cursor only after this
 *   returns: committed first, then advanced.
 */
export interface IngestDeps {
  db: Db;
  /** Where each chunk's events go once it commits (the app's EventBus). */
  events: EventPublisher;
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
   * Which new posts join the inbox as conversations (when not given: all but the reviews that are neither
   * low-rated nor negative, see review-threading.ts). The community board
   * sends every post through analysis but only negative reviews to the inbox.
   */
  threadIf?: (post: SocialPost, analysis: Analysis) => boolean;
  /** The source's products and places mapped to product topics: a review of one is about that topic. */
  placeTopics?: Record<string, string>;
}

/** A review's mapped product topic joins the topics its words matched (once, and only a live topic's). */
function withPlaceTopic(matched: string[], placeTopic: string | false | undefined | null): string[] {
  return placeTopic && !matched.includes(placeTopic) ? [...matched, placeTopic] : matched;
}

/** A post the gate turned away, with why (src/ingest/validate-post.ts). */
export interface RejectedPost {
  externalId: string;
  reason: string;
}

export interface IngestResult extends StoreResult {
  rejected: RejectedPost[];
  /** What the flow told after each chunk committed (mentions stored, conversations opened, routed). */
  events: FlowEvent[];
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
 * each post matched to topics and analyzed (with the workspace's vocabulary). CPU but for one small read
 * of that vocabulary, no writes: an import prepares its next batch while the database stores the one
 * before (src/imports/batches.ts).
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
  // The workspace's own terms ("sick" as praise): one small query a page with posts, compiled once a change.
  const lexicon = valid.size ? await workspaceLexicon(deps.db, target.workspaceId) : undefined;
  const chunks: PreparedPost[][] = [];
  for (const [i, chunk] of chunkPosts([...valid.values()], ingestChunkLimits(deps.dbKind)).entries()) {
    // Analysis is the costly part: a turn of the event loop between chunks lets others in.
    if (i > 0) await yieldToEventLoop();
    chunks.push(
      chunk.map((post) => {
        const text = analysedText(post);
        return {
          post,
          topicIds: withPlaceTopic(
            matchTopics(target.topics, { text, authorHandle: post.author.handle }),
            post.place && target.placeTopics?.[post.place.id],
          ),
          analysis: analyze(text, { lexicon }),
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
    editedRows: [],
    rejected: page.rejected,
    events: [],
  };
  for (const [i, chunk] of page.chunks.entries()) {
    if (i > 0) await yieldToEventLoop();
    const { stored: r, events } = await ingestChunk(deps, target, chunk);
    total.events.push(...events);
    total.inserted += r.inserted;
    total.edited += r.edited;
    total.insertedIds.push(...r.insertedIds);
    total.insertedRows.push(...r.insertedRows);
    total.editedExternalIds.push(...r.editedExternalIds);
    total.editedRows.push(...r.editedRows);
  }
  total.duplicates = page.fetched - page.rejected.length - total.inserted;
  if (total.inserted > 0) deps.metrics.postsIngested.inc({ platform: target.platform }, total.inserted);
  return total;
}

/** One chunk of distinct, checked posts, in one transaction; its events are told after commit. */
async function ingestChunk(deps: IngestDeps, target: IngestTarget, items: PreparedPost[]): Promise<ChunkOutcome> {
  const now = deps.clock();
  return transact(deps, async (tx, emit) => {
    // Which labels are uncertain (counted apart, no reason for priority); held till commit, so a change of
    // the threshold waits for this chunk and recounts it with the rest.
    const threshold = await confidenceThreshold(tx, target.workspaceId, 'share');
    // The reports count each post on its day in the workspace's zone, read once with the row held (as above).
    const counting: CountingRules = { threshold, timeZone: await reportTimeZone(tx, target.workspaceId) };
    const linked = await linkStep(tx, target, items, now);
    const before = await storedFacts(tx, target.workspaceId, target.platform, externalIds(items), counting);
    const stored = await storePosts(tx, target, linked);
    await countInRollups(tx, target, linked, before, stored, counting);
    await addActivity(tx, target.workspaceId, activityOf(target, linked, stored), now);
    const threaded = await threadMentions(
      tx,
      target.workspaceId,
      target.platform,
      toThread(target, linked, stored),
      now,
      threshold,
    );
    await prioritiseThreaded(tx, threaded, now);
    const routed = await routeConversations(tx, target.workspaceId, opened(threaded), now);
    const events = flowEvents(target, stored, threaded, routed);
    for (const event of events) emit(event);
    return { stored, events };
  });
}

/** What a chunk stored, and the events it raised. */
interface ChunkOutcome {
  stored: StoreResult;
  events: FlowEvent[];
}

/** The events the one flow raises, delivered after commit (core/events.ts, server/listeners.ts). */
export type FlowEvent = MentionsStored | ConversationsOpened | ConversationsContinued | ConversationsRouted;

type LinkedPost = PreparedPost & { link: { identityId: string; contactId: string } | undefined };

const externalIds = (items: PreparedPost[]) => items.map((i) => i.post.externalId);

/** Link: each author to an identity and a contact (contacts/link.ts). */
async function linkStep(tx: Db, target: IngestTarget, items: PreparedPost[], now: Date): Promise<LinkedPost[]> {
  const links = await linkAuthors(
    tx,
    target.workspaceId,
    target.platform,
    items.map((i) => i.post.author),
    now,
  );
  return items.map((i) => {
    const key = identityKey(i.post.author);
    return { ...i, link: key ? links.get(key) : undefined };
  });
}

/**
 * Rollups: what the reports count of each post. Posts stored before and edited now move from their old
 * counts to their new ones (a staff correction of the sentiment stays).
 */
async function countInRollups(
  tx: Db,
  target: IngestTarget,
  linked: LinkedPost[],
  before: Awaited<ReturnType<typeof storedFacts>>,
  stored: StoreResult,
  counting: CountingRules,
) {
  const byExternalId = new Map(linked.map((i) => [i.post.externalId, i]));
  // Counted as the row now stands: a new post, or an edit at the post's first time and contact (the store
  // keeps those), with its new text and analysis and the correction staff made.
  const factOf = (row: StoreResult['insertedRows'][number], override: string | null): RollupFact | null => {
    const item = byExternalId.get(row.externalId);
    if (!item) return null;
    const a = item.analysis;
    return rollupFactOf(
      {
        postedAt: row.postedAt,
        platform: target.platform,
        externalId: row.externalId,
        language: a.language,
        label: a.label,
        confidence: storedConfidence(a),
        override,
        topicIds: item.topicIds,
        contactId: row.contactId,
        keyTerms: a.keyTerms,
        text: clipText(item.post.text),
        aspects: a.aspects,
      },
      counting,
    );
  };
  const edited = stored.editedExternalIds.flatMap((id) => (before.has(id) ? [before.get(id)!] : []));
  await applyFacts(tx, target.workspaceId, edited, -1);
  await applyFacts(
    tx,
    target.workspaceId,
    [
      ...stored.insertedRows.map((r) => factOf(r, null)),
      ...stored.editedRows.map((r) => factOf(r, before.get(r.externalId)?.override ?? null)),
    ].filter((f): f is RollupFact => f !== null),
    1,
  );
}

/** Activity: what each new mention adds to its contact's totals and score. */
function activityOf(target: IngestTarget, linked: LinkedPost[], stored: StoreResult): MentionFacts[] {
  const byExternalId = new Map(linked.map((i) => [i.post.externalId, i]));
  return stored.insertedRows.flatMap((r) => {
    const item = byExternalId.get(r.externalId);
    if (!r.contactId || !item) return [];
    const a = item.analysis;
    return [
      {
        contactId: r.contactId,
        postedAt: r.postedAt,
        platform: target.platform,
        engagement: engagementOf(item.post.metrics),
        sentiment: a.label !== 'unscored' ? a.score : null,
        purchaseIntent: a.intents.includes('purchase_intent'),
        question: a.intents.includes('question'),
      },
    ];
  });
}

/** Thread: the new mentions the inbox should see (the target says which; reviewOpensConversation else). */
function toThread(target: IngestTarget, linked: LinkedPost[], stored: StoreResult): ThreadedMention[] {
  const byExternalId = new Map(linked.map((i) => [i.post.externalId, i]));
  return stored.insertedRows.flatMap((r) => {
    const item = byExternalId.get(r.externalId);
    if (!item || !(target.threadIf ?? reviewOpensConversation)(item.post, item.analysis)) return [];
    return [
      { mentionId: r.id, post: item.post, analysis: item.analysis, topicIds: item.topicIds, contactId: r.contactId },
    ];
  });
}

/** Route: routing rules take new conversations only; an ongoing one keeps the hands it is in. */
const opened = (threaded: ThreadedConversation[]) =>
  threaded.flatMap((c) => (c.created && c.facts ? [{ id: c.id, facts: c.facts }] : []));

/** What the chunk tells after commit: mentions stored, conversations opened, continued and routed. */
function flowEvents(
  target: IngestTarget,
  stored: StoreResult,
  threaded: ThreadedConversation[],
  routed: Routed[],
): FlowEvent[] {
  const { workspaceId } = target;
  const events: FlowEvent[] = [];
  if (stored.insertedIds.length || stored.editedExternalIds.length)
    events.push(
      mentionsStored({
        workspaceId,
        platform: target.platform,
        sourceId: target.sourceId,
        mentionIds: stored.insertedIds,
        editedExternalIds: stored.editedExternalIds,
      }),
    );
  const openedNow = threaded.filter((c) => c.created || c.reopened);
  if (openedNow.length)
    events.push({
      name: CONVERSATIONS_OPENED,
      data: { workspaceId, conversations: openedNow.map((c) => ({ id: c.id, reopened: !c.created })) },
    });
  const continued = threaded.filter((c) => !c.created && !c.reopened);
  if (continued.length)
    events.push({
      name: CONVERSATIONS_CONTINUED,
      data: { workspaceId, conversationIds: continued.map((c) => c.id) },
    });
  if (routed.length) events.push({ name: CONVERSATIONS_ROUTED, data: { workspaceId, routed } });
  return events;
}
