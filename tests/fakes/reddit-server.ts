import { type FakeRequest, type FakeResponse, type FakeServer, startFakeServer } from './fake-http';

/**
 * A fake Reddit (www.reddit.com token endpoint + oauth.reddit.com API on one server) speaking
 * Reddit's wire format: Basic-auth POST /api/v1/access_token ({"error": "invalid_grant"} with 200
 * for a bad password), Listing/Thing JSON with fullnames, after/before slices as Reddit cuts them
 * (before=X gives the page just above X), text escaped &amp; &lt; &gt; unless raw_json=1,
 * x-ratelimit-* headers (reset in seconds), {"message", "error"} error bodies,
 * POST /api/comment answering {"json": {"errors": [], "data": {"things": [...]}}} (the same text
 * twice makes two comments, as on Reddit), and an account's comments, newest first
 * (GET /user/{name}/comments).
 */
export interface FakeRedditPost {
  id: string;
  name: string;
  subreddit: string;
  title: string;
  selftext: string;
  author: string;
  created_utc: number;
  score: number;
  num_comments: number;
  url?: string;
  removed_by_category?: string | null;
}

export interface FakeRedditComment {
  id: string;
  name: string;
  subreddit: string;
  body: string;
  author: string;
  link_id: string;
  parent_id: string;
  created_utc: number;
  score: number;
}

type Item = { kind: 't3'; data: FakeRedditPost } | { kind: 't1'; data: FakeRedditComment };

export interface FakeReddit extends FakeServer {
  items: Item[];
  apps: Map<string, string>;
  accounts: Map<string, string>;
  tokenRequests: FakeRequest[];
  replies: { thing_id: string; text: string; authorization: string | undefined }[];
  /** Every reply is posted at once but answered only after this long (0: at once). */
  replyDelayMs: number;
  addPost(p: Partial<FakeRedditPost> & { title: string }): FakeRedditPost;
  addComment(c: Partial<FakeRedditComment> & { body: string; link_id: string }): FakeRedditComment;
  /** Forgets every issued token, as if they had expired. */
  revokeTokens(): void;
  rateLimitNext(resetSeconds: number): void;
}

let seq = parseInt('1a0000', 36);
let clock = Math.floor(Date.now() / 1000) - 86_400;
const nextId = () => (++seq).toString(36);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const slug = (t: string) =>
  t
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 50)
    .replace(/^_|_$/g, '');
/** Removed and deleted items carry no author_fullname; others a stable t2_ id per name. */
const userId = (author: string) =>
  author.startsWith('[')
    ? undefined
    : `t2_${[...author].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 2_000_000_000, 7).toString(36)}`;
const rateHeaders = (): Record<string, string> => ({
  'x-ratelimit-remaining': '995.0',
  'x-ratelimit-used': '5',
  'x-ratelimit-reset': '300',
});
const err = (status: number, message: string, extra: Record<string, unknown> = {}): FakeResponse => ({
  status,
  headers: rateHeaders(),
  json: { ...extra, message, error: status },
});

/** Good enough for a fake: an item matches when any positive word or phrase of q is in it. */
function matches(q: string, text: string) {
  const hay = text.toLowerCase();
  const tokens = q.match(/"[^"]*"|[^\s()"]+/g) ?? [];
  const wanted: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t === 'AND' || t === 'OR') continue;
    if (t === 'NOT') {
      i++;
      continue;
    }
    wanted.push(t.replace(/"/g, '').toLowerCase());
  }
  return wanted.some((w) => hay.includes(w));
}

export async function startFakeReddit(): Promise<FakeReddit> {
  const items: Item[] = []; // oldest first, as Reddit's "new" sort reads them reversed
  const apps = new Map<string, string>([['test-client', 'test-secret']]);
  const accounts = new Map<string, string>([['acme_support', 'hunter2']]);
  const tokens = new Map<string, { user: string | null }>();
  const tokenRequests: FakeRequest[] = [];
  const replies: FakeReddit['replies'] = [];
  const settings = { replyDelayMs: 0 };

  const wirePost = (p: FakeRedditPost, raw: boolean) => {
    const e = raw ? (s: string) => s : esc;
    const permalink = `/r/${p.subreddit}/comments/${p.id}/${slug(p.title)}/`;
    return {
      kind: 't3',
      data: {
        approved_at_utc: null,
        subreddit: p.subreddit,
        selftext: e(p.selftext),
        author_fullname: userId(p.author),
        title: e(p.title),
        subreddit_name_prefixed: `r/${p.subreddit}`,
        name: p.name,
        upvote_ratio: 0.97,
        ups: p.score,
        score: p.score,
        num_comments: p.num_comments,
        selftext_html: p.selftext
          ? esc(`<!-- SC_OFF --><div class="md"><p>${esc(p.selftext)}</p>\n</div><!-- SC_ON -->`)
          : null,
        created: p.created_utc,
        created_utc: p.created_utc,
        id: p.id,
        permalink,
        url: p.url ?? `https://www.reddit.com${permalink}`,
        is_self: !p.url,
        over_18: false,
        stickied: false,
        locked: false,
        edited: false,
        subreddit_id: `t5_${slug(p.subreddit)}`,
        removed_by_category: p.removed_by_category ?? null,
        author: p.author,
      },
    };
  };
  const wireComment = (c: FakeRedditComment, raw: boolean) => {
    const post = items.find((i) => i.data.name === c.link_id)?.data as FakeRedditPost | undefined;
    const linkPermalink = post
      ? `/r/${post.subreddit}/comments/${post.id}/${slug(post.title)}/`
      : `/r/${c.subreddit}/comments/${c.link_id.slice(3)}/_/`;
    return {
      kind: 't1',
      data: {
        subreddit: c.subreddit,
        author_fullname: userId(c.author),
        id: c.id,
        name: c.name,
        body: raw ? c.body : esc(c.body),
        body_html: esc(`<div class="md"><p>${esc(c.body)}</p>\n</div>`),
        author: c.author,
        link_id: c.link_id,
        parent_id: c.parent_id,
        permalink: `${linkPermalink}${c.id}/`,
        created: c.created_utc,
        created_utc: c.created_utc,
        score: c.score,
        ups: c.score,
        controversiality: 0,
        edited: false,
        replies: '',
        is_submitter: false,
        subreddit_id: `t5_${slug(c.subreddit)}`,
        link_title: post ? esc(post.title) : '',
        link_author: post?.author ?? '[deleted]',
        link_permalink: `https://www.reddit.com${linkPermalink}`,
        num_comments: post?.num_comments ?? 0,
        over_18: false,
        quarantine: false,
      },
    };
  };

  function bearer(req: FakeRequest) {
    const m = /^bearer (.+)$/i.exec(req.headers.authorization ?? '');
    return m ? tokens.get(m[1]!) : undefined;
  }

  /** Reddit's listing slice: after=X reads below X, before=X the page right above X. */
  function listing(req: FakeRequest, pool: Item[]): FakeResponse {
    const limit = Math.min(100, Math.max(1, Number(req.query.get('limit') ?? 25)));
    const newest = [...pool].reverse();
    const after = req.query.get('after');
    const before = req.query.get('before');
    let start = 0;
    let end = newest.length;
    if (after) {
      const i = newest.findIndex((t) => t.data.name === after);
      start = i < 0 ? newest.length : i + 1;
      end = Math.min(newest.length, start + limit);
    } else if (before) {
      const i = newest.findIndex((t) => t.data.name === before);
      end = Math.max(i, 0);
      start = Math.max(0, end - limit);
    } else end = Math.min(newest.length, limit);
    const page = newest.slice(start, end);
    const raw = req.query.get('raw_json') === '1';
    return {
      headers: rateHeaders(),
      json: {
        kind: 'Listing',
        data: {
          after: page.length && end < newest.length ? page.at(-1)!.data.name : null,
          dist: page.length,
          modhash: null,
          geo_filter: '',
          children: page.map((t) => (t.kind === 't3' ? wirePost(t.data, raw) : wireComment(t.data, raw))),
          before: page.length && start > 0 ? page[0]!.data.name : null,
        },
      },
    };
  }

  const inSubs = (subs: string[] | null, sub: string) =>
    !subs || subs.includes('all') || subs.some((s) => s.toLowerCase() === sub.toLowerCase());

  function route(req: FakeRequest): FakeResponse {
    if (req.method === 'POST' && req.path === '/api/v1/access_token') return accessToken(req);
    const who = bearer(req);
    if (!who)
      return {
        ...err(401, 'Unauthorized'),
        headers: { ...rateHeaders(), 'www-authenticate': 'Bearer realm="reddit", error="invalid_token"' },
      };
    const sub = /^\/r\/([^/]+)\/(search|comments|new)$/.exec(req.path);
    const subs = sub ? sub[1]!.split('+') : null;
    if (subs?.some((s) => s.toLowerCase() === 'secretclub')) return err(403, 'Forbidden', { reason: 'private' });
    if (req.method === 'GET' && (req.path === '/search' || sub?.[2] === 'search')) {
      const q = req.query.get('q') ?? '';
      if (q.length > 512) return err(400, 'Bad Request');
      const restrict = req.query.get('restrict_sr') === '1' || req.query.get('restrict_sr') === 'true';
      const pool = items.filter(
        (i) =>
          i.kind === 't3' &&
          (!restrict || inSubs(subs, i.data.subreddit)) &&
          matches(q, `${(i.data as FakeRedditPost).title}\n${(i.data as FakeRedditPost).selftext}`),
      );
      return listing(req, pool);
    }
    if (req.method === 'GET' && sub?.[2] === 'comments')
      return listing(
        req,
        items.filter((i) => i.kind === 't1' && inSubs(subs, i.data.subreddit)),
      );
    if (req.method === 'GET' && sub?.[2] === 'new')
      return listing(
        req,
        items.filter((i) => i.kind === 't3' && inSubs(subs, i.data.subreddit)),
      );
    if (req.method === 'GET' && req.path === '/api/v1/me') {
      if (!who.user) return err(403, 'Forbidden');
      return {
        headers: rateHeaders(),
        json: {
          name: who.user,
          id: 'abc123',
          link_karma: 1,
          comment_karma: 10,
          created_utc: 1500000000,
          has_verified_email: true,
          icon_img: '',
        },
      };
    }
    if (req.method === 'POST' && req.path === '/api/comment') return comment(req, who.user);
    const user = /^\/user\/([^/]+)\/comments$/.exec(req.path);
    if (req.method === 'GET' && user) {
      const name = decodeURIComponent(user[1]!).toLowerCase();
      return listing(
        req,
        items.filter((i) => i.kind === 't1' && i.data.author.toLowerCase() === name),
      );
    }
    return err(404, 'Not Found');
  }

  function accessToken(req: FakeRequest): FakeResponse {
    tokenRequests.push(req);
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
    const [id, secret] = basic ? Buffer.from(basic[1]!, 'base64').toString().split(':') : [];
    if (!id || apps.get(id) !== secret) return { status: 401, json: { message: 'Unauthorized', error: 401 } };
    const form = new URLSearchParams(req.body);
    let user: string | null = null;
    if (form.get('grant_type') === 'password') {
      if (accounts.get(form.get('username') ?? '') !== form.get('password'))
        return { json: { error: 'invalid_grant' } };
      user = form.get('username');
    } else if (form.get('grant_type') !== 'client_credentials') return { json: { error: 'unsupported_grant_type' } };
    const token = `${user ? 'u' : 'a'}-${Math.random().toString(36).slice(2)}`;
    tokens.set(token, { user });
    return { json: { access_token: token, token_type: 'bearer', expires_in: 86400, scope: '*' } };
  }

  function comment(req: FakeRequest, user: string | null): FakeResponse {
    const form = new URLSearchParams(req.body);
    const thingId = form.get('thing_id') ?? '';
    const text = form.get('text') ?? '';
    const fail = (code: string, msg: string, field: string | null) => ({
      headers: rateHeaders(),
      json: { json: { errors: [[code, msg, field]] } },
    });
    if (!user) return fail('USER_REQUIRED', 'Please log in to do that.', null);
    const parent = items.find((i) => i.data.name === thingId);
    if (!parent) return fail('NO_THING_ID', "that item doesn't exist", 'parent');
    if (!text.trim()) return fail('NO_TEXT', 'we need something here', 'text');
    replies.push({ thing_id: thingId, text, authorization: req.headers.authorization });
    // Made now, on the real clock: a lookup reads back to when the reply was queued.
    const c = api.addComment({
      body: text,
      author: user,
      link_id: parent.kind === 't3' ? parent.data.name : parent.data.link_id,
      parent_id: thingId,
      subreddit: parent.data.subreddit,
      created_utc: Math.max(clock + 1, Math.floor(Date.now() / 1000)),
    });
    return {
      headers: rateHeaders(),
      json: { json: { errors: [], data: { things: [wireComment(c, false)] } } },
      ...(settings.replyDelayMs ? { delayMs: settings.replyDelayMs } : {}),
    };
  }

  const server = await startFakeServer(() => route);
  const insert = (item: Item) => {
    items.push(item);
    items.sort((a, b) => a.data.created_utc - b.data.created_utc || parseInt(a.data.id, 36) - parseInt(b.data.id, 36));
  };
  const api: FakeReddit = {
    ...server,
    items,
    apps,
    accounts,
    tokenRequests,
    replies,
    get replyDelayMs() {
      return settings.replyDelayMs;
    },
    set replyDelayMs(v: number) {
      settings.replyDelayMs = v;
    },
    addPost(p) {
      const id = p.id ?? nextId();
      const full: FakeRedditPost = {
        subreddit: 'acme',
        selftext: '',
        author: 'ana_dev',
        created_utc: ++clock,
        score: 1,
        num_comments: 0,
        ...p,
        id,
        name: `t3_${id}`,
      };
      insert({ kind: 't3', data: full });
      return full;
    },
    addComment(c) {
      const id = c.id ?? nextId();
      const full: FakeRedditComment = {
        subreddit: 'acme',
        author: 'ben_ops',
        parent_id: c.link_id,
        created_utc: ++clock,
        score: 1,
        ...c,
        id,
        name: `t1_${id}`,
      };
      insert({ kind: 't1', data: full });
      return full;
    },
    revokeTokens: () => tokens.clear(),
    rateLimitNext(reset) {
      server.fault({
        match: (r) => r.path !== '/api/v1/access_token',
        status: 429,
        headers: { 'x-ratelimit-remaining': '0.0', 'x-ratelimit-used': '1000', 'x-ratelimit-reset': String(reset) },
        json: { message: 'Too Many Requests', error: 429 },
      });
    },
  };
  return api;
}
