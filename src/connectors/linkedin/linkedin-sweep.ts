import type { SocialPost } from '../../core/social-post';
import { forgetGone, type RecheckState, recheckBatch, rememberSeen } from '../recheck';
import { ConnectorError, type Cursor, type PollPage, type SkippedItem } from '../types';
import { type LinkedInClient, restliEncode, restliList, restliRecord } from './linkedin-client';
import {
  type CommentPlace,
  commentTime,
  commentUrnOf,
  commentUrnParts,
  liCommentSchema,
  liCommentToSocial,
  liMentionToSocial,
  liNotificationSchema,
  liPostSchema,
  mentionedIn,
} from './linkedin-items';

/**
 * One LinkedIn sweep, one request per poll: the Page's recent posts (newest change first, back to a month), then
 * for each of them its comments and, for every comment that has some, its replies; then the notifications of
 * posts mentioning the Page; then a few remembered comments and posts asked about again (edited or gone). The
 * cursor says where the sweep stands. Comments are read again on every sweep (LinkedIn says nothing of a post
 * that got new comments), and only those written or edited since the last sweep began become posts.
 */
export const READ_PERMISSION = 'r_organization_social';
export const WRITE_PERMISSION = 'w_organization_social';
export const ADMIN_PERMISSION = 'rw_organization_admin';

const DAY_MS = 86_400_000;
const POSTS_PAGE = 10;
export const COMMENTS_PAGE = 50;
const NOTIFICATIONS_PAGE = 10;
/** Comments are read under posts that changed within this many days. */
const RECENT_POST_DAYS = 30;
/** Without `since`, the first sweep brings comments and mentions of the last week. */
const FIRST_SWEEP_DAYS = 7;
/** LinkedIn keeps organisation notifications for 60 days. */
const NOTIFICATIONS_KEPT_DAYS = 59;
/** Clocks differ: what changed a little before the mark is read again (the store keeps one copy). */
export const SLACK_MS = 5 * 60_000;
const MAX_QUEUED_POSTS = 50;
const MAX_THREADS = 50;
const RECHECK_BATCH = 5;
const MAX_REMEMBERED = 100;

type Stage = 'posts' | 'comments' | 'mentions' | 'recheck';

export interface LinkedInCursor {
  /** Epoch ms: comments changed, and mentions notified, up to here are read. */
  read: { comments?: number; mentions?: number };
  stage?: Stage;
  /** The first sweep's `since` (epoch ms): posts are read back this far when it is older than a month. */
  backfill?: number;
  /** When this sweep began: the comment mark once it ends. */
  sweepStart?: number;
  /** The end of this sweep's mention window: the mention mark once it ends. */
  until?: number;
  /** Where the next page of the current list starts. */
  start?: number;
  /** The Page's recent posts whose comments wait (the first is being read). */
  posts?: string[];
  /** 'replies' once the first post's comments are read and the comments with replies (`threads`) are next. */
  phase?: 'top' | 'replies';
  threads?: string[];
  recheck?: RecheckState;
  /** Ids this sweep brought in, newest first: remembered for rechecking once it ends. */
  fresh?: string[];
  /** Where each remembered comment is: [the post, the comment it answers]. */
  where?: Record<string, [string, string?]>;
}

export interface SweepContext {
  api: LinkedInClient;
  organizationUrn: string;
  cursor: Cursor | null;
  now: Date;
  since?: Date | undefined;
}

type Page = { posts: SocialPost[]; skipped: SkippedItem[]; removed?: string[] };

export async function sweepPage(ctx: SweepContext): Promise<PollPage> {
  // The first sweep starts its marks at `since` (else a week back); a backfill reads posts back that far too.
  const floor = ctx.since ? ctx.since.getTime() : ctx.now.getTime() - FIRST_SWEEP_DAYS * DAY_MS;
  const c = (ctx.cursor as LinkedInCursor | null) ?? {
    read: { comments: floor, mentions: floor },
    ...(ctx.since ? { backfill: floor } : {}),
  };
  const stage = c.stage ?? 'posts';
  if (stage === 'posts') return postsStage(ctx, c);
  if (stage === 'comments') return commentsStage(ctx, c);
  if (stage === 'mentions') return mentionsStage(ctx, c);
  return recheckStage(ctx, c);
}

const toCursor = (c: LinkedInCursor) => c as unknown as Cursor;

function done(page: Page, next: LinkedInCursor, more = true): PollPage {
  const { stage, ...rest } = remember(next, page.posts);
  return {
    posts: page.posts,
    skipped: page.skipped,
    ...(page.removed?.length ? { removed: page.removed } : {}),
    more,
    cursor: toCursor(stage ? { ...rest, stage } : rest),
  };
}

/**
 * The cursor with these posts noted as brought in by this sweep (with where each comment is). They join the
 * remembered ids once the sweep has asked about the older ones, so a sweep never asks again what it just read.
 */
function remember(c: LinkedInCursor, posts: SocialPost[]): LinkedInCursor {
  if (posts.length === 0) return c;
  const ids = posts.map((p) => p.externalId);
  const fresh = [...new Set([...ids, ...(c.fresh ?? [])])].slice(0, MAX_REMEMBERED);
  const where = { ...c.where };
  for (const p of posts) {
    if (p.kind !== 'comment' || !p.threadExternalId) continue;
    const parent = (p.raw as { parentComment?: string }).parentComment;
    where[p.externalId] = parent ? [p.threadExternalId, parent] : [p.threadExternalId];
  }
  return { ...c, fresh, where };
}

/** The cursor of a finished sweep: its marks, and what it brought in now remembered for rechecking. */
function endOfSweep(c: LinkedInCursor, recheck: RecheckState | undefined): LinkedInCursor {
  const merged = c.fresh?.length ? rememberSeen(recheck, c.fresh, MAX_REMEMBERED) : recheck;
  const keep = new Set(merged?.ids ?? []);
  const where = Object.fromEntries(Object.entries(c.where ?? {}).filter(([id]) => keep.has(id)));
  return { read: c.read, ...(merged ? { recheck: merged } : {}), ...(Object.keys(where).length ? { where } : {}) };
}

/** Where a sweep goes once the comments are read: the mentions, from the first page. */
function afterComments(c: LinkedInCursor): LinkedInCursor {
  const { posts: _p, phase: _ph, threads: _t, start: _s, ...rest } = c;
  return { ...rest, read: { ...c.read, comments: c.sweepStart ?? c.read.comments }, stage: 'mentions' };
}

async function postsStage(ctx: SweepContext, c: LinkedInCursor): Promise<PollPage> {
  const nowMs = ctx.now.getTime();
  const start = c.start ?? 0;
  const sweepStart = c.sweepStart ?? nowMs;
  const postFloor = Math.min(nowMs - RECENT_POST_DAYS * DAY_MS, c.backfill ?? Number.POSITIVE_INFINITY);
  const page = await ctx.api.page(
    '/rest/posts',
    { author: restliEncode(ctx.organizationUrn), q: 'author' },
    start,
    POSTS_PAGE,
    { permission: READ_PERMISSION },
  );
  const skipped: SkippedItem[] = [];
  const queued = [...(c.posts ?? [])];
  let reachedOld = false;
  let usable = 0;
  for (const item of page.items) {
    const p = liPostSchema.pick({ id: true, createdAt: true, lastModifiedAt: true }).safeParse(item);
    if (!p.success) {
      skipped.push({ externalId: idOf(item), reason: 'a post without its URN or date' });
      continue;
    }
    usable++;
    // Newest change first: a post last changed before the window ends the list.
    if ((p.data.lastModifiedAt ?? p.data.createdAt) < postFloor) {
      reachedOld = true;
      continue;
    }
    if (queued.length < MAX_QUEUED_POSTS && !queued.includes(p.data.id)) queued.push(p.data.id);
  }
  if (page.items.length > 0 && usable === 0)
    throw new ConnectorError('transient', 'LinkedIn answered posts without their URNs or dates', {
      platform: 'linkedin',
    });
  const next: LinkedInCursor = { ...c, sweepStart, posts: queued };
  if (page.next !== undefined && !reachedOld && queued.length < MAX_QUEUED_POSTS)
    return done({ posts: [], skipped }, { ...next, stage: 'posts', start: page.next });
  if (queued.length === 0) return done({ posts: [], skipped }, afterComments(next));
  return done({ posts: [], skipped }, { ...next, stage: 'comments', start: 0, phase: 'top', threads: [] });
}

async function commentsStage(ctx: SweepContext, c: LinkedInCursor): Promise<PollPage> {
  const post = c.posts?.[0];
  if (!post) return done({ posts: [], skipped: [] }, afterComments(c));
  const replies = c.phase === 'replies';
  const parent = replies ? (c.threads?.[0] ?? null) : null;
  const start = c.start ?? 0;
  const page = await ctx.api.page(
    `/rest/socialActions/${restliEncode(parent ?? post)}/comments`,
    {},
    start,
    COMMENTS_PAGE,
    { permission: READ_PERMISSION, notFound: true },
  );
  const mark = (c.read.comments ?? 0) - SLACK_MS;
  const read = readComments(page.items, { post, parent }, mark, ctx.organizationUrn);
  const threads = replies ? (c.threads ?? []) : [...(c.threads ?? []), ...read.withReplies].slice(0, MAX_THREADS);
  const found = { posts: read.posts, skipped: read.skipped };
  if (page.next !== undefined) return done(found, { ...c, start: page.next, threads });
  // This list is read: the post's reply threads come next, then the next post.
  const left = replies ? threads.slice(1) : threads;
  if (left.length > 0) return done(found, { ...c, start: 0, phase: 'replies', threads: left });
  const posts = (c.posts ?? []).slice(1);
  if (posts.length === 0) return done(found, afterComments(c));
  return done(found, { ...c, posts, start: 0, phase: 'top', threads: [] });
}

/** A page of comments: those changed after `mark` by others than the Page, and the ones that have replies. */
export function readComments(items: unknown[], place: CommentPlace, mark: number, organizationUrn: string) {
  const posts: SocialPost[] = [];
  const skipped: SkippedItem[] = [];
  const withReplies: string[] = [];
  let usable = 0;
  for (const item of items) {
    const parsed = liCommentSchema.safeParse(item);
    if (!parsed.success) {
      skipped.push({ externalId: idOf(item), reason: 'a comment without its URN, author or date' });
      continue;
    }
    usable++;
    const c = parsed.data;
    const urn = commentUrnOf(c);
    const summary = c.commentsSummary;
    // LinkedIn nests one level: only a post's own comments have replies to read.
    const hasReplies = summary ? (summary.totalFirstLevelComments ?? summary.aggregatedTotalComments ?? 0) > 0 : true;
    if (!place.parent && hasReplies) withReplies.push(urn);
    if (commentTime(c) <= mark) continue;
    // The Page's own comments are our replies (the outbox has them), not mentions.
    if (c.actor === organizationUrn) continue;
    if (!c.message?.text) {
      skipped.push({ externalId: urn, reason: 'a comment without text (an image or a document alone)' });
      continue;
    }
    posts.push(liCommentToSocial(c, place));
  }
  if (items.length > 0 && usable === 0)
    throw new ConnectorError('transient', 'LinkedIn answered comments without their URNs, authors or dates', {
      platform: 'linkedin',
    });
  return { posts, skipped, withReplies };
}

async function mentionsStage(ctx: SweepContext, c: LinkedInCursor): Promise<PollPage> {
  const until = c.until ?? ctx.now.getTime();
  const from = Math.max((c.read.mentions ?? 0) - SLACK_MS, until - NOTIFICATIONS_KEPT_DAYS * DAY_MS);
  const start = c.start ?? 0;
  // SHARE_MENTION is the documented action for a post that mentions the Page; LinkedIn documents no action for
  // a mention inside a comment on someone else's post, so those are not seen.
  const page = await ctx.api.page(
    '/rest/organizationalEntityNotifications',
    {
      q: 'criteria',
      actions: restliList(['SHARE_MENTION']),
      organizationalEntity: restliEncode(ctx.organizationUrn),
      timeRange: restliRecord({ start: from, end: until }),
    },
    start,
    NOTIFICATIONS_PAGE,
    { permission: ADMIN_PERMISSION },
  );
  const skipped: SkippedItem[] = [];
  const urns: string[] = [];
  let usable = 0;
  for (const item of page.items) {
    const n = liNotificationSchema.safeParse(item);
    if (!n.success) {
      skipped.push({ externalId: idOf(item), reason: 'a notification without its action or time' });
      continue;
    }
    usable++;
    if (n.data.action !== 'SHARE_MENTION') continue;
    const urn = mentionedIn(n.data);
    if (!urn) skipped.push({ externalId: '', reason: 'a mention notification without the post that mentions' });
    else if (!urns.includes(urn)) urns.push(urn);
  }
  if (page.items.length > 0 && usable === 0)
    throw new ConnectorError('transient', 'LinkedIn answered notifications without their actions or times', {
      platform: 'linkedin',
    });
  const posts: SocialPost[] = [];
  for (const urn of urns) {
    const body = await ctx.api.get(
      `/rest/posts/${restliEncode(urn)}`,
      {},
      {
        permission: READ_PERMISSION,
        notFound: true,
      },
    );
    if (body === null) {
      skipped.push({ externalId: urn, reason: 'the mentioning post is gone or not visible to the Page' });
      continue;
    }
    const mention = mentionPost(body, ctx.organizationUrn);
    if ('reason' in mention) skipped.push({ externalId: urn, reason: mention.reason });
    else if (mention.post) posts.push(mention.post);
  }
  if (page.next !== undefined) return done({ posts, skipped }, { ...c, stage: 'mentions', start: page.next, until });
  const { until: _u, start: _s, sweepStart: _w, ...rest } = c;
  const next: LinkedInCursor = { ...rest, read: { ...c.read, mentions: until } };
  if ((c.recheck?.ids.length ?? 0) > 0) return done({ posts, skipped }, { ...next, stage: 'recheck' });
  const finished = remember(next, posts);
  return { posts, skipped, more: false, cursor: toCursor(endOfSweep(finished, finished.recheck)) };
}

/** A mentioning post as a SocialPost; null for the Page's own; a reason when it cannot be one. */
function mentionPost(body: unknown, organizationUrn: string): { post: SocialPost | null } | { reason: string } {
  const p = liPostSchema.safeParse(body);
  if (!p.success) return { reason: 'a post without its author or date' };
  if (p.data.author === organizationUrn) return { post: null };
  if (!p.data.commentary?.trim()) return { reason: 'a post without text (an image or a video alone)' };
  return { post: liMentionToSocial(p.data) };
}

async function recheckStage(ctx: SweepContext, c: LinkedInCursor): Promise<PollPage> {
  const { ids, state } = recheckBatch(c.recheck, RECHECK_BATCH);
  const posts: SocialPost[] = [];
  const removed: string[] = [];
  for (const id of ids) {
    const parts = commentUrnParts(id);
    if (parts) {
      const place = c.where?.[id];
      if (!place) continue;
      // A reply is read under the comment it answers; a comment under the post (activity) in its URN.
      const target = place[1] ?? parts.object;
      const body = await ctx.api.get(
        `/rest/socialActions/${restliEncode(target)}/comments/${restliEncode(parts.id)}`,
        {},
        { permission: READ_PERMISSION, notFound: true },
      );
      if (body === null) removed.push(id);
      else {
        const parsed = liCommentSchema.safeParse(body);
        if (parsed.success && parsed.data.message?.text)
          posts.push(liCommentToSocial(parsed.data, { post: place[0], parent: place[1] ?? null }));
      }
      continue;
    }
    const body = await ctx.api.get(
      `/rest/posts/${restliEncode(id)}`,
      {},
      {
        permission: READ_PERMISSION,
        notFound: true,
      },
    );
    if (body === null) removed.push(id);
    else {
      const mention = mentionPost(body, ctx.organizationUrn);
      if ('post' in mention && mention.post) posts.push(mention.post);
    }
  }
  return {
    posts,
    skipped: [],
    ...(removed.length ? { removed } : {}),
    more: false,
    cursor: toCursor(endOfSweep(c, forgetGone(state, removed))),
  };
}

function idOf(item: unknown): string {
  const o = (item ?? {}) as { id?: unknown; commentUrn?: unknown; $URN?: unknown };
  return String(o.commentUrn ?? o.$URN ?? o.id ?? '').slice(0, 200);
}
