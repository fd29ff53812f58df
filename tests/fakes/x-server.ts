import { type FakeRequest, type FakeServer, startFakeServer } from './fake-http';

/**
 * A fake X API v2 that answers with X's real wire format (from its API reference): recent search
 * (newest first, since_id, start_time, max_results, next_token, includes.users, meta, x-rate-limit-*
 * headers), POST /2/tweets for replies, and, as the account of the OAuth 1.0a token, GET /2/users/me
 * and the user timeline GET /2/users/:id/tweets (newest first, start_time, max_results 5..100,
 * pagination_token; only the tweet.fields asked for). A reply's text comes back as X shows it:
 * led by the @name it answers, with & < > escaped.
 */
export interface FakeTweet {
  id: string;
  text: string;
  author_id: string;
  created_at: string;
  conversation_id?: string;
  lang?: string;
  referenced_tweets?: { type: 'replied_to' | 'quoted' | 'retweeted'; id: string }[];
  note_tweet?: { text: string };
  public_metrics?: { retweet_count: number; reply_count: number; like_count: number; quote_count: number };
  withheld?: { copyright: boolean; country_codes: string[] };
}

export interface FakeUser {
  id: string;
  username: string;
  name: string;
  description?: string;
  verified?: boolean;
  url?: string;
  profile_image_url?: string;
  public_metrics?: { followers_count: number; following_count: number; tweet_count: number; listed_count: number };
}

export interface FakeXReply {
  id: string;
  /** As sent in the request. */
  text: string;
  in_reply_to_tweet_id: string | undefined;
  authorization: string | undefined;
  author_id: string;
  created_at: string;
}

export interface FakeX extends FakeServer {
  tweets: FakeTweet[];
  users: Map<string, FakeUser>;
  replies: FakeXReply[];
  /** X refuses a text the same account already posted (its duplicate-content rule); false turns the rule off. */
  rejectDuplicates: boolean;
  /** Every reply is posted at once but answered only after this long (0: at once). */
  replyDelayMs: number;
  /** The user id X gives the account of an OAuth access token. */
  accountId(accessToken: string): string;
  addTweet(t: Partial<FakeTweet> & { text: string }, user?: Partial<FakeUser>): FakeTweet;
  /** Adds n tweets with increasing ids (fast; for volume tests). */
  addMany(n: number): void;
  rateLimitNext(resetEpochSeconds: number): void;
  /** The next reply is posted, but the answer comes only after `ms` (a client that gave up never hears of it). */
  acceptNextReplySlowly(ms: number): void;
}

let seq = 1_800_000_000_000_000_000n;
export const nextTweetId = () => String(++seq);

export async function startFakeX(): Promise<FakeX> {
  const tweets: FakeTweet[] = []; // kept sorted by id ascending
  const users = new Map<string, FakeUser>();
  const replies: FakeXReply[] = [];
  const settings = { rejectDuplicates: true, replyDelayMs: 0 };
  const rateHeaders = () => ({
    'x-rate-limit-limit': '450',
    'x-rate-limit-remaining': '449',
    'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 900),
  });

  function search(req: FakeRequest) {
    if (!req.headers.authorization?.startsWith('Bearer ')) {
      return { status: 401, json: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' } };
    }
    const q = req.query;
    if (!q.get('query')) {
      return {
        status: 400,
        json: {
          errors: [{ parameters: { query: [] }, message: 'The `query` query parameter can not be empty' }],
          title: 'Invalid Request',
          detail: 'One or more parameters to your request was invalid.',
          type: 'https://api.twitter.com/2/problems/invalid-request',
        },
      };
    }
    const max = Math.min(100, Math.max(10, Number(q.get('max_results') ?? 10)));
    const since = q.get('since_id') ? BigInt(q.get('since_id')!) : null;
    const until = q.get('next_token') ? BigInt(Buffer.from(q.get('next_token')!, 'base64url').toString()) : null;
    const start = q.get('start_time') ? Date.parse(q.get('start_time')!) : null;
    const page: FakeTweet[] = [];
    let more = false;
    // Tweets are sorted by id: jump straight below next_token instead of scanning from the top.
    let i = tweets.length - 1;
    if (until !== null) {
      let lo = 0;
      let hi = tweets.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (BigInt(tweets[mid]!.id) < until) lo = mid + 1;
        else hi = mid;
      }
      i = lo - 1;
    }
    for (; i >= 0; i--) {
      const t = tweets[i]!;
      const id = BigInt(t.id);
      if (since !== null && id <= since) break;
      if (start !== null && Date.parse(t.created_at) < start) continue;
      if (page.length === max) {
        more = true;
        break;
      }
      page.push(t);
    }
    if (page.length === 0) return { headers: rateHeaders(), json: { meta: { result_count: 0 } } };
    const authorIds = [...new Set(page.map((t) => t.author_id))];
    const meta: Record<string, unknown> = {
      newest_id: page[0]!.id,
      oldest_id: page.at(-1)!.id,
      result_count: page.length,
    };
    if (more) meta.next_token = Buffer.from(page.at(-1)!.id).toString('base64url');
    return {
      headers: rateHeaders(),
      json: { data: page, includes: { users: authorIds.map((id) => users.get(id)).filter(Boolean) }, meta },
    };
  }

  let slowNextReplyMs = 0;

  const userContextOnly = {
    status: 403,
    json: {
      title: 'Unsupported Authentication',
      detail: 'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.',
      type: 'https://api.twitter.com/2/problems/unsupported-authentication',
      status: 403,
    },
  };
  const tokenOf = (authorization: string | undefined) => /oauth_token="([^"]*)"/.exec(authorization ?? '')?.[1];
  /** The account an OAuth 1.0a request acts as: a user of its own, made on first sight. */
  const accountId = (token: string) => {
    const id = String(1_000_000 + [...token].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 1_000_000_000, 7));
    if (!users.has(id))
      users.set(id, {
        id,
        username: `acct_${id}`,
        name: `Account ${id}`,
        description: '',
        verified: false,
        public_metrics: { followers_count: 10, following_count: 1, tweet_count: 0, listed_count: 0 },
      });
    return id;
  };

  async function tweet(req: FakeRequest) {
    const body = JSON.parse(req.body || '{}') as { text?: string; reply?: { in_reply_to_tweet_id?: string } };
    const token = req.headers.authorization?.startsWith('OAuth ') ? tokenOf(req.headers.authorization) : undefined;
    if (token === undefined) return userContextOnly;
    // X refuses a tweet whose text the same account posted already (its duplicate-content rule).
    if (
      settings.rejectDuplicates &&
      replies.some((r) => r.text === (body.text ?? '') && tokenOf(r.authorization) === token)
    ) {
      return {
        status: 403,
        json: {
          detail: 'You are not allowed to create a Tweet with duplicate content.',
          type: 'about:blank',
          title: 'Forbidden',
          status: 403,
        },
      };
    }
    const id = nextTweetId();
    replies.push({
      id,
      text: body.text ?? '',
      in_reply_to_tweet_id: body.reply?.in_reply_to_tweet_id,
      authorization: req.headers.authorization,
      author_id: accountId(token),
      created_at: new Date().toISOString(),
    });
    const delayMs = slowNextReplyMs || settings.replyDelayMs;
    slowNextReplyMs = 0;
    return {
      status: 201,
      json: { data: { id, text: body.text, edit_history_tweet_ids: [id] } },
      ...(delayMs ? { delayMs } : {}),
    };
  }

  function me(req: FakeRequest) {
    const token = req.headers.authorization?.startsWith('OAuth ') ? tokenOf(req.headers.authorization) : undefined;
    if (token === undefined) return userContextOnly;
    const u = users.get(accountId(token))!;
    return { headers: rateHeaders(), json: { data: { id: u.id, name: u.name, username: u.username } } };
  }

  /** A reply as the timeline shows it: X leads with the @name it answers and escapes & < >. */
  const asTimelineTweet = (r: FakeXReply): FakeTweet => {
    const parent = tweets.find((t) => t.id === r.in_reply_to_tweet_id);
    const to = parent ? users.get(parent.author_id) : undefined;
    const text = r.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return {
      id: r.id,
      text: to ? `@${to.username} ${text}` : text,
      author_id: r.author_id,
      created_at: r.created_at,
      conversation_id: parent?.conversation_id ?? r.id,
      ...(r.in_reply_to_tweet_id
        ? { referenced_tweets: [{ type: 'replied_to' as const, id: r.in_reply_to_tweet_id }] }
        : {}),
    };
  };

  function timeline(req: FakeRequest) {
    if (!req.headers.authorization)
      return { status: 401, json: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' } };
    const userId = req.path.split('/')[3]!;
    const q = req.query;
    const max = Number(q.get('max_results') ?? 10);
    if (!Number.isInteger(max) || max < 5 || max > 100) {
      return {
        status: 400,
        json: {
          errors: [
            {
              parameters: { max_results: [String(max)] },
              message: 'The `max_results` query parameter value is not between 5 and 100',
            },
          ],
          title: 'Invalid Request',
          detail: 'One or more parameters to your request was invalid.',
          type: 'https://api.twitter.com/2/problems/invalid-request',
        },
      };
    }
    const start = q.get('start_time') ? Date.parse(q.get('start_time')!) : null;
    const before = q.get('pagination_token')
      ? BigInt(Buffer.from(q.get('pagination_token')!, 'base64url').toString())
      : null;
    const all = [
      ...tweets.filter((t) => t.author_id === userId),
      ...replies.filter((r) => r.author_id === userId).map(asTimelineTweet),
    ]
      .filter(
        (t) => (start === null || Date.parse(t.created_at) >= start) && (before === null || BigInt(t.id) < before),
      )
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
    const page = all.slice(0, max);
    if (page.length === 0) return { headers: rateHeaders(), json: { meta: { result_count: 0 } } };
    // Only id, text and edit_history_tweet_ids unless tweet.fields asks for more.
    const fields = new Set((q.get('tweet.fields') ?? '').split(',').filter(Boolean));
    const shown = page.map((t) => ({
      id: t.id,
      text: t.text,
      edit_history_tweet_ids: [t.id],
      ...Object.fromEntries(Object.entries(t).filter(([k]) => fields.has(k))),
    }));
    const meta: Record<string, unknown> = {
      result_count: page.length,
      newest_id: page[0]!.id,
      oldest_id: page.at(-1)!.id,
    };
    if (all.length > max) meta.next_token = Buffer.from(page.at(-1)!.id).toString('base64url');
    return { headers: rateHeaders(), json: { data: shown, meta } };
  }

  const server = await startFakeServer((req) => {
    if (req.method === 'GET' && req.path === '/2/tweets/search/recent') return search;
    if (req.method === 'POST' && req.path === '/2/tweets') return tweet;
    if (req.method === 'GET' && req.path === '/2/users/me') return me;
    if (req.method === 'GET' && /^\/2\/users\/\d+\/tweets$/.test(req.path)) return timeline;
    return undefined;
  });

  const ensureUser = (u: Partial<FakeUser> = {}) => {
    const id = u.id ?? '2244994945';
    if (!users.has(id)) {
      users.set(id, {
        id,
        username: u.username ?? `user${id}`,
        name: u.name ?? `User ${id}`,
        description: u.description ?? '',
        verified: u.verified ?? false,
        public_metrics: u.public_metrics ?? {
          followers_count: 1200,
          following_count: 10,
          tweet_count: 500,
          listed_count: 3,
        },
        ...(u.url ? { url: u.url } : {}),
        ...(u.profile_image_url ? { profile_image_url: u.profile_image_url } : {}),
      });
    }
    return id;
  };

  return {
    ...server,
    tweets,
    users,
    replies,
    accountId,
    get rejectDuplicates() {
      return settings.rejectDuplicates;
    },
    set rejectDuplicates(v: boolean) {
      settings.rejectDuplicates = v;
    },
    get replyDelayMs() {
      return settings.replyDelayMs;
    },
    set replyDelayMs(v: number) {
      settings.replyDelayMs = v;
    },
    addTweet(t, user) {
      const authorId = ensureUser(user);
      const id = t.id ?? nextTweetId();
      const full: FakeTweet = {
        created_at: new Date().toISOString(),
        lang: 'en',
        conversation_id: id,
        public_metrics: { retweet_count: 0, reply_count: 0, like_count: 0, quote_count: 0 },
        ...t,
        id,
        author_id: authorId,
      };
      tweets.push(full);
      tweets.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
      return full;
    },
    addMany(n) {
      const authorId = ensureUser();
      const now = Date.now();
      for (let i = 0; i < n; i++) {
        const id = nextTweetId();
        tweets.push({
          id,
          text: `acme post number ${i} &amp; more`,
          author_id: authorId,
          created_at: new Date(now - (n - i) * 10).toISOString(),
          lang: 'en',
          conversation_id: id,
          public_metrics: { retweet_count: 0, reply_count: 0, like_count: i % 7, quote_count: 0 },
        });
      }
    },
    acceptNextReplySlowly(ms) {
      slowNextReplyMs = ms;
    },
    rateLimitNext(reset) {
      server.fault({
        status: 429,
        headers: { 'x-rate-limit-limit': '450', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) },
        json: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
      });
    },
  };
}
