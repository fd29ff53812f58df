import { z } from 'zod';
import type { SocialPost } from '../../core/social-post';
import type { OutboundHttp } from '../../http/outbound';
import { sameReplyText } from '../reply-match';
import { type Connector, ConnectorError, type Cursor, type SkippedItem } from '../types';
import {
  type GraphClient,
  metaClient,
  graphTime,
  type MetaCredentials,
  metaApiFields,
  metaCredentialsSchema,
  numericId,
  THREADS_BASE_URL,
  THREADS_VERSION,
} from './graph-client';
import { threadsTokenCall } from './meta-oauth';
import { connectorWords as w, verifiedAs, verifyWords as vw } from '../messages';

/**
 * A Threads profile through the Threads API: the replies under the profile's own posts (each post's whole
 * conversation), posts that mention the profile, and keyword search for the topics (sorted recent, within
 * Meta's 2,200 searches a day); replies as the profile, in Threads' two steps (a container, then publish).
 * Each poll reads one page of one stream; a sweep goes replies -> mentions -> search and then remembers the
 * newest time it saw per stream.
 */
export const threadsConfigSchema = z.object({
  threadsUserId: numericId(w.threadsProfileId),
  ...metaApiFields(THREADS_BASE_URL, THREADS_VERSION),
  /** Keyword search for the workspace's topics (needs threads_keyword_search). */
  keywordSearch: z.boolean().default(true),
});
export type ThreadsConfig = z.infer<typeof threadsConfigSchema>;

export const threadsCredentialsSchema = metaCredentialsSchema;
export type ThreadsCredentials = MetaCredentials;

type Stage = 'replies' | 'mentions' | `search:${string}`;

export interface ThreadsCursor {
  /** Per stream, Unix seconds: everything up to here is read. */
  read: Record<string, number>;
  /** A sweep under way: the streams still to read (the current first), its page, the newest time seen. */
  pending?: Stage[];
  after?: string;
  newest?: Record<string, number>;
  /** The profile's username, asked once a sweep (its own replies are told apart by it). */
  me?: string;
}

const PAGE_LIMIT = 25;
/** Own posts whose conversations a sweep reads: the newest, where replies still come. */
const OWN_POSTS = 25;
const MAX_CONVERSATION_PAGES = 4;
const SLACK_S = 300;
const unix = (d: Date) => Math.floor(d.getTime() / 1000);
const MEDIA_FIELDS = 'id,text,username,timestamp,permalink,media_type,replied_to,root_post,hide_status';

const mediaSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  username: z.string().min(1),
  timestamp: z.string().min(1),
  permalink: z.string().optional(),
  replied_to: z.object({ id: z.string() }).optional(),
  root_post: z.object({ id: z.string() }).optional(),
  hide_status: z.string().optional(),
});
type ThreadsMedia = z.infer<typeof mediaSchema>;

const client = (http: OutboundHttp, config: ThreadsConfig, credentials: ThreadsCredentials, signal?: AbortSignal) =>
  metaClient('threads', http, config, credentials, signal);

function toPost(m: ThreadsMedia): SocialPost {
  const root = m.root_post?.id ?? m.id;
  return {
    externalId: m.id,
    url: m.permalink ?? null,
    kind: m.replied_to ? 'comment' : 'post',
    title: null,
    text: m.text,
    lang: null,
    createdAt: graphTime(m.timestamp),
    author: {
      externalId: null,
      handle: m.username,
      name: null,
      followers: null,
      bio: null,
      url: `https://www.threads.net/@${m.username}`,
      avatarUrl: null,
      verified: false,
    },
    replyToExternalId: m.replied_to?.id ?? null,
    threadExternalId: root,
    metrics: {},
    deleted: false,
    raw: m,
  };
}

/** Media items as posts, each without text or author skipped with why (a media post without words, say). */
function usable(items: unknown[], after: number, skipped: SkippedItem[]): { posts: ThreadsMedia[]; older: boolean } {
  const posts: ThreadsMedia[] = [];
  let older = false;
  for (const item of items) {
    const parsed = mediaSchema.safeParse(item);
    if (!parsed.success) {
      skipped.push({ externalId: String((item as { id?: unknown })?.id ?? '').slice(0, 100), reason: 'no text' });
      continue;
    }
    if (unix(graphTime(parsed.data.timestamp)) <= after) older = true;
    else posts.push(parsed.data);
  }
  return { posts, older };
}

export const threadsConnector: Connector<ThreadsConfig, ThreadsCredentials> = {
  platform: 'threads',
  label: 'Threads',
  configSchema: threadsConfigSchema,
  credentialsSchema: threadsCredentialsSchema,
  searches: true,

  async poll({ config, credentials, cursor, plan, now, since, signal, http }) {
    const api = client(http, config, credentials, signal);
    const state = (cursor as ThreadsCursor | null) ?? { read: {} };
    const streams: Stage[] = [
      'replies',
      'mentions',
      ...(config.keywordSearch ? plan.queries.map((q) => `search:${q}` as const) : []),
    ];
    const pending = state.pending?.filter((s) => streams.includes(s)) ?? streams;
    const stage = pending[0] ?? 'replies';
    const floor = since ? unix(since) : unix(now) - 7 * 86_400;
    const mark = state.read[stage] ?? floor;
    const newest = { ...state.newest };
    const skipped: SkippedItem[] = [];
    const found: ThreadsMedia[] = [];
    let after: string | undefined;
    const user = config.threadsUserId;

    if (stage === 'replies') {
      // Own posts, newest first: each one's conversation, newest first, back to the mark.
      const own = await api.page(`${user}/threads`, { fields: MEDIA_FIELDS, limit: OWN_POSTS });
      for (const item of own.items) {
        const id = (item as { id?: unknown })?.id;
        if (typeof id !== 'string') continue;
        let page: string | undefined;
        for (let i = 0; i < MAX_CONVERSATION_PAGES; i++) {
          const conv = await api.page(`${id}/conversation`, {
            fields: MEDIA_FIELDS,
            reverse: 'true',
            limit: 100,
            after: page,
          });
          const got = usable(conv.items, mark - SLACK_S, skipped);
          found.push(...got.posts);
          if (got.older || !conv.after) break;
          page = conv.after;
        }
      }
    } else {
      const path = stage === 'mentions' ? `${user}/mentions` : 'keyword_search';
      const page = await api.page(path, {
        fields: MEDIA_FIELDS,
        since: mark - SLACK_S,
        limit: PAGE_LIMIT,
        after: state.after,
        ...(stage.startsWith('search:') ? { q: stage.slice('search:'.length), search_type: 'RECENT' } : {}),
      });
      const got = usable(page.items, mark - SLACK_S, skipped);
      found.push(...got.posts);
      after = got.older ? undefined : page.after;
    }

    // The profile's own replies are ours (the outbox has them).
    const me = state.me ?? (await profile(api, config));
    const posts = found.filter((m) => m.username !== me).map(toPost);
    newest[stage] = Math.max(newest[stage] ?? mark, ...found.map((m) => unix(graphTime(m.timestamp))));
    const read = { ...state.read };
    if (after) return { posts, skipped, more: true, cursor: { read, pending, after, newest, me } as unknown as Cursor };
    read[stage] = newest[stage]!;
    delete newest[stage];
    const rest = pending.slice(1);
    if (rest.length)
      return { posts, skipped, more: true, cursor: { read, pending: rest, newest, me } as unknown as Cursor };
    return { posts, skipped, more: false, cursor: { read } as unknown as Cursor };
  },

  async reply({ config, credentials, inReplyTo, text, signal, http }) {
    const api = client(http, config, credentials, signal);
    const container = await api.post<{ id?: unknown }>(`${config.threadsUserId}/threads`, {
      media_type: 'TEXT',
      text,
      reply_to_id: inReplyTo.externalId,
    });
    if (typeof container?.id !== 'string')
      throw new ConnectorError('transient', 'Threads made no reply container.', { platform: 'threads' });
    const made = await api.post<{ id?: unknown }>(`${config.threadsUserId}/threads_publish`, {
      creation_id: container.id,
    });
    if (typeof made?.id !== 'string')
      throw new ConnectorError('transient', 'Threads published the reply but did not say which post it made.', {
        platform: 'threads',
      });
    const me = await profile(api, config);
    return { externalId: made.id, url: me ? `https://www.threads.net/@${me}/post/${made.id}` : null };
  },

  // Threads hides replies under the profile's posts (and their nested replies with them); nothing else.
  moderates: ['hide', 'unhide'],
  async moderate({ config, credentials, externalId, signal, http }, action) {
    if (action !== 'hide' && action !== 'unhide')
      throw new ConnectorError('invalid_request', `Threads cannot ${action} a reply.`, { platform: 'threads' });
    await client(http, config, credentials, signal).post(`${externalId}/manage_reply`, { hide: action === 'hide' });
  },

  async findReply({ config, credentials, inReplyTo, text, signal, http }) {
    const api = client(http, config, credentials, signal);
    const me = await profile(api, config);
    let after: string | undefined;
    for (let i = 0; i < MAX_CONVERSATION_PAGES; i++) {
      const page = await api.page(`${inReplyTo.externalId}/replies`, { fields: MEDIA_FIELDS, limit: 100, after });
      const hit = page.items
        .flatMap((x) => {
          const parsed = mediaSchema.safeParse(x);
          return parsed.success ? [parsed.data] : [];
        })
        .find((m) => m.username === me && sameReplyText(m.text, text));
      if (hit) return { externalId: hit.id, url: hit.permalink ?? null };
      if (!page.after) break;
      after = page.after;
    }
    return null;
  },

  async refreshToken({ config, credentials, http, now }) {
    // GET /refresh_access_token (unversioned): a token at least a day old and still valid, for 60 more days.
    const t = await threadsTokenCall(config.baseUrl, http, config.timeoutMs, 'refresh_access_token', {
      grant_type: 'th_refresh_token',
      access_token: credentials.accessToken,
    });
    // Threads gives 60 days; an answer without the figure is taken as that.
    return {
      credentials: { ...credentials, accessToken: t.accessToken },
      expiresAt: new Date(now.getTime() + (t.expiresIn ?? 60 * 86_400) * 1000),
    };
  },

  async verify({ config, credentials, signal, http }) {
    try {
      const me = await profile(client(http, config, credentials, signal), config);
      return verifiedAs(true, me, vw.threads, { account: me });
    } catch (err) {
      const e = err instanceof ConnectorError ? err : new ConnectorError('transient', 'Threads check failed.');
      return { ok: false, account: null, message: e.message };
    }
  },
};

/** The profile's username (its own posts are told apart by it: Threads media carry no owner id). */
async function profile(api: GraphClient, config: ThreadsConfig): Promise<string> {
  const me = await api.get<{ id?: unknown; username?: unknown }>(config.threadsUserId, { fields: 'id,username' });
  if (typeof me?.username !== 'string')
    throw new ConnectorError('transient', 'Threads answered the profile without its username.', {
      platform: 'threads',
    });
  return me.username;
}
