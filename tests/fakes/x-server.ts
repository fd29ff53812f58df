import { type FakeRequest, type FakeServer, startFakeServer } from './fake-http';

/**
 * A fake X API v2 that answers with X's real wire format (from its API reference): recent search
 * (newest first, since_id, start_time, max_results, next_token, includes.users, meta, x-rate-limit-*
 * headers) and POST /2/tweets for replies.
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

export interface FakeX extends FakeServer {
  tweets: FakeTweet[];
  users: Map<string, FakeUser>;
  replies: { text: string; in_reply_to_tweet_id: string | undefined; authorization: string | undefined }[];
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
  const replies: FakeX['replies'] = [];
  const rateHeaders = () => ({ 'x-rate-limit-limit': '450', 'x-rate-limit-remaining': '449', 'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 900) });

  function search(req: FakeRequest) {
    if (!req.headers.authorization?.startsWith('Bearer ')) {
      return { status: 401, json: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' } };
    }
    const q = req.query;
    if (!q.get('query')) {
      return { status: 400, json: { errors: [{ parameters: { query: [] }, message: 'The `query` query parameter can not be empty' }], title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' } };
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
    const meta: Record<string, unknown> = { newest_id: page[0]!.id, oldest_id: page.at(-1)!.id, result_count: page.length };
    if (more) meta.next_token = Buffer.from(page.at(-1)!.id).toString('base64url');
    return {
      headers: rateHeaders(),
      json: { data: page, includes: { users: authorIds.map((id) => users.get(id)).filter(Boolean) }, meta },
    };
  }

  let slowNextReplyMs = 0;

  async function tweet(req: FakeRequest) {
    const body = JSON.parse(req.body || '{}') as { text?: string; reply?: { in_reply_to_tweet_id?: string } };
    if (!req.headers.authorization?.startsWith('OAuth ')) {
      return { status: 403, json: { title: 'Unsupported Authentication', detail: 'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.', type: 'https://api.twitter.com/2/problems/unsupported-authentication', status: 403 } };
    }
    // X refuses a tweet whose text the same account posted already (its duplicate-content rule).
    const account = /oauth_token="([^"]*)"/.exec(req.headers.authorization)?.[1];
    if (replies.some((r) => r.text === (body.text ?? '') && /oauth_token="([^"]*)"/.exec(r.authorization ?? '')?.[1] === account)) {
      return { status: 403, json: { detail: 'You are not allowed to create a Tweet with duplicate content.', type: 'about:blank', title: 'Forbidden', status: 403 } };
    }
    replies.push({ text: body.text ?? '', in_reply_to_tweet_id: body.reply?.in_reply_to_tweet_id, authorization: req.headers.authorization });
    const id = nextTweetId();
    const delayMs = slowNextReplyMs;
    slowNextReplyMs = 0;
    return { status: 201, json: { data: { id, text: body.text, edit_history_tweet_ids: [id] } }, ...(delayMs ? { delayMs } : {}) };
  }

  const server = await startFakeServer((req) => {
    if (req.method === 'GET' && req.path === '/2/tweets/search/recent') return search;
    if (req.method === 'POST' && req.path === '/2/tweets') return tweet;
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
        public_metrics: u.public_metrics ?? { followers_count: 1200, following_count: 10, tweet_count: 500, listed_count: 3 },
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
    addTweet(t, user) {
      const authorId = ensureUser(user);
      const id = t.id ?? nextTweetId();
      const full: FakeTweet = { created_at: new Date().toISOString(), lang: 'en', conversation_id: id, public_metrics: { retweet_count: 0, reply_count: 0, like_count: 0, quote_count: 0 }, ...t, id, author_id: authorId };
      tweets.push(full);
      tweets.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
      return full;
    },
    addMany(n) {
      const authorId = ensureUser();
      const now = Date.now();
      for (let i = 0; i < n; i++) {
        const id = nextTweetId();
        tweets.push({ id, text: `acme post number ${i} &amp; more`, author_id: authorId, created_at: new Date(now - (n - i) * 10).toISOString(), lang: 'en', conversation_id: id, public_metrics: { retweet_count: 0, reply_count: 0, like_count: i % 7, quote_count: 0 } });
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
