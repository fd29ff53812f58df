import { type FakeRequest, type FakeResponse, type FakeServer, startFakeServer } from './fake-http';

/**
 * A fake Mastodon server speaking Mastodon's REST wire format (docs.joinmastodon.org and the
 * mastodon/mastodon controllers): hashtag timelines (max_id/since_id/min_id, limit ≤ 40, newest
 * first, Link header with rel="next"/"prev"), v2 search (type=statuses, offset only with a token,
 * newest first, no Link header), POST /api/v1/statuses (a repeated Idempotency-Key of the same
 * account answers with the status it already made, as Mastodon does for an hour), a status's
 * context (ancestors and descendants), verify_credentials, v2 instance, X-RateLimit-* headers
 * (reset as ISO 8601) and `{"error": "..."}` error bodies.
 */
export interface FakeAccount {
  id: string;
  username: string;
  acct: string;
  display_name: string;
  locked: boolean;
  bot: boolean;
  discoverable: boolean | null;
  group: boolean;
  created_at: string;
  note: string;
  url: string;
  uri: string;
  avatar: string;
  avatar_static: string;
  header: string;
  header_static: string;
  followers_count: number;
  following_count: number;
  statuses_count: number;
  last_status_at: string | null;
  emojis: unknown[];
  fields: { name: string; value: string; verified_at: string | null }[];
  suspended?: boolean;
}

export interface FakeStatus {
  id: string;
  created_at: string;
  in_reply_to_id: string | null;
  in_reply_to_account_id: string | null;
  sensitive: boolean;
  spoiler_text: string;
  visibility: 'public' | 'unlisted' | 'private' | 'direct';
  language: string | null;
  uri: string;
  url: string | null;
  replies_count: number;
  reblogs_count: number;
  favourites_count: number;
  quotes_count: number;
  edited_at: string | null;
  content: string;
  text?: string | null;
  reblog: FakeStatus | null;
  application: { name: string; website: string | null } | null;
  account: FakeAccount;
  media_attachments: unknown[];
  mentions: { id: string; username: string; url: string; acct: string }[];
  tags: { name: string; url: string }[];
  emojis: unknown[];
  card: unknown;
  poll: unknown;
}

export interface FakeReply {
  status: string;
  in_reply_to_id: string | null;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
}

export interface FakeMastodon extends FakeServer {
  domain: string;
  /** Kept sorted by id, oldest first. */
  statuses: FakeStatus[];
  /** Access tokens the server accepts; `me` is the account they belong to. */
  tokens: Set<string>;
  me: FakeAccount;
  replies: FakeReply[];
  /** false: every POST makes a new status, as after Mastodon forgot the key (an hour later). */
  honorIdempotencyKeys: boolean;
  /** Every reply is posted at once but answered only after this long (0: at once). */
  replyDelayMs: number;
  account(a?: Partial<FakeAccount>): FakeAccount;
  /** Adds a status; its hashtags come from `tags` (names without #). */
  addStatus(
    s: Partial<Omit<FakeStatus, 'tags'>> & { content: string; tags?: string[] },
    account?: Partial<FakeAccount>,
  ): FakeStatus;
  /** Adds n public statuses tagged `tag` whose text matches `word`, one second apart, ending now. */
  addMany(n: number, opts?: { tag?: string; word?: string; endAt?: Date }): FakeStatus[];
  rateLimitNext(reset: Date, opts?: { retryAfterOnly?: boolean }): void;
}

const DOMAIN = 'fake.social';
const usedIds = new Set<bigint>();
/** Mastodon ids are snowflakes: milliseconds << 16 plus a sequence, so they sort by time. */
export function snowflakeFor(date: Date): string {
  let id = BigInt(date.getTime()) << 16n;
  while (usedIds.has(id)) id += 1n;
  usedIds.add(id);
  return String(id);
}

const cmp = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);
const err = (status: number, error: string): FakeResponse => ({ status, json: { error } });
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;|&#\d+;/g, ' ')
    .toLowerCase();

export async function startFakeMastodon(): Promise<FakeMastodon> {
  const statuses: FakeStatus[] = [];
  const tokens = new Set<string>(['test-token']);
  const replies: FakeReply[] = [];
  const settings = { honorIdempotencyKeys: true, replyDelayMs: 0 };
  const byIdempotencyKey = new Map<string, FakeStatus>();
  const rateHeaders = () => ({
    'x-ratelimit-limit': '300',
    'x-ratelimit-remaining': '299',
    'x-ratelimit-reset': new Date(Math.ceil(Date.now() / 300_000) * 300_000).toISOString(),
  });
  let accountSeq = 100;

  const account = (a: Partial<FakeAccount> = {}): FakeAccount => {
    const id = a.id ?? String(++accountSeq);
    const username = a.username ?? `user${id}`;
    const acct = a.acct ?? username;
    const host = acct.includes('@') ? acct.split('@')[1]! : DOMAIN;
    return {
      id,
      username,
      acct,
      display_name: `User ${id}`,
      locked: false,
      bot: false,
      discoverable: true,
      group: false,
      created_at: '2022-11-01T00:00:00.000Z',
      note: '<p>Just here for the toots.</p>',
      url: `https://${host}/@${username}`,
      uri: `https://${host}/users/${username}`,
      avatar: `https://files.${DOMAIN}/accounts/avatars/${id}.png`,
      avatar_static: `https://files.${DOMAIN}/accounts/avatars/${id}.png`,
      header: `https://${DOMAIN}/headers/original/missing.png`,
      header_static: `https://${DOMAIN}/headers/original/missing.png`,
      followers_count: 42,
      following_count: 7,
      statuses_count: 100,
      last_status_at: '2024-05-01',
      emojis: [],
      fields: [],
      ...a,
    };
  };
  const me = account({ id: '1', username: 'acme', display_name: 'Acme Support' });

  /** Unknown token → 401; no token → anonymous; a valid token → signed in. */
  function auth(req: FakeRequest): 'anonymous' | 'user' | FakeResponse {
    const h = req.headers.authorization;
    if (!h) return 'anonymous';
    return h.startsWith('Bearer ') && tokens.has(h.slice(7)) ? 'user' : err(401, 'The access token is invalid');
  }

  /** Paginable#to_a_paginated_by_id: min_id pages forward (answer still newest first), else down from max_id. */
  function paginate(list: FakeStatus[], q: URLSearchParams): FakeStatus[] {
    const limit = Math.min(40, Math.max(1, Number(q.get('limit') ?? 20) || 20));
    const [minId, maxId, sinceId] = [q.get('min_id'), q.get('max_id'), q.get('since_id')];
    let rows = list.filter(
      (s) =>
        (!maxId || cmp(s.id, maxId) < 0) && (!sinceId || cmp(s.id, sinceId) > 0) && (!minId || cmp(s.id, minId) > 0),
    );
    rows = minId ? rows.slice(0, limit) : rows.slice(-limit);
    return rows.reverse();
  }

  function tagTimeline(req: FakeRequest): FakeResponse {
    const who = auth(req);
    if (typeof who !== 'string') return who;
    const tag = decodeURIComponent(req.path.slice('/api/v1/timelines/tag/'.length)).toLowerCase();
    const tagged = statuses.filter((s) => s.tags.some((t) => t.name === tag));
    if (tagged.length === 0) return err(404, 'Record not found');
    const page = paginate(tagged, req.query);
    const headers: Record<string, string> = rateHeaders();
    if (page.length > 0) {
      const base = `http://${req.headers.host}/api/v1/timelines/tag/${encodeURIComponent(tag)}`;
      const limit = req.query.get('limit');
      const qs = (k: string, v: string) => `${limit ? `limit=${limit}&` : ''}${k}=${v}`;
      headers.link =
        `<${base}?${qs('max_id', page.at(-1)!.id)}>; rel="next", ` +
        `<${base}?${qs('min_id', page[0]!.id)}>; rel="prev"`;
    }
    return { headers, json: page };
  }

  function search(req: FakeRequest): FakeResponse {
    const who = auth(req);
    if (typeof who !== 'string') return who;
    const q = req.query;
    if (!q.get('q')) return err(400, 'param is missing or the value is empty: q');
    if (who === 'anonymous' && q.get('offset'))
      return err(401, 'Search queries pagination is not supported without authentication');
    if (who === 'anonymous' && q.get('resolve') === 'true')
      return err(401, 'Search queries that resolve remote resources are not supported without authentication');
    const limit = Math.min(40, Math.max(1, Number(q.get('limit') ?? 20) || 20));
    const offset = Number(q.get('offset') ?? 0);
    if (offset < 0 || limit < 0) return err(400, 'Pagination values for `offset` and `limit` must be positive');
    const type = q.get('type');
    const terms = q.get('q')!.toLowerCase().replace(/"/g, '').split(/\s+/).filter(Boolean);
    const [minId, maxId] = [q.get('min_id'), q.get('max_id')];
    const hits =
      type && type !== 'statuses'
        ? []
        : statuses
            .filter((s) => s.visibility === 'public' || s.visibility === 'unlisted')
            .filter((s) => terms.every((t) => plain(s.content).includes(t)))
            .filter((s) => (!minId || cmp(s.id, minId) > 0) && (!maxId || cmp(s.id, maxId) < 0))
            .reverse();
    return {
      headers: rateHeaders(),
      json: { accounts: [], statuses: hits.slice(offset, offset + limit), hashtags: [] },
    };
  }

  function postStatus(req: FakeRequest): FakeResponse {
    const who = auth(req);
    if (who === 'anonymous') return err(401, 'The access token is invalid');
    if (typeof who !== 'string') return who;
    const body: Record<string, unknown> = (req.headers['content-type'] ?? '').includes('json')
      ? (JSON.parse(req.body || '{}') as Record<string, unknown>)
      : Object.fromEntries(new URLSearchParams(req.body));
    const text = typeof body.status === 'string' ? body.status : '';
    if (!text.trim()) return err(422, "Validation failed: Text can't be blank");
    const parentId = typeof body.in_reply_to_id === 'string' ? body.in_reply_to_id : null;
    const parent = parentId ? statuses.find((s) => s.id === parentId) : undefined;
    if (parentId && !parent) return err(404, 'Record not found');
    const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
    const keyed =
      idempotencyKey && settings.honorIdempotencyKeys
        ? byIdempotencyKey.get(`${req.headers.authorization}\n${idempotencyKey}`)
        : undefined;
    if (keyed) return { headers: rateHeaders(), json: keyed };
    replies.push({ status: text, in_reply_to_id: parentId, authorization: req.headers.authorization, idempotencyKey });
    const created = addStatus(
      {
        content: `<p>${escapeHtml(text)}</p>`,
        in_reply_to_id: parentId,
        in_reply_to_account_id: parent?.account.id ?? null,
        visibility: 'public',
      },
      me,
    );
    if (idempotencyKey) byIdempotencyKey.set(`${req.headers.authorization}\n${idempotencyKey}`, created);
    return {
      headers: rateHeaders(),
      json: created,
      ...(settings.replyDelayMs ? { delayMs: settings.replyDelayMs } : {}),
    };
  }

  /** GET /api/v1/statuses/:id/context: the thread above the status and every public reply below it, in thread order. */
  function context(req: FakeRequest): FakeResponse {
    const who = auth(req);
    if (typeof who !== 'string') return who;
    const id = req.path.split('/')[4]!;
    const status = statuses.find((s) => s.id === id);
    if (!status) return err(404, 'Record not found');
    const ancestors: FakeStatus[] = [];
    for (
      let up = statuses.find((s) => s.id === status.in_reply_to_id);
      up;
      up = statuses.find((s) => s.id === up!.in_reply_to_id)
    )
      ancestors.unshift(up);
    const descendants: FakeStatus[] = [];
    const below = (parentId: string) => {
      for (const s of statuses.filter((x) => x.in_reply_to_id === parentId && x.visibility !== 'direct')) {
        descendants.push(s);
        below(s.id);
      }
    };
    below(id);
    return { headers: rateHeaders(), json: { ancestors, descendants } };
  }

  function verify(req: FakeRequest): FakeResponse {
    const who = auth(req);
    if (who !== 'user') return typeof who === 'string' ? err(401, 'The access token is invalid') : who;
    const source = {
      privacy: 'public',
      sensitive: false,
      language: 'en',
      note: 'Acme support desk',
      fields: [],
      follow_requests_count: 0,
    };
    return {
      headers: rateHeaders(),
      json: { ...me, source, role: { id: '-99', name: '', permissions: '0', color: '', highlighted: false } },
    };
  }

  function instance(): FakeResponse {
    return {
      headers: rateHeaders(),
      json: {
        domain: DOMAIN,
        title: 'Fake Social',
        version: '4.3.0',
        source_url: 'https://github.com/mastodon/mastodon',
        description: 'A fake server for tests.',
        usage: { users: { active_month: 12 } },
        thumbnail: { url: `https://${DOMAIN}/thumb.png` },
        languages: ['en'],
        configuration: { statuses: { max_characters: 500, max_media_attachments: 4, characters_reserved_per_url: 23 } },
        registrations: { enabled: false, approval_required: false, message: null },
        contact: { email: `admin@${DOMAIN}`, account: null },
        rules: [],
      },
    };
  }

  const server = await startFakeServer((req) => {
    if (req.method === 'GET' && req.path.startsWith('/api/v1/timelines/tag/')) return tagTimeline;
    if (req.method === 'GET' && req.path === '/api/v2/search') return search;
    if (req.method === 'POST' && req.path === '/api/v1/statuses') return postStatus;
    if (req.method === 'GET' && /^\/api\/v1\/statuses\/\d+\/context$/.test(req.path)) return context;
    if (req.method === 'GET' && req.path === '/api/v1/accounts/verify_credentials') return verify;
    if (req.method === 'GET' && req.path === '/api/v2/instance') return instance;
    return () => err(404, 'Record not found');
  });

  function addStatus(
    s: Partial<Omit<FakeStatus, 'tags'>> & { content: string; tags?: string[] },
    a?: Partial<FakeAccount>,
  ): FakeStatus {
    const author = a && 'id' in a && a.id === me.id ? me : account(a);
    const created = s.created_at ? new Date(s.created_at) : new Date();
    const id = s.id ?? snowflakeFor(created);
    const host = author.acct.includes('@') ? author.acct.split('@')[1]! : DOMAIN;
    const { tags = [], ...rest } = s;
    const full: FakeStatus = {
      id,
      created_at: created.toISOString(),
      in_reply_to_id: null,
      in_reply_to_account_id: null,
      sensitive: false,
      spoiler_text: '',
      visibility: 'public',
      language: 'en',
      uri: `https://${host}/users/${author.username}/statuses/${id}`,
      url: `https://${host}/@${author.username}/${id}`,
      replies_count: 0,
      reblogs_count: 0,
      favourites_count: 0,
      quotes_count: 0,
      edited_at: null,
      reblog: null,
      application: { name: 'Web', website: null },
      media_attachments: [],
      mentions: [],
      emojis: [],
      card: null,
      poll: null,
      ...rest,
      account: author,
      tags: tags.map((name) => ({
        name: name.toLowerCase(),
        url: `https://${DOMAIN}/tags/${encodeURIComponent(name.toLowerCase())}`,
      })),
    };
    statuses.push(full);
    statuses.sort((x, y) => cmp(x.id, y.id));
    return full;
  }

  return {
    ...server,
    domain: DOMAIN,
    statuses,
    tokens,
    me,
    replies,
    get honorIdempotencyKeys() {
      return settings.honorIdempotencyKeys;
    },
    set honorIdempotencyKeys(v: boolean) {
      settings.honorIdempotencyKeys = v;
    },
    get replyDelayMs() {
      return settings.replyDelayMs;
    },
    set replyDelayMs(v: number) {
      settings.replyDelayMs = v;
    },
    account,
    addStatus,
    addMany(n, { tag = 'acme', word = 'acme', endAt = new Date() } = {}) {
      const author = account({ username: 'bulk' });
      return Array.from({ length: n }, (_, i) =>
        addStatus(
          {
            content:
              `<p>${word} post number ${i} &amp; more ` +
              `<a href="https://${DOMAIN}/tags/${tag}" class="mention hashtag" rel="tag">#<span>${tag}</span></a></p>`,
            created_at: new Date(endAt.getTime() - (n - i) * 1000).toISOString(),
            tags: [tag],
          },
          author,
        ),
      );
    },
    rateLimitNext(reset, { retryAfterOnly = false } = {}) {
      const seconds = String(Math.max(0, Math.ceil((reset.getTime() - Date.now()) / 1000)));
      server.fault({
        status: 429,
        headers: retryAfterOnly
          ? { 'retry-after': seconds }
          : { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset.toISOString() },
        json: { error: 'Too many requests' },
      });
    },
  };
}
