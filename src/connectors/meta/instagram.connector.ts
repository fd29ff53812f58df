import { z } from 'zod';
import type { SocialPost } from '../../core/social-post';
import type { OutboundHttp } from '../../http/outbound';
import { sameReplyText } from '../reply-match';
import { type Connector, ConnectorError, type Cursor, type SkippedItem } from '../types';
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
 * An Instagram professional account through the Graph API (Instagram API with Facebook Login, the linked
 * Page's token): the comments and replies on the account's recent media, media the account is tagged in,
 * and hashtag search for the topics' hashtags (recent media of the last 24 hours, within Meta's 30 different
 * hashtags per account in 7 days: the cursor counts them, and a hashtag past the limit is skipped with why).
 * Replies go under a comment as the account (a reply to a reply joins its top-level comment, as on
 * Instagram). @mentions in captions and comments arrive by webhook only (Meta has no list of them).
 */
export const instagramConfigSchema = z.object({
  igUserId: numericId(w.instagramAccountId),
  ...metaApiFields(GRAPH_BASE_URL, GRAPH_VERSION),
  /** Hashtag search for the topics' hashtags (needs Instagram Public Content Access). */
  hashtags: z.boolean().default(true),
});
export type InstagramConfig = z.infer<typeof instagramConfigSchema>;

export const instagramCredentialsSchema = metaCredentialsSchema;
export type InstagramCredentials = MetaCredentials;

/** Meta's limit: different hashtags one account may search in a rolling 7 days. */
export const HASHTAG_LIMIT = 30;
const HASHTAG_WINDOW_S = 7 * 86_400;
const OWN_MEDIA = 25;
const PAGE_LIMIT = 25;
const MAX_COMMENT_PAGES = 4;
const SLACK_S = 300;
const unix = (d: Date) => Math.floor(d.getTime() / 1000);

type Stage = 'comments' | 'tags' | `hashtag:${string}`;

export interface InstagramCursor {
  read: Record<string, number>;
  /** Comments per media at the last sweep: a media whose count did not move is not read again. */
  counts?: Record<string, number>;
  /** Hashtags searched, with when each was first searched in the current 7-day window (Unix seconds). */
  searched?: Record<string, number>;
  /** Hashtag ids (they never change). */
  hashtagIds?: Record<string, string>;
  pending?: Stage[];
  after?: string;
  newest?: Record<string, number>;
}

const commentSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  timestamp: z.string().min(1),
  username: z.string().optional(),
  from: z.object({ id: z.string(), username: z.string().optional() }).optional(),
  parent_id: z.string().optional(),
  hidden: z.boolean().optional(),
  like_count: z.number().optional(),
});
type IgComment = z.infer<typeof commentSchema>;

const mediaSchema = z.object({
  id: z.string().min(1),
  caption: z.string().optional(),
  timestamp: z.string().min(1),
  permalink: z.string().optional(),
  username: z.string().optional(),
  media_type: z.string().optional(),
  comments_count: z.number().optional(),
});
type IgMedia = z.infer<typeof mediaSchema>;

/** GET /{ig-user-id}?fields=mentioned_media.media_id(...){...}: a caption the account is @mentioned in. */
const mentionedMedia = z.object({ mentioned_media: mediaSchema });
/** ...mentioned_comment.comment_id(...){..., media{...}}: a comment the account is @mentioned in. */
const mentionedComment = z.object({ mentioned_comment: commentSchema.extend({ media: mediaSchema }) });

const client = (http: OutboundHttp, config: InstagramConfig, credentials: InstagramCredentials, signal?: AbortSignal) =>
  metaClient('instagram', http, config, credentials, signal);

const author = (username: string | undefined, id: string | null) => ({
  externalId: id,
  handle: username ?? null,
  name: null,
  followers: null,
  bio: null,
  url: username ? `https://www.instagram.com/${username}` : null,
  avatarUrl: null,
  verified: false,
});

/** A media post by someone else (tagging the account, or under a hashtag) as a mention. */
function mediaPost(m: IgMedia & { caption: string }): SocialPost {
  return {
    externalId: m.id,
    url: m.permalink ?? null,
    kind: 'post',
    title: null,
    text: m.caption,
    lang: null,
    createdAt: graphTime(m.timestamp),
    // Hashtag search gives no username: such a post has no author to answer.
    author: author(m.username, null),
    replyToExternalId: null,
    threadExternalId: m.id,
    metrics: m.comments_count !== undefined ? { comments: m.comments_count } : {},
    deleted: false,
    raw: m,
  };
}

/** A comment or reply on one of the account's media, threaded by the media, the media kept beside it. */
function commentPost(c: IgComment, media: IgMedia): SocialPost {
  return {
    externalId: c.id,
    url: media.permalink ?? null,
    kind: 'comment',
    title: null,
    text: c.text,
    lang: null,
    createdAt: graphTime(c.timestamp),
    author: author(c.from?.username ?? c.username, c.from?.id ?? null),
    replyToExternalId: c.parent_id ?? media.id,
    threadExternalId: media.id,
    metrics: { likes: c.like_count ?? 0 },
    deleted: false,
    raw: { ...c, post: { id: media.id, message: media.caption ?? null, url: media.permalink ?? null } },
  };
}

export const instagramConnector: Connector<InstagramConfig, InstagramCredentials> = {
  platform: 'instagram',
  label: 'Instagram',
  configSchema: instagramConfigSchema,
  credentialsSchema: instagramCredentialsSchema,
  searches: true,

  async poll({ config, credentials, cursor, plan, now, since, signal, http }) {
    const api = client(http, config, credentials, signal);
    const state = (cursor as InstagramCursor | null) ?? { read: {} };
    const tags = config.hashtags ? [...new Set(plan.hashtags.map((h) => h.toLowerCase()))] : [];
    const streams: Stage[] = ['comments', 'tags', ...tags.map((t) => `hashtag:${t}` as const)];
    const pending = state.pending?.filter((s) => streams.includes(s)) ?? streams;
    const stage = pending[0] ?? 'comments';
    const floor = since ? unix(since) : unix(now) - 7 * 86_400;
    const mark = state.read[stage] ?? floor;
    const newest = { ...state.newest };
    const skipped: SkippedItem[] = [];
    const posts: SocialPost[] = [];
    const counts = { ...state.counts };
    const searched = Object.fromEntries(
      Object.entries(state.searched ?? {}).filter(([, at]) => at > unix(now) - HASHTAG_WINDOW_S),
    );
    const hashtagIds = { ...state.hashtagIds };
    let after: string | undefined;
    const user = config.igUserId;
    const seen = (t: string) => {
      newest[stage] = Math.max(newest[stage] ?? mark, unix(graphTime(t)));
    };

    if (stage === 'comments') {
      const media = await api.page(`${user}/media`, {
        fields: 'id,caption,media_type,permalink,timestamp,username,comments_count',
        limit: OWN_MEDIA,
      });
      for (const item of media.items) {
        const m = mediaSchema.safeParse(item);
        if (!m.success) continue;
        // A media whose comment count did not move has nothing new to read.
        if (m.data.comments_count !== undefined && counts[m.data.id] === m.data.comments_count) continue;
        posts.push(...(await newComments(api, m.data, mark - SLACK_S, user, seen)));
        if (m.data.comments_count !== undefined) counts[m.data.id] = m.data.comments_count;
      }
    } else if (stage === 'tags') {
      const page = await api.page(`${user}/tags`, {
        fields: 'id,caption,media_type,permalink,timestamp,username,comments_count',
        limit: PAGE_LIMIT,
        after: state.after,
      });
      after = fromMedia(page, mark, posts, skipped, seen) ? undefined : page.after;
    } else {
      const tag = stage.slice('hashtag:'.length);
      if (!(tag in searched) && Object.keys(searched).length >= HASHTAG_LIMIT) {
        skipped.push({
          externalId: `#${tag}`,
          reason: `Instagram allows ${HASHTAG_LIMIT} different hashtags in 7 days; #${tag} waits for room`,
        });
      } else {
        const id = hashtagIds[tag] ?? (await hashtagId(api, user, tag));
        hashtagIds[tag] = id;
        searched[tag] ??= unix(now);
        const page = await api.page(`${id}/recent_media`, {
          user_id: user,
          fields: 'id,caption,media_type,permalink,timestamp,comments_count,like_count',
          limit: 50,
          after: state.after,
        });
        after = fromMedia(page, mark, posts, skipped, seen) ? undefined : page.after;
      }
    }

    const common = { counts, searched, hashtagIds };
    const read = { ...state.read };
    if (after) return { posts, skipped, more: true, cursor: { read, pending, after, newest, ...common } as Cursor };
    read[stage] = newest[stage] ?? mark;
    delete newest[stage];
    const rest = pending.slice(1);
    if (rest.length)
      return { posts, skipped, more: true, cursor: { read, pending: rest, newest, ...common } as Cursor };
    return { posts, skipped, more: false, cursor: { read, ...common } as unknown as Cursor };
  },

  async reply({ config, credentials, inReplyTo, text, signal, http }) {
    const made = await client(http, config, credentials, signal).post<{ id?: unknown }>(
      `${inReplyTo.externalId}/replies`,
      { message: text },
    );
    if (typeof made?.id !== 'string')
      throw new ConnectorError('transient', 'Instagram accepted the reply but did not say which comment it made.', {
        platform: 'instagram',
      });
    return { externalId: made.id, url: null };
  },

  // Instagram hides and deletes comments on the account's media; it has no like for them in the API.
  moderates: ['hide', 'unhide', 'delete'],
  async moderate({ config, credentials, externalId, signal, http }, action) {
    const api = client(http, config, credentials, signal);
    if (action === 'delete') await api.delete(externalId);
    else if (action === 'hide' || action === 'unhide') await api.post(externalId, { hide: action === 'hide' });
    else
      throw new ConnectorError('invalid_request', `Instagram cannot ${action} a comment.`, { platform: 'instagram' });
  },

  async findReply({ config, credentials, inReplyTo, text, signal, http }) {
    const api = client(http, config, credentials, signal);
    let after: string | undefined;
    for (let i = 0; i < MAX_COMMENT_PAGES; i++) {
      const page = await api.page(`${inReplyTo.externalId}/replies`, {
        fields: 'id,text,timestamp,username,from',
        limit: 50,
        after,
      });
      const hit = page.items
        .flatMap((x) => {
          const parsed = commentSchema.safeParse(x);
          return parsed.success ? [parsed.data] : [];
        })
        .find((c) => c.from?.id === config.igUserId && sameReplyText(c.text, text));
      if (hit) return { externalId: hit.id, url: null };
      if (!page.after) break;
      after = page.after;
    }
    return null;
  },

  hashtagQuota(cursor, now) {
    const searched = Object.entries((cursor as InstagramCursor | null)?.searched ?? {})
      .filter(([, at]) => at > unix(now) - HASHTAG_WINDOW_S)
      .map(([tag]) => tag);
    return { searched, limit: HASHTAG_LIMIT, days: HASHTAG_WINDOW_S / 86_400 };
  },

  async lookup({ config, credentials, signal, http }, ref) {
    const api = client(http, config, credentials, signal);
    const ids = /^\d{1,30}$/;
    // The ids go into a field expansion: digits only, so nothing else can ride along.
    if (!ids.test(ref.mediaId) || (ref.commentId !== undefined && !ids.test(ref.commentId))) return null;
    if (ref.commentId) {
      const answer = await api.get<unknown>(config.igUserId, {
        fields:
          `mentioned_comment.comment_id(${ref.commentId})` +
          '{id,text,timestamp,username,like_count,media{id,caption,permalink,timestamp,username}}',
      });
      const c = mentionedComment.safeParse(answer);
      if (!c.success) return null;
      const { media, ...comment } = c.data.mentioned_comment;
      return commentPost(comment, media);
    }
    const answer = await api.get<unknown>(config.igUserId, {
      fields:
        `mentioned_media.media_id(${ref.mediaId})` +
        '{id,caption,media_type,permalink,timestamp,username,comments_count}',
    });
    const m = mentionedMedia.safeParse(answer);
    if (!m.success || !m.data.mentioned_media.caption) return null;
    return mediaPost({ ...m.data.mentioned_media, caption: m.data.mentioned_media.caption });
  },

  async verify({ config, credentials, signal, http }) {
    try {
      const me = await client(http, config, credentials, signal).get<{ username?: string }>(config.igUserId, {
        fields: 'id,username',
      });
      const name = me?.username ?? config.igUserId;
      return verifiedAs(true, name, vw.instagram, { account: name });
    } catch (err) {
      const e = err instanceof ConnectorError ? err : new ConnectorError('transient', 'Instagram check failed.');
      return { ok: false, account: null, message: e.message };
    }
  },
};

/** Media of others into posts (newest first); true when the page reached back past the mark. */
function fromMedia(
  page: { items: unknown[] },
  mark: number,
  posts: SocialPost[],
  skipped: SkippedItem[],
  seen: (t: string) => void,
): boolean {
  let older = false;
  for (const item of page.items) {
    const m = mediaSchema.safeParse(item);
    if (!m.success || !m.data.caption) {
      skipped.push({ externalId: String((item as { id?: unknown })?.id ?? '').slice(0, 100), reason: 'no caption' });
      continue;
    }
    if (unix(graphTime(m.data.timestamp)) <= mark - SLACK_S) {
      older = true;
      continue;
    }
    seen(m.data.timestamp);
    posts.push(mediaPost({ ...m.data, caption: m.data.caption }));
  }
  return older;
}

async function hashtagId(api: GraphClient, user: string, tag: string): Promise<string> {
  const found = await api.get<{ data?: { id?: unknown }[] }>('ig_hashtag_search', { user_id: user, q: tag });
  const id = found?.data?.[0]?.id;
  if (typeof id !== 'string')
    throw new ConnectorError('invalid_request', `Instagram knows no hashtag #${tag}.`, { platform: 'instagram' });
  return id;
}

/** A media's comments and their replies written after `after`, newest first; not the account's own. */
async function newComments(
  api: GraphClient,
  media: IgMedia,
  after: number,
  self: string,
  seen: (t: string) => void,
): Promise<SocialPost[]> {
  const out: SocialPost[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_COMMENT_PAGES; i++) {
    const page = await api.page(`${media.id}/comments`, {
      fields: 'id,text,timestamp,username,from,like_count,hidden,replies{id,text,timestamp,username,from,parent_id}',
      limit: 50,
      after: cursor,
    });
    let older = true;
    for (const item of page.items) {
      const replies = (item as { replies?: { data?: unknown[] } })?.replies?.data ?? [];
      for (const c of [item, ...replies]) {
        const parsed = commentSchema.safeParse(c);
        if (!parsed.success) continue;
        const at = unix(graphTime(parsed.data.timestamp));
        if (at <= after) continue;
        // A new reply under an old comment keeps the page worth reading.
        older = false;
        seen(parsed.data.timestamp);
        if (parsed.data.from?.id !== self) out.push(commentPost(parsed.data, media));
      }
    }
    if (older || !page.after) break;
    cursor = page.after;
  }
  return out;
}
