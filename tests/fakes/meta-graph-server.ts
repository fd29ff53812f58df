import { createHmac } from 'node:crypto';
import { type FakeRequest, type FakeResponse, type FakeServer, startFakeServer } from './fake-http';
import { createFakeOAuth, dialog, exchangeCode, type FakeOAuth, lengthen } from './meta-oauth';

/**
 * A fake Graph API (graph.facebook.com) speaking Meta's wire format for Facebook Pages: versioned paths
 * (/v24.0/...), the token as `access_token` (query, or form on POST) and an optional `appsecret_proof`
 * checked against the app secret, lists as {data, paging: {cursors: {before, after}, next}} (the next
 * link carries `after`), `fields` accepted and otherwise ignored (the shapes are fixed), the error object
 * {error: {message, type, code, error_subcode, fbtrace_id}} with HTTP 400 as Meta sends it, and the usage
 * headers X-App-Usage and X-Business-Use-Case-Usage on every answer.
 *
 * Pages: /{page-id} (id, name), /{page-id}/feed (newest updated first, `since` on updated_time),
 * /{post-id}/comments (filter=stream: replies too, flat, with parent{id}; newest first unless
 * order=chronological), /{page-id}/tagged, /{page-id}/ratings (code 12 once `ratingsDeprecated`, as
 * v22.0 and later answer), POST /{object-id}/comments (a reply as the Page), POST /{comment-id} with
 * is_hidden, DELETE /{comment-id}, POST /{object-id}/likes.
 *
 * Facebook Login (meta-oauth.ts): /{version}/dialog/oauth, /{version}/oauth/access_token (code;
 * fb_exchange_token), /me/accounts for a user token (the Pages that person manages, each with its Page token
 * and linked Instagram account), /debug_token (scopes, expires_at, data_access_expires_at), and
 * POST /{page-id}/subscribed_apps (the Page's webhooks for this app).
 */
export interface FakeFbUser {
  id: string;
  name: string;
}

export interface FakeFbPost {
  id: string;
  pageId: string;
  message: string;
  from: FakeFbUser;
  created_time: number;
  updated_time: number;
  /** Posts by others that tag the Page show up under /tagged, not /feed. */
  tagged?: boolean;
}

export interface FakeFbComment {
  id: string;
  postId: string;
  parentId: string | null;
  message: string;
  from: FakeFbUser;
  created_time: number;
  is_hidden: boolean;
  like_count: number;
  deleted?: boolean;
  likedByPage?: boolean;
}

export interface FakeFbRating {
  id: string;
  pageId: string;
  reviewer: FakeFbUser;
  review_text: string;
  recommendation_type: 'positive' | 'negative';
  rating?: number;
  created_time: number;
}

export interface FakeFbPage {
  id: string;
  name: string;
  token: string;
  /** The Facebook user who manages the Page (meta-oauth.ts's default signed-in person unless said). */
  managerId: string;
}

/** An Instagram professional account, linked to a Page (its Page token reads it). */
export interface FakeIgUser {
  id: string;
  username: string;
  pageId: string;
}

export interface FakeIgMedia {
  id: string;
  ownerId: string;
  username: string;
  caption: string;
  timestamp: number;
  /** Accounts tagged in it (GET /{ig-user-id}/tags). */
  taggedIds: string[];
}

export interface FakeIgComment {
  id: string;
  mediaId: string;
  parentId: string | null;
  text: string;
  from: { id: string; username: string };
  timestamp: number;
  hidden: boolean;
  deleted?: boolean;
}

export interface FakeMetaGraph extends FakeServer {
  version: string;
  appId: string;
  appSecret: string;
  oauth: FakeOAuth;
  /** Pages subscribed to the app's webhooks, with their fields. */
  subscribedApps: Map<string, string>;
  /** When data access of tokens ends (Unix seconds), as /debug_token reports it. */
  dataAccessSeconds: number;
  pages: Map<string, FakeFbPage>;
  posts: FakeFbPost[];
  comments: FakeFbComment[];
  ratings: FakeFbRating[];
  /** Answer /ratings with code 12, as Graph API v22.0 and later do. */
  ratingsDeprecated: boolean;
  /** Replies posted as a Page, in order. */
  replies: { parentId: string; message: string; id: string }[];
  /** Tokens no longer valid, and how Meta says so (subcode 460: password changed, 463: expired). */
  revoked: Map<string, number>;
  /** X-Business-Use-Case-Usage on every answer (percent used, minutes to regain access). */
  usage: { callCount: number; etaMinutes: number };
  igUsers: Map<string, FakeIgUser>;
  igMedia: FakeIgMedia[];
  igComments: FakeIgComment[];
  /** Hashtags searched per account: Meta allows 30 different ones in 7 days. */
  hashtagSearches: Map<string, Set<string>>;
  addPage(p: Partial<FakeFbPage> & { name: string }): FakeFbPage;
  addIgUser(u: { username: string; pageId: string }): FakeIgUser;
  addIgMedia(m: Partial<FakeIgMedia> & { ownerId: string; caption: string }): FakeIgMedia;
  addIgComment(c: Partial<FakeIgComment> & { mediaId: string; text: string }): FakeIgComment;
  addPost(p: Partial<FakeFbPost> & { pageId: string; message: string }): FakeFbPost;
  addComment(c: Partial<FakeFbComment> & { postId: string; message: string }): FakeFbComment;
  addRating(r: Partial<FakeFbRating> & { pageId: string; review_text: string }): FakeFbRating;
  /** The next matching request answers Meta's error object. */
  failNext(code: number, o?: { subcode?: number; status?: number; etaMinutes?: number; match?: RegExp }): void;
}

let seq = 1_000_000;
// An hour ago, a second a post: recent enough for every window (hashtag search covers 24 hours).
let clock = Math.floor(Date.now() / 1000) - 3_600;
const nextId = () => String(++seq);
const tick = () => ++clock;
const iso = (s: number) => new Date(s * 1000).toISOString().replace(/\.\d{3}Z$/, '+0000');

export function metaErrorBody(code: number, message: string, subcode?: number) {
  return {
    error: {
      message,
      type: code === 190 ? 'OAuthException' : 'GraphMethodException',
      code,
      ...(subcode ? { error_subcode: subcode } : {}),
      fbtrace_id: `Fk${nextId()}`,
    },
  };
}

export async function startFakeMetaGraph(
  o: { version?: string; appId?: string; appSecret?: string } = {},
): Promise<FakeMetaGraph> {
  const pages = new Map<string, FakeFbPage>();
  const posts: FakeFbPost[] = [];
  const comments: FakeFbComment[] = [];
  const ratings: FakeFbRating[] = [];
  const replies: FakeMetaGraph['replies'] = [];
  const revoked = new Map<string, number>();
  const usage = { callCount: 5, etaMinutes: 0 };
  const igUsers = new Map<string, FakeIgUser>();
  const igMedia: FakeIgMedia[] = [];
  const igComments: FakeIgComment[] = [];
  const hashtagSearches = new Map<string, Set<string>>();
  const hashtagIds = new Map<string, string>();
  const oauth = createFakeOAuth(o.appId ?? '424242424242');
  const subscribedApps = new Map<string, string>();
  let server: FakeServer;

  const usageHeaders = (ownerId: string | undefined): Record<string, string> => ({
    'x-app-usage': JSON.stringify({ call_count: usage.callCount, total_cputime: 1, total_time: 1 }),
    'x-business-use-case-usage': JSON.stringify({
      [ownerId ?? '0']: [
        {
          type: 'pages',
          call_count: usage.callCount,
          total_cputime: 1,
          total_time: 1,
          estimated_time_to_regain_access: usage.etaMinutes,
        },
      ],
    }),
  });
  const fail = (code: number, message: string, subcode?: number, owner?: string): FakeResponse => ({
    status: 400,
    headers: usageHeaders(owner),
    json: metaErrorBody(code, message, subcode),
  });
  const ok = (json: unknown, owner?: string): FakeResponse => ({ headers: usageHeaders(owner), json });

  const params = (req: FakeRequest) => {
    if (req.method !== 'POST') return req.query;
    const form = new URLSearchParams(req.body);
    for (const [k, v] of req.query) if (!form.has(k)) form.set(k, v);
    return form;
  };

  /** The Page a token belongs to, or Meta's answer refusing it. */
  const authorise = (p: URLSearchParams): FakeFbPage | FakeResponse => {
    const token = p.get('access_token');
    if (!token) return fail(104, 'An access token is required to request this resource.');
    const sub = revoked.get(token);
    if (sub) return fail(190, 'Error validating access token: the session is invalid.', sub);
    const page = [...pages.values()].find((x) => x.token === token);
    if (!page) return fail(190, 'Invalid OAuth access token - Cannot parse access token');
    const proof = p.get('appsecret_proof');
    const secret = fake.appSecret;
    if (proof && proof !== createHmac('sha256', secret).update(token).digest('hex'))
      return fail(100, 'Invalid appsecret_proof provided in the API argument');
    return page;
  };

  /** Meta's list shape over `items`, cut at `after` (an opaque cursor: here the offset, base64). */
  const list = <T>(req: FakeRequest, items: T[], owner: string): FakeResponse => {
    const limit = Math.min(Number(req.query.get('limit') ?? 25) || 25, 100);
    const after = req.query.get('after');
    const start = after ? Number(Buffer.from(after, 'base64').toString('utf8')) || 0 : 0;
    const slice = items.slice(start, start + limit);
    const cursor = (n: number) => Buffer.from(String(n)).toString('base64');
    const more = start + limit < items.length;
    const next = new URL(req.path, server.url);
    for (const [k, v] of req.query) next.searchParams.set(k, v);
    next.searchParams.set('after', cursor(start + limit));
    return ok(
      {
        data: slice,
        paging: {
          cursors: { before: cursor(start), after: cursor(start + slice.length) },
          ...(more ? { next: next.toString() } : {}),
        },
      },
      owner,
    );
  };

  const postJson = (p: FakeFbPost) => ({
    id: p.id,
    message: p.message,
    created_time: iso(p.created_time),
    updated_time: iso(p.updated_time),
    from: p.from,
    permalink_url: `https://www.facebook.com/${p.id.replace('_', '/posts/')}`,
  });
  const commentJson = (c: FakeFbComment) => ({
    id: c.id,
    message: c.message,
    created_time: iso(c.created_time),
    from: c.from,
    ...(c.parentId ? { parent: { id: c.parentId } } : {}),
    permalink_url: `https://www.facebook.com/${c.postId.replace('_', '/posts/')}?comment_id=${c.id}`,
    is_hidden: c.is_hidden,
    like_count: c.like_count,
    comment_count: comments.filter((x) => x.parentId === c.id && !x.deleted).length,
  });

  const igMediaJson = (m: FakeIgMedia, withUsername = true) => ({
    id: m.id,
    caption: m.caption,
    media_type: 'IMAGE',
    permalink: `https://www.instagram.com/p/${m.id}/`,
    timestamp: iso(m.timestamp),
    ...(withUsername ? { username: m.username } : {}),
    comments_count: igComments.filter((c) => c.mediaId === m.id && !c.deleted).length,
  });
  const igCommentJson = (c: FakeIgComment): Record<string, unknown> => ({
    id: c.id,
    text: c.text,
    timestamp: iso(c.timestamp),
    username: c.from.username,
    from: c.from,
    hidden: c.hidden,
    like_count: 0,
    ...(c.parentId ? { parent_id: c.parentId } : {}),
  });
  const newest = <T extends { timestamp: number }>(a: T, b: T) => b.timestamp - a.timestamp;

  /** Instagram's part of the Graph API, read with the token of the Page the account is linked to. */
  function igRoute(req: FakeRequest, p: URLSearchParams, id: string, edge: string | undefined, page: FakeFbPage) {
    const owner = page.id;
    const mine = [...igUsers.values()].filter((u) => u.pageId === page.id);
    const user = mine.find((u) => u.id === id);
    if (user && req.method === 'GET' && !edge) {
      // Field expansion for @mentions: mentioned_media.media_id(X){...} / mentioned_comment.comment_id(X){...}.
      const fields = req.query.get('fields') ?? '';
      const mediaRef = /mentioned_media\.media_id\((\d+)\)/.exec(fields)?.[1];
      const commentRef = /mentioned_comment\.comment_id\((\d+)\)/.exec(fields)?.[1];
      const mentions = (text: string) => text.toLowerCase().includes(`@${user.username.toLowerCase()}`);
      if (mediaRef) {
        const media = igMedia.find((m) => m.id === mediaRef && mentions(m.caption));
        if (!media) return fail(100, `(#100) Media ${mediaRef} does not mention this account`, 33, owner);
        return ok({ id: user.id, mentioned_media: igMediaJson(media) }, owner);
      }
      if (commentRef) {
        const comment = igComments.find((c) => c.id === commentRef && !c.deleted && mentions(c.text));
        const media = comment && igMedia.find((m) => m.id === comment.mediaId);
        if (!comment || !media)
          return fail(100, `(#100) Comment ${commentRef} does not mention this account`, 33, owner);
        return ok({ id: user.id, mentioned_comment: { ...igCommentJson(comment), media: igMediaJson(media) } }, owner);
      }
      return ok({ id: user.id, username: user.username }, owner);
    }
    if (user && req.method === 'GET' && edge === 'media')
      return list(
        req,
        igMedia
          .filter((m) => m.ownerId === user.id)
          .sort(newest)
          .map((m) => igMediaJson(m)),
        owner,
      );
    if (user && req.method === 'GET' && edge === 'tags')
      return list(
        req,
        igMedia
          .filter((m) => m.taggedIds.includes(user.id))
          .sort(newest)
          .map((m) => igMediaJson(m)),
        owner,
      );
    if (id === 'ig_hashtag_search' && req.method === 'GET') {
      const asker = mine.find((u) => u.id === req.query.get('user_id'));
      const q = (req.query.get('q') ?? '').toLowerCase();
      if (!asker || !q) return fail(100, '(#100) user_id and q are required');
      const searched = hashtagSearches.get(asker.id) ?? new Set<string>();
      if (!searched.has(q) && searched.size >= 30)
        return fail(24, '(#24) The user has reached the limit of 30 unique hashtags in 7 days', 2207034, owner);
      searched.add(q);
      hashtagSearches.set(asker.id, searched);
      if (!hashtagIds.has(q)) hashtagIds.set(q, nextId());
      return ok({ data: [{ id: hashtagIds.get(q) }] }, owner);
    }
    const tag = [...hashtagIds].find(([, hid]) => hid === id)?.[0];
    if (tag && edge === 'recent_media' && req.method === 'GET') {
      const day = Math.floor(Date.now() / 1000) - 86_400;
      const items = igMedia
        .filter((m) => m.timestamp > day && new RegExp(`#${tag}\\b`, 'i').test(m.caption))
        .sort(newest)
        .map((m) => igMediaJson(m, false));
      return list(req, items, owner);
    }
    const media = igMedia.find((m) => m.id === id && mine.some((u) => u.id === m.ownerId));
    if (media && edge === 'comments' && req.method === 'GET') {
      const top = igComments.filter((c) => c.mediaId === media.id && !c.parentId && !c.deleted).sort(newest);
      const withReplies = top.map((c) => ({
        ...igCommentJson(c),
        replies: {
          data: igComments
            .filter((r) => r.parentId === c.id && !r.deleted)
            .sort(newest)
            .map(igCommentJson),
        },
      }));
      return list(req, withReplies, owner);
    }
    const comment = igComments.find(
      (c) =>
        c.id === id && !c.deleted && igMedia.some((m) => m.id === c.mediaId && mine.some((u) => u.id === m.ownerId)),
    );
    if (!comment) return undefined;
    const account = mine.find((u) => igMedia.some((m) => m.id === comment.mediaId && m.ownerId === u.id))!;
    if (edge === 'replies' && req.method === 'POST') {
      const message = p.get('message') ?? '';
      if (!message) return fail(100, '(#100) The parameter message is required');
      // A reply to a reply is attached to the top-level comment, as on Instagram.
      const parentId = comment.parentId ?? comment.id;
      const made = fake.addIgComment({
        mediaId: comment.mediaId,
        parentId,
        text: message,
        from: { id: account.id, username: account.username },
      });
      replies.push({ parentId: comment.id, message, id: made.id });
      return ok({ id: made.id }, owner);
    }
    if (edge === 'replies' && req.method === 'GET')
      return list(
        req,
        igComments
          .filter((r) => r.parentId === comment.id && !r.deleted)
          .sort(newest)
          .map(igCommentJson),
        owner,
      );
    if (!edge && req.method === 'DELETE') {
      comment.deleted = true;
      return ok({ success: true }, owner);
    }
    if (!edge && req.method === 'POST' && p.has('hide')) {
      comment.hidden = p.get('hide') === 'true';
      return ok({ success: true }, owner);
    }
    return undefined;
  }

  /** Facebook Login and what a user token reads: the dialog, the token endpoint, /debug_token, /me/accounts. */
  function loginRoute(req: FakeRequest, p: URLSearchParams, id: string, edge: string | undefined) {
    if (id === 'dialog' && edge === 'oauth') return dialog(oauth, req, 'Facebook');
    if (id === 'oauth' && edge === 'access_token') {
      if (p.get('grant_type') === 'fb_exchange_token') {
        if (p.get('client_id') !== oauth.appId || p.get('client_secret') !== fake.appSecret)
          return fail(101, 'Error validating application. Invalid application ID or secret.');
        return lengthen(oauth, p.get('fb_exchange_token'), fail, ok);
      }
      return exchangeCode(oauth, p, fake.appSecret, fail, ok, true);
    }
    if (id === 'debug_token' && !edge) {
      if (p.get('access_token') !== `${oauth.appId}|${fake.appSecret}`) return fail(190, 'Invalid app access token');
      const t = oauth.tokens.get(p.get('input_token') ?? '');
      if (!t) return ok({ data: { is_valid: false, scopes: [] } });
      return ok({
        data: {
          app_id: oauth.appId,
          type: 'USER',
          is_valid: !revoked.has(p.get('input_token')!),
          expires_at: t.expiresAt,
          data_access_expires_at: Math.floor(Date.now() / 1000) + fake.dataAccessSeconds,
          scopes: t.scopes,
          user_id: t.userId,
        },
      });
    }
    const user = oauth.tokens.get(p.get('access_token') ?? '');
    if (id === 'me' && edge === 'accounts' && user) {
      if (revoked.has(p.get('access_token')!))
        return fail(190, 'Error validating access token', revoked.get(p.get('access_token')!));
      const mine = [...pages.values()]
        .filter((x) => x.managerId === user.userId)
        .map((x) => {
          const ig = [...igUsers.values()].find((u) => u.pageId === x.id);
          return {
            id: x.id,
            name: x.name,
            access_token: x.token,
            category: 'Brand',
            tasks: ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'],
            ...(ig ? { instagram_business_account: { id: ig.id, username: ig.username } } : {}),
          };
        });
      return list(req, mine, user.userId);
    }
    return undefined;
  }

  const route = (req: FakeRequest) => {
    const m = /^\/(v\d+\.\d+)\/([^/]+)(?:\/([a-z_]+))?$/.exec(req.path);
    if (!m) return undefined;
    const [, version, id, edge] = m as unknown as [string, string, string, string | undefined];
    return async (): Promise<FakeResponse> => {
      if (version !== fake.version) return fail(2635, `(#2635) You are calling a deprecated version (${version}).`);
      const p = params(req);
      const login = loginRoute(req, p, id, edge);
      if (login) return login;
      const page = authorise(p);
      if (!('token' in page)) return page;
      const owner = page.id;
      const postOf = (pid: string) => posts.find((x) => x.id === pid && x.pageId === page.id);
      const commentOf = (cid: string) => comments.find((x) => x.id === cid && postOf(x.postId) && !x.deleted);
      const ig = igRoute(req, p, id, edge, page);
      if (ig) return ig;
      if (req.method === 'GET' && !edge && id === page.id) return ok({ id: page.id, name: page.name }, owner);
      if (req.method === 'GET' && id === page.id && (edge === 'feed' || edge === 'tagged')) {
        const since = Number(req.query.get('since') ?? 0);
        const items = posts
          .filter((x) => x.pageId === page.id && Boolean(x.tagged) === (edge === 'tagged') && x.updated_time > since)
          .sort((a, b) => b.updated_time - a.updated_time || Number(b.id.split('_')[1]) - Number(a.id.split('_')[1]))
          .map(postJson);
        return list(req, items, owner);
      }
      if (req.method === 'GET' && id === page.id && edge === 'ratings') {
        if (fake.ratingsDeprecated)
          return fail(12, '(#12) page ratings is deprecated for versions v22.0 and higher', undefined, owner);
        const items = ratings
          .filter((r) => r.pageId === page.id)
          .sort((a, b) => b.created_time - a.created_time)
          .map((r) => ({
            created_time: iso(r.created_time),
            recommendation_type: r.recommendation_type,
            review_text: r.review_text,
            reviewer: r.reviewer,
            has_review: true,
            has_rating: r.rating !== undefined,
            ...(r.rating !== undefined ? { rating: r.rating } : {}),
            open_graph_story: { id: r.id },
          }));
        return list(req, items, owner);
      }
      if (edge === 'comments') {
        const post = postOf(id);
        const parent = post ? null : commentOf(id);
        if (!post && !parent) return fail(100, `(#100) Unsupported request: object ${id} does not exist`);
        if (req.method === 'POST') {
          const message = p.get('message') ?? '';
          if (!message) return fail(100, '(#100) The parameter message is required');
          const c = fake.addComment({
            postId: post ? post.id : parent!.postId,
            parentId: post ? null : parent!.id,
            message,
            from: { id: page.id, name: page.name },
          });
          replies.push({ parentId: id, message, id: c.id });
          return ok({ id: c.id }, owner);
        }
        const stream = req.query.get('filter') === 'stream';
        const chronological = req.query.get('order') === 'chronological';
        const items = comments
          .filter((c) => !c.deleted)
          .filter((c) => (post ? c.postId === post.id && (stream || c.parentId === null) : c.parentId === id))
          .sort((a, b) => (chronological ? a.created_time - b.created_time : b.created_time - a.created_time))
          .map(commentJson);
        return list(req, items, owner);
      }
      if (edge === 'subscribed_apps' && req.method === 'POST' && id === page.id) {
        subscribedApps.set(page.id, p.get('subscribed_fields') ?? '');
        return ok({ success: true }, owner);
      }
      if (edge === 'likes' && req.method === 'POST') {
        const c = commentOf(id);
        if (!c && !postOf(id)) return fail(100, `(#100) object ${id} does not exist`);
        if (c) c.likedByPage = true;
        return ok({ success: true }, owner);
      }
      if (!edge && (req.method === 'POST' || req.method === 'DELETE')) {
        const c = commentOf(id);
        if (!c) return fail(100, `(#100) Unsupported request: object ${id} does not exist`);
        if (req.method === 'DELETE') c.deleted = true;
        else if (p.has('is_hidden')) c.is_hidden = p.get('is_hidden') === 'true';
        return ok({ success: true }, owner);
      }
      return fail(100, `(#100) Unsupported ${req.method} request to ${id}/${edge ?? ''}`);
    };
  };

  server = await startFakeServer(route);
  const fake: FakeMetaGraph = Object.assign(server, {
    version: o.version ?? 'v24.0',
    appId: oauth.appId,
    appSecret: o.appSecret ?? 'fake-app-secret',
    oauth,
    subscribedApps,
    dataAccessSeconds: 90 * 86_400,
    pages,
    posts,
    comments,
    ratings,
    ratingsDeprecated: false,
    replies,
    igUsers,
    igMedia,
    igComments,
    hashtagSearches,
    revoked,
    usage,
    addPage(p: Partial<FakeFbPage> & { name: string }) {
      const page = {
        id: p.id ?? nextId(),
        token: p.token ?? `EAAPage${nextId()}`,
        managerId: oauth.signedIn?.id ?? '100042',
        ...p,
      };
      pages.set(page.id, page);
      return page;
    },
    addIgUser(u: { username: string; pageId: string }) {
      const user = { id: `1784${nextId()}`, ...u };
      igUsers.set(user.id, user);
      return user;
    },
    addIgMedia(m: Partial<FakeIgMedia> & { ownerId: string; caption: string }) {
      const owner = igUsers.get(m.ownerId);
      const media: FakeIgMedia = {
        id: `1790${nextId()}`,
        username: owner?.username ?? `user${m.ownerId}`,
        timestamp: tick(),
        taggedIds: [],
        ...m,
      };
      igMedia.push(media);
      return media;
    },
    addIgComment(c: Partial<FakeIgComment> & { mediaId: string; text: string }) {
      const comment: FakeIgComment = {
        id: `1800${nextId()}`,
        parentId: null,
        from: { id: nextId(), username: 'visitor' },
        timestamp: tick(),
        hidden: false,
        ...c,
      };
      igComments.push(comment);
      return comment;
    },
    addPost(p: Partial<FakeFbPost> & { pageId: string; message: string }) {
      const t = p.created_time ?? tick();
      const post: FakeFbPost = {
        id: `${p.pageId}_${nextId()}`,
        from: { id: nextId(), name: 'Visitor' },
        created_time: t,
        updated_time: t,
        ...p,
      };
      posts.push(post);
      return post;
    },
    addComment(c: Partial<FakeFbComment> & { postId: string; message: string }) {
      const t = c.created_time ?? tick();
      const post = posts.find((x) => x.id === c.postId);
      const comment: FakeFbComment = {
        id: `${c.postId.split('_')[1]}_${nextId()}`,
        parentId: null,
        from: { id: nextId(), name: 'Commenter' },
        created_time: t,
        is_hidden: false,
        like_count: 0,
        ...c,
      };
      comments.push(comment);
      // A comment moves its post up the feed, as on Facebook.
      if (post) post.updated_time = Math.max(post.updated_time, t);
      return comment;
    },
    addRating(r: Partial<FakeFbRating> & { pageId: string; review_text: string }) {
      const rating: FakeFbRating = {
        id: nextId(),
        reviewer: { id: nextId(), name: 'Reviewer' },
        recommendation_type: 'positive',
        created_time: tick(),
        ...r,
      };
      ratings.push(rating);
      return rating;
    },
    failNext(code: number, f: { subcode?: number; status?: number; etaMinutes?: number; match?: RegExp } = {}) {
      const eta = f.etaMinutes ?? 0;
      server.fault({
        ...(f.match ? { match: (req: FakeRequest) => f.match!.test(req.path) } : {}),
        status: f.status ?? 400,
        headers: {
          'x-business-use-case-usage': JSON.stringify({
            '0': [
              { type: 'pages', call_count: 100, total_cputime: 1, total_time: 1, estimated_time_to_regain_access: eta },
            ],
          }),
        },
        json: metaErrorBody(code, `(#${code}) scripted failure`, f.subcode),
      });
    },
  });
  return fake;
}
