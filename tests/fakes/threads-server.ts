import { type FakeRequest, type FakeResponse, type FakeServer, startFakeServer } from './fake-http';
import { metaErrorBody } from './meta-graph-server';
import { createFakeOAuth, dialog, exchangeCode, type FakeOAuth, lengthen, renew } from './meta-oauth';

/**
 * A fake Threads API (graph.threads.net) in its wire format: /v1.0 paths, `access_token` as a parameter,
 * lists as {data, paging: {cursors: {before, after}, next}}, Graph's error object, media with `id, text,
 * username, timestamp ("2026-12-06T10:00:00+0000"), permalink, replied_to, root_post, hide_status`.
 * GET /me, /{user-id}/threads (own posts), /{media-id}/conversation (every reply, flat; newest first unless
 * reverse=false), /{media-id}/replies, /{user-id}/mentions, /keyword_search (q, search_type RECENT|TOP,
 * since); replies in two steps as Threads makes them (POST /{user-id}/threads with reply_to_id -> a
 * container; POST /{user-id}/threads_publish with creation_id -> the post; a container publishes once);
 * POST /{reply-id}/manage_reply with hide.
 *
 * Threads' own sign-in (meta-oauth.ts): GET /oauth/authorize (the authorization window), POST
 * /oauth/access_token (code -> short-lived token and user_id, no token_type), GET /access_token with
 * th_exchange_token (60 days), GET /refresh_access_token with th_refresh_token (60 more days, the old token
 * retired). A token from there reads as the profile that signed in.
 */
export interface FakeThreadsUser {
  id: string;
  username: string;
  token: string;
}

export interface FakeThreadsPost {
  id: string;
  ownerId: string;
  username: string;
  text: string;
  timestamp: number;
  repliedTo: string | null;
  rootId: string | null;
  hidden: boolean;
}

export interface FakeThreads extends FakeServer {
  appId: string;
  appSecret: string;
  oauth: FakeOAuth;
  users: Map<string, FakeThreadsUser>;
  posts: FakeThreadsPost[];
  /** Containers made, and which were published. */
  containers: Map<string, { userId: string; text: string; replyTo: string; published: string | null }>;
  addUser(u: { username: string }): FakeThreadsUser;
  addPost(p: {
    author: { id?: string; username: string };
    text: string;
    replyTo?: string;
    timestamp?: number;
  }): FakeThreadsPost;
}

let seq = 9_000_000;
let clock = Math.floor(Date.now() / 1000) - 86_400;
const nextId = () => String(++seq);
const iso = (s: number) => new Date(s * 1000).toISOString().replace(/\.\d{3}Z$/, '+0000');

export async function startFakeThreads(): Promise<FakeThreads> {
  const oauth = createFakeOAuth('787878787878');
  oauth.signedIn = null;
  const users = new Map<string, FakeThreadsUser>();
  const posts: FakeThreadsPost[] = [];
  const containers: FakeThreads['containers'] = new Map();
  let server: FakeServer;
  const fail = (code: number, message: string, subcode?: number): FakeResponse => ({
    status: 400,
    json: metaErrorBody(code, message, subcode),
  });
  const params = (req: FakeRequest) => {
    if (req.method !== 'POST') return req.query;
    const form = new URLSearchParams(req.body);
    for (const [k, v] of req.query) if (!form.has(k)) form.set(k, v);
    return form;
  };
  const json = (p: FakeThreadsPost) => ({
    id: p.id,
    text: p.text,
    username: p.username,
    timestamp: iso(p.timestamp),
    permalink: `https://www.threads.net/@${p.username}/post/${p.id}`,
    media_type: 'TEXT_POST',
    is_reply: p.repliedTo !== null,
    ...(p.repliedTo ? { replied_to: { id: p.repliedTo } } : {}),
    ...(p.rootId ? { root_post: { id: p.rootId } } : {}),
    hide_status: p.hidden ? 'HIDDEN' : 'NOT_HUSHED',
  });
  const list = (req: FakeRequest, items: unknown[]): FakeResponse => {
    const limit = Math.min(Number(req.query.get('limit') ?? 25) || 25, 100);
    const after = req.query.get('after');
    const start = after ? Number(Buffer.from(after, 'base64').toString('utf8')) || 0 : 0;
    const slice = items.slice(start, start + limit);
    const cursor = (n: number) => Buffer.from(String(n)).toString('base64');
    const next = new URL(req.path, server.url);
    for (const [k, v] of req.query) next.searchParams.set(k, v);
    next.searchParams.set('after', cursor(start + limit));
    return {
      json: {
        data: slice,
        paging: {
          cursors: { before: cursor(start), after: cursor(start + slice.length) },
          ...(start + limit < items.length ? { next: next.toString() } : {}),
        },
      },
    };
  };
  const newestFirst = (a: FakeThreadsPost, b: FakeThreadsPost) => b.timestamp - a.timestamp;

  const ok = (body: unknown): FakeResponse => ({ json: body });
  const loginRoute = (req: FakeRequest): (() => FakeResponse) | undefined => {
    if (req.path === '/oauth/authorize') return () => dialog(oauth, req, 'Threads');
    if (req.path === '/oauth/access_token' && req.method === 'POST')
      return () => exchangeCode(oauth, params(req), fake.appSecret, fail, ok, false);
    if (req.path === '/access_token')
      return () => {
        if (req.query.get('grant_type') !== 'th_exchange_token' || req.query.get('client_secret') !== fake.appSecret)
          return fail(101, 'Error validating application. Invalid application ID or secret.');
        return lengthen(oauth, req.query.get('access_token'), fail, ok);
      };
    if (req.path === '/refresh_access_token')
      return () =>
        req.query.get('grant_type') === 'th_refresh_token'
          ? renew(oauth, req.query.get('access_token'), fail, ok)
          : fail(100, '(#100) grant_type must be th_refresh_token');
    return undefined;
  };
  /** The profile a token reads as: one made by addUser, or one signed in through the authorization window. */
  const tokenUser = (token: string | null) => {
    const own = [...users.values()].find((u) => u.token === token);
    if (own) return own;
    const t = oauth.tokens.get(token ?? '');
    return t && t.expiresAt > Date.now() / 1000 ? users.get(t.userId) : undefined;
  };

  const route = (req: FakeRequest) => {
    const login = loginRoute(req);
    if (login) return login;
    const m = /^\/v1\.0\/([^/]+)(?:\/([a-z_]+))?$/.exec(req.path);
    if (!m) return undefined;
    const [, id, edge] = m as unknown as [string, string, string | undefined];
    return (): FakeResponse => {
      const p = params(req);
      const user = tokenUser(p.get('access_token'));
      if (!user) return fail(190, 'Invalid OAuth access token.');
      const self = id === 'me' || id === user.id;
      const since = Number(req.query.get('since') ?? 0);
      if (req.method === 'GET' && self && !edge) return { json: { id: user.id, username: user.username } };
      if (req.method === 'GET' && self && edge === 'threads')
        return list(
          req,
          posts
            .filter((x) => x.ownerId === user.id && !x.repliedTo)
            .sort(newestFirst)
            .map(json),
        );
      if (req.method === 'GET' && self && edge === 'mentions')
        return list(
          req,
          posts
            .filter((x) => x.text.includes(`@${user.username}`) && x.ownerId !== user.id && x.timestamp > since)
            .sort(newestFirst)
            .map(json),
        );
      if (req.method === 'GET' && id === 'keyword_search') {
        const q = (req.query.get('q') ?? '').toLowerCase();
        if (!q) return fail(100, '(#100) The parameter q is required');
        const hits = posts.filter((x) => x.text.toLowerCase().includes(q) && x.timestamp > since).sort(newestFirst);
        return list(req, hits.map(json));
      }
      if (req.method === 'GET' && (edge === 'conversation' || edge === 'replies')) {
        const root = posts.find((x) => x.id === id);
        if (!root) return fail(100, `(#100) Object ${id} does not exist`);
        const items = posts
          .filter((x) => (edge === 'replies' ? x.repliedTo === id : x.rootId === id))
          .sort((a, b) => (req.query.get('reverse') === 'false' ? a.timestamp - b.timestamp : newestFirst(a, b)));
        return list(req, items.map(json));
      }
      if (req.method === 'POST' && self && edge === 'threads') {
        const replyTo = p.get('reply_to_id') ?? '';
        if (p.get('media_type') !== 'TEXT' || !p.get('text'))
          return fail(100, '(#100) media_type TEXT and text needed');
        if (replyTo && !posts.some((x) => x.id === replyTo))
          return fail(100, `(#100) reply_to_id ${replyTo} not found`);
        const cid = nextId();
        containers.set(cid, { userId: user.id, text: p.get('text')!, replyTo, published: null });
        return { json: { id: cid } };
      }
      if (req.method === 'POST' && self && edge === 'threads_publish') {
        const c = containers.get(p.get('creation_id') ?? '');
        if (!c || c.userId !== user.id) return fail(24, '(#24) The requested resource does not exist');
        if (c.published) return fail(24, '(#24) This container was already published');
        const made = fake.addPost({ author: user, text: c.text, ...(c.replyTo ? { replyTo: c.replyTo } : {}) });
        c.published = made.id;
        return { json: { id: made.id } };
      }
      if (req.method === 'POST' && edge === 'manage_reply') {
        const reply = posts.find((x) => x.id === id && x.repliedTo);
        if (!reply) return fail(100, `(#100) Reply ${id} does not exist`);
        reply.hidden = p.get('hide') === 'true';
        return { json: { success: true } };
      }
      return fail(100, `(#100) Unsupported ${req.method} ${req.path}`);
    };
  };

  server = await startFakeServer(route);
  const fake: FakeThreads = Object.assign(server, {
    appId: oauth.appId,
    appSecret: 'fake-threads-secret',
    oauth,
    users,
    posts,
    containers,
    addUser(u: { username: string }) {
      const user = { id: nextId(), token: `THAA${nextId()}`, ...u };
      users.set(user.id, user);
      return user;
    },
    addPost(p: { author: { id?: string; username: string }; text: string; replyTo?: string; timestamp?: number }) {
      const parent = p.replyTo ? posts.find((x) => x.id === p.replyTo) : undefined;
      const post: FakeThreadsPost = {
        id: nextId(),
        ownerId: p.author.id ?? `u${p.author.username}`,
        username: p.author.username,
        text: p.text,
        timestamp: p.timestamp ?? ++clock,
        repliedTo: parent?.id ?? null,
        rootId: parent ? (parent.rootId ?? parent.id) : null,
        hidden: false,
      };
      posts.push(post);
      return post;
    },
  });
  return fake;
}
