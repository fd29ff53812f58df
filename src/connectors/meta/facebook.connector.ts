import { z } from 'zod';
import type { SocialPost } from '../../core/social-post';
import type { OutboundHttp } from '../../http/outbound';
import { usablePosts } from '../answer';
import { sameReplyText } from '../reply-match';
import { type Connector, ConnectorError, type Cursor, type SkippedItem } from '../types';
import {
  type FbComment,
  fbCommentSchema,
  fbCommentToSocial,
  type FbPost,
  fbPostSchema,
  fbPostToSocial,
  fbRatingSchema,
  fbRatingToSocial,
  type OriginalPost,
} from './facebook-posts';
import {
  GRAPH_BASE_URL,
  GRAPH_VERSION,
  type GraphClient,
  metaClient,
  graphTime,
  type MetaCredentials,
  metaApiFields,
  metaCredentialsSchema,
  numericId,
} from './graph-client';
import { connectorWords as w, verifiedAs, verifyWords as vw } from '../messages';

/**
 * A Facebook Page through the Graph API: the Page's feed (visitors' posts, and the comments and replies
 * under every post that moved), posts that tag the Page, and its ratings; replies as the Page. Each poll
 * reads one page of one stream; a sweep goes feed -> tagged -> ratings and then remembers how far it read
 * (the newest update time seen), so the next sweep asks only for what moved since. Webhooks bring new
 * comments at once (src/sources/inbound-webhooks.ts); this is the safety net and the backfill.
 */
export const facebookConfigSchema = z.object({
  pageId: numericId(w.facebookPageId),
  ...metaApiFields(GRAPH_BASE_URL, GRAPH_VERSION),
  /** Page ratings; Graph API v22.0 and later answer code 12 for them, and the source then stops asking. */
  ratings: z.boolean().default(true),
});
export type FacebookConfig = z.infer<typeof facebookConfigSchema>;

export const facebookCredentialsSchema = metaCredentialsSchema;
export type FacebookCredentials = MetaCredentials;

const STAGES = ['feed', 'tagged', 'ratings'] as const;
type Stage = (typeof STAGES)[number];

export interface FacebookCursor {
  /** Per stream, Unix seconds: everything updated (feed, tagged) or written (ratings) up to here is read. */
  read: Partial<Record<Stage, number>>;
  /** Graph API answered code 12 for ratings: not asked again. */
  ratingsOff?: boolean;
  /** A sweep under way: its stream, the next page of it, the newest time it has seen per stream. */
  stage?: Stage;
  after?: string;
  newest?: Partial<Record<Stage, number>>;
}

const PAGE_LIMIT = 25;
/** Comments of one post read per poll at most (newest first); a busy post's older ones come by webhook. */
const MAX_COMMENT_PAGES = 4;
/** Clocks differ, and Meta's `since` is a second: items a little older than the mark are read again. */
const SLACK_S = 300;

const unix = (d: Date) => Math.floor(d.getTime() / 1000);

const client = (http: OutboundHttp, config: FacebookConfig, credentials: FacebookCredentials, signal?: AbortSignal) =>
  metaClient('facebook', http, config, credentials, signal);

export const facebookConnector: Connector<FacebookConfig, FacebookCredentials> = {
  platform: 'facebook',
  label: 'Facebook',
  configSchema: facebookConfigSchema,
  credentialsSchema: facebookCredentialsSchema,
  searches: false,

  async poll({ config, credentials, cursor, now, since, signal, http }) {
    const api = client(http, config, credentials, signal);
    const state = (cursor as FacebookCursor | null) ?? { read: {} };
    const stages = STAGES.filter((s) => s !== 'ratings' || (config.ratings && !state.ratingsOff));
    const stage = state.stage && stages.includes(state.stage) ? state.stage : stages[0]!;
    const floor = since ? unix(since) : unix(now) - 7 * 86_400;
    const mark = state.read[stage] ?? floor;
    const newest = { ...state.newest };
    const posts: SocialPost[] = [];
    const skipped: SkippedItem[] = [];
    let after: string | undefined;
    let ratingsOff = state.ratingsOff;

    if (stage === 'ratings') {
      try {
        const page = await api.page(`${config.pageId}/ratings`, {
          fields: 'created_time,recommendation_type,review_text,reviewer,rating,has_rating,has_review,open_graph_story',
          limit: PAGE_LIMIT,
          after: state.after,
        });
        const fresh = page.items.filter((r) => itemTime(r, 'created_time') > mark - SLACK_S);
        const usable = usablePosts(
          fresh,
          fbRatingSchema,
          (r) => fbRatingToSocial(r, config.pageId),
          'Facebook',
          'facebook',
        );
        posts.push(...usable.posts);
        skipped.push(...usable.skipped);
        newest.ratings = Math.max(newest.ratings ?? mark, ...usable.posts.map((p) => unix(p.createdAt)));
        // Newest first: a page reaching back past the mark ends the stream.
        after = fresh.length < page.items.length ? undefined : page.after;
      } catch (err) {
        if (!(err instanceof ConnectorError) || !/code 12\b/.test(err.message)) throw err;
        ratingsOff = true;
        skipped.push({ externalId: 'ratings', reason: err.message });
      }
    } else {
      const page = await api.page(`${config.pageId}/${stage}`, {
        fields: 'id,message,created_time,updated_time,from,permalink_url',
        since: mark - SLACK_S,
        limit: PAGE_LIMIT,
        after: state.after,
      });
      const usable = usablePostsOrAll(page.items, config.pageId);
      skipped.push(...usable.skipped);
      for (const p of usable.posts) {
        // The Page's own posts are not mentions (the comments under them are), nor is a photo without words.
        if (p.from.id !== config.pageId && p.message) posts.push(fbPostToSocial(p));
        const original: OriginalPost = { id: p.id, message: p.message, url: p.permalink_url ?? null };
        posts.push(...(await newComments(api, original, mark - SLACK_S, config.pageId, skipped)));
        newest[stage] = Math.max(newest[stage] ?? mark, unix(graphTime(p.updated_time ?? p.created_time)));
      }
      after = page.after;
    }

    const next: FacebookCursor = { read: { ...state.read }, ...(ratingsOff ? { ratingsOff } : {}) };
    if (after) return { posts, skipped, more: true, cursor: { ...next, stage, after, newest } as unknown as Cursor };
    // This stream is read: its mark moves to the newest item seen; the sweep goes on with the next stream.
    next.read[stage] = Math.max(mark, newest[stage] ?? mark);
    delete newest[stage];
    const following = stages.slice(stages.indexOf(stage) + 1).find((s) => s !== 'ratings' || !ratingsOff);
    if (following)
      return { posts, skipped, more: true, cursor: { ...next, stage: following, newest } as unknown as Cursor };
    return { posts, skipped, more: false, cursor: next as unknown as Cursor };
  },

  async reply({ config, credentials, inReplyTo, text, signal, http }) {
    const api = client(http, config, credentials, signal);
    const made = await api.post<{ id?: unknown }>(`${objectId(inReplyTo.externalId)}/comments`, { message: text });
    if (typeof made?.id !== 'string')
      throw new ConnectorError('transient', 'Facebook accepted the reply but did not say which comment it made.', {
        platform: 'facebook',
      });
    return { externalId: made.id, url: `https://www.facebook.com/${made.id}` };
  },

  // Hidden comments stay visible to their author and friends; a Page cannot delete comments on reviews.
  moderates: ['hide', 'unhide', 'delete', 'like'],
  async moderate({ config, credentials, externalId, signal, http }, action) {
    const api = client(http, config, credentials, signal);
    const id = objectId(externalId);
    if (action === 'delete') await api.delete(id);
    else if (action === 'like') await api.post(`${id}/likes`);
    else await api.post(id, { is_hidden: action === 'hide' });
  },

  async findReply({ config, credentials, inReplyTo, text, signal, http, outbox }) {
    const api = client(http, config, credentials, signal);
    const oldest = outbox ? unix(outbox.queuedAt) - SLACK_S : -Infinity;
    let after: string | undefined;
    for (let i = 0; i < MAX_COMMENT_PAGES; i++) {
      const page = await api.page(`${objectId(inReplyTo.externalId)}/comments`, {
        fields: 'id,message,created_time,from',
        order: 'reverse_chronological',
        limit: 100,
        after,
      });
      const comments = page.items.flatMap((c) => {
        const parsed = fbCommentSchema.safeParse(c);
        return parsed.success ? [parsed.data] : [];
      });
      const hit = comments.find((c) => c.from.id === config.pageId && sameReplyText(c.message, text));
      if (hit) return { externalId: hit.id, url: `https://www.facebook.com/${hit.id}` };
      const last = comments.at(-1);
      if (!page.after || (last && unix(graphTime(last.created_time)) < oldest)) break;
      after = page.after;
    }
    return null;
  },

  async verify({ config, credentials, signal, http }) {
    try {
      const page = await client(http, config, credentials, signal).get<{ id?: string; name?: string }>(config.pageId, {
        fields: 'id,name',
      });
      const name = page?.name ?? config.pageId;
      return verifiedAs(true, name, vw.facebook, { name });
    } catch (err) {
      const e = err instanceof ConnectorError ? err : new ConnectorError('transient', 'Facebook check failed.');
      return { ok: false, account: null, message: e.message };
    }
  },
};

/** A rating is stored as `rating:<story id>`; Meta knows the story by its own id. */
const objectId = (externalId: string) => externalId.replace(/^rating:/, '');

function itemTime(item: unknown, field: 'created_time' | 'updated_time'): number {
  const v = (item as Record<string, unknown> | null)?.[field];
  return typeof v === 'string' ? unix(graphTime(v)) : 0;
}

/**
 * The feed's items: a Page post without text (a photo alone) still has comments to read, so posts are
 * checked for an id and a time only, and become mentions only with a message.
 */
function usablePostsOrAll(items: unknown[], pageId: string): { posts: FbPost[]; skipped: SkippedItem[] } {
  const shell = fbPostSchema.partial({ message: true, from: true });
  const posts: FbPost[] = [];
  const skipped: SkippedItem[] = [];
  for (const item of items) {
    const parsed = shell.safeParse(item);
    if (!parsed.success) {
      skipped.push({ externalId: String((item as { id?: unknown })?.id ?? '').slice(0, 100), reason: 'no id or time' });
      continue;
    }
    const p = parsed.data;
    posts.push({ ...p, message: p.message ?? '', from: p.from ?? { id: pageId, name: '' } });
  }
  if (items.length > 0 && posts.length === 0)
    throw new ConnectorError('transient', 'Facebook answered feed items without ids or times', {
      platform: 'facebook',
    });
  return { posts, skipped };
}

/** The comments and replies under a post written after `after` (Unix seconds), newest first, as mentions. */
async function newComments(
  api: GraphClient,
  post: OriginalPost,
  after: number,
  pageId: string,
  skipped: SkippedItem[],
): Promise<SocialPost[]> {
  const out: SocialPost[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_COMMENT_PAGES; i++) {
    const page = await api.page(`${post.id}/comments`, {
      fields: 'id,message,created_time,from,parent{id},permalink_url,is_hidden,like_count,comment_count',
      filter: 'stream',
      order: 'reverse_chronological',
      limit: 100,
      after: cursor,
    });
    const fresh = page.items.filter((c) => itemTime(c, 'created_time') > after);
    for (const item of fresh) {
      const parsed = fbCommentSchema.safeParse(item);
      if (!parsed.success) {
        const id = String((item as { id?: unknown })?.id ?? '').slice(0, 100);
        skipped.push({ externalId: id, reason: 'a comment without text or author (a Page token gives both)' });
        continue;
      }
      // The Page's own comments are our replies (the outbox has them).
      if (parsed.data.from.id !== pageId) out.push(fbCommentToSocial(parsed.data as FbComment, post));
    }
    if (fresh.length < page.items.length || !page.after) break;
    cursor = page.after;
  }
  return out;
}
