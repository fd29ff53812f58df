import { createHash } from 'node:crypto';
import { type FakeRequest, type FakeResponse, type FakeServer, startFakeServer } from './fake-http';

/**
 * A fake Bluesky PDS + AppView speaking the real XRPC wire format (lexicons bundled in @atproto/api,
 * xrpc-server error bodies and RateLimit-* headers): createSession/getSession/refreshSession, search
 * (sort=latest, since inclusive on sortAt, until, limit 1..100, offset cursor), getPosts,
 * resolveHandle, createRecord (with or without a caller's `rkey`, which must be a TID for posts)
 * and getRecord. A create at a key that holds a record fails as the reference PDS's repo fails it
 * (its MST refuses the key: HTTP 500 InternalServerError); getRecord of a missing key answers 400
 * RecordNotFound. Every id is well formed (DIDs, TIDs, CIDv1), because the client validates each
 * response against the lexicons.
 */
export interface FakeBskyAuthor {
  did: string;
  handle: string;
  displayName?: string;
  avatar?: string;
  labels?: FakeLabel[];
  verification?: { verifications: unknown[]; verifiedStatus: string; trustedVerifierStatus: string };
}

export interface FakeLabel {
  src: string;
  uri: string;
  val: string;
  cts: string;
  neg?: boolean;
}

/** An app.bsky.feed.defs#postView as the AppView sends it. */
export interface FakePostView {
  uri: string;
  cid: string;
  author: FakeBskyAuthor;
  record: Record<string, unknown> & { $type: 'app.bsky.feed.post'; text: string; createdAt: string };
  replyCount: number;
  repostCount: number;
  likeCount: number;
  quoteCount: number;
  bookmarkCount?: number;
  indexedAt: string;
  labels: FakeLabel[];
}

export interface FakeAccount {
  did: string;
  handle: string;
  email: string;
  appPassword: string;
}

export interface NewPost {
  text: string;
  createdAt?: string;
  indexedAt?: string;
  langs?: string[];
  facets?: unknown[];
  tags?: string[];
  /** Makes this a reply to that post (root taken from the parent's own reply ref). */
  replyTo?: FakePostView;
  labels?: Omit<FakeLabel, 'uri' | 'cts'>[];
  metrics?: Partial<Pick<FakePostView, 'likeCount' | 'repostCount' | 'replyCount' | 'quoteCount'>>;
}

export interface FakeBluesky extends FakeServer {
  posts: FakePostView[];
  account: FakeAccount;
  /** Records created through com.atproto.repo.createRecord, as received. */
  created: {
    repo: string;
    collection: string;
    rkey: string;
    record: Record<string, unknown>;
    authorization: string | undefined;
    uri: string;
  }[];
  /** Every create is stored at once but answered only after this long (0: at once). */
  replyDelayMs: number;
  addPost(p: NewPost, author?: Partial<FakeBskyAuthor>): FakePostView;
  /** Adds n matching posts one second apart, oldest first. */
  addMany(n: number, text?: string): void;
  /** The next call of this XRPC method (default: searchPosts) gets this answer instead. */
  faultOn(method: string, fault: FakeResponse): void;
  rateLimitNext(resetEpochSeconds: number, method?: string): void;
  /** Every access token issued so far stops working (the agent must refresh). */
  expireAccessTokens(): void;
}

const S32 = '234567abcdefghijklmnopqrstuvwxyz';
const B32 = 'abcdefghijklmnopqrstuvwxyz234567';
let clock = BigInt(Date.now()) * 1000n;

/** A record key in the TID format (53 bits of microseconds + 10 bits of clock id, base32-sortable). */
export function nextTid(): string {
  clock += 1n;
  let v = (clock << 10n) | 7n;
  let s = '';
  for (let i = 0; i < 13; i++) {
    s = S32[Number(v & 31n)] + s;
    v >>= 5n;
  }
  return s;
}

/** A CIDv1 (dag-cbor, sha2-256) in base32, the form records are addressed by. */
export function fakeCid(seed: string): string {
  const bytes = Buffer.concat([Buffer.from([0x01, 0x71, 0x12, 0x20]), createHash('sha256').update(seed).digest()]);
  let bits = 0;
  let value = 0;
  let out = 'b';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

export const fakeDid = (seed: string) => `did:plc:${fakeCid(seed).slice(-24)}`;

const jwt = (sub: string, scope: string) =>
  [
    { typ: scope === 'com.atproto.refresh' ? 'refresh+jwt' : 'at+jwt', alg: 'ES256K' },
    { scope, sub, iat: Math.floor(Date.now() / 1000), jti: nextTid() },
    'sig',
  ]
    .map((p) => Buffer.from(typeof p === 'string' ? p : JSON.stringify(p)).toString('base64url'))
    .join('.');

const xrpcError = (status: number, error: string, message: string, headers?: Record<string, string>): FakeResponse => ({
  status,
  json: { error, message },
  ...(headers ? { headers } : {}),
});

/** The appview's sortAt: the earlier of createdAt and indexedAt, so future-dated posts cannot jump the queue. */
// The earlier of the two ISO timestamps (strings compare in time order).
const sortAt = (p: FakePostView) => [p.record.createdAt, p.indexedAt].sort()[0]!;

function matches(p: FakePostView, q: string): boolean {
  const hay =
    `${p.record.text} ${((p.record.tags as string[] | undefined) ?? []).map((t) => `#${t}`).join(' ')}`.toLowerCase();
  // Words match whole words (as a full-text index would), quoted phrases match as written.
  const escapeRegExp = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...q.toLowerCase().matchAll(/"([^"]+)"|(\S+)/g)].every((m) =>
    m[1] !== undefined
      ? hay.includes(m[1])
      : new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(m[2]!)}($|[^\\p{L}\\p{N}])`, 'u').test(hay),
  );
}

export async function startFakeBluesky(): Promise<FakeBluesky> {
  const posts: FakePostView[] = [];
  const created: FakeBluesky['created'] = [];
  const settings = { replyDelayMs: 0 };
  const account: FakeAccount = {
    did: fakeDid('acme-brand'),
    handle: 'acme.bsky.social',
    email: 'social@acme.test',
    appPassword: 'abcd-efgh-ijkl-mnop',
  };
  const access = new Set<string>();
  const refresh = new Set<string>();
  let url = '';

  const rateHeaders = () => ({
    'RateLimit-Limit': '3000',
    'RateLimit-Remaining': '2999',
    'RateLimit-Reset': String(Math.floor(Date.now() / 1000) + 300),
    'RateLimit-Policy': '3000;w=300',
  });
  const didDoc = () => ({
    '@context': [
      'https://www.w3.org/ns/did/v1',
      'https://w3id.org/security/multikey/v1',
      'https://w3id.org/security/suites/secp256k1-2019/v1',
    ],
    id: account.did,
    alsoKnownAs: [`at://${account.handle}`],
    verificationMethod: [
      {
        id: `${account.did}#atproto`,
        type: 'Multikey',
        controller: account.did,
        publicKeyMultibase: 'zQ3shXjHeiBuRCKmM36cuYnm7YEMzhGnCmCyW92sRJ9pribSF',
      },
    ],
    // The client talks to whatever PDS the DID document names: this server.
    service: [{ id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: url.replace(/\/$/, '') }],
  });
  const issue = () => {
    const accessJwt = jwt(account.did, 'com.atproto.appPass');
    const refreshJwt = jwt(account.did, 'com.atproto.refresh');
    access.add(accessJwt);
    refresh.add(refreshJwt);
    return { accessJwt, refreshJwt };
  };
  const session = () => ({
    did: account.did,
    didDoc: didDoc(),
    handle: account.handle,
    email: account.email,
    emailConfirmed: true,
    emailAuthFactor: false,
    active: true,
  });
  const bearer = (req: FakeRequest) => req.headers.authorization?.replace(/^Bearer /, '');

  /** undefined = anonymous, true = valid session, or the error to answer. */
  function checkAccess(req: FakeRequest): FakeResponse | true | undefined {
    const token = bearer(req);
    if (!token) return undefined;
    if (access.has(token)) return true;
    if (token.split('.').length === 3) return xrpcError(400, 'ExpiredToken', 'Token has expired');
    return xrpcError(401, 'InvalidToken', 'Malformed token');
  }

  function createSession(req: FakeRequest): FakeResponse {
    const body = JSON.parse(req.body || '{}') as { identifier?: string; password?: string };
    if (!body.identifier || !body.password)
      return xrpcError(400, 'InvalidRequest', 'Input must have the property "identifier"');
    const id = body.identifier.toLowerCase().replace(/^@/, '');
    if (![account.handle, account.did, account.email].includes(id) || body.password !== account.appPassword) {
      return xrpcError(401, 'AuthenticationRequired', 'Invalid identifier or password');
    }
    return { json: { ...issue(), ...session() } };
  }

  function refreshSession(req: FakeRequest): FakeResponse {
    const token = bearer(req);
    if (!token || !refresh.has(token)) return xrpcError(400, 'ExpiredToken', 'Token has been revoked');
    refresh.delete(token);
    return {
      json: {
        ...issue(),
        did: account.did,
        didDoc: didDoc(),
        handle: account.handle,
        email: account.email,
        emailConfirmed: true,
        emailAuthFactor: false,
        active: true,
      },
    };
  }

  function getSession(req: FakeRequest): FakeResponse {
    const auth = checkAccess(req);
    if (auth === undefined) return xrpcError(401, 'AuthMissing', 'Authentication Required');
    return auth === true ? { json: session() } : auth;
  }

  function search(req: FakeRequest): FakeResponse {
    const auth = checkAccess(req);
    if (auth !== undefined && auth !== true) return auth;
    const q = req.query.get('q');
    if (!q) return xrpcError(400, 'InvalidRequest', 'Error: Params must have the property "q"');
    const limit = Number(req.query.get('limit') ?? 25);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      return xrpcError(400, 'InvalidRequest', `Error: limit must be ${limit < 1 ? '>= 1' : '<= 100'}`);
    const since = req.query.get('since');
    const until = req.query.get('until');
    const offset = Number(req.query.get('cursor') ?? 0);
    if (!Number.isInteger(offset) || offset < 0) return xrpcError(400, 'BadQueryString', 'Invalid cursor');
    const hits = posts
      .filter(
        (p) =>
          matches(p, q) &&
          (!since || Date.parse(sortAt(p)) >= Date.parse(since)) &&
          (!until || Date.parse(sortAt(p)) < Date.parse(until)),
      )
      .sort((a, b) => Date.parse(sortAt(b)) - Date.parse(sortAt(a)));
    const page = hits.slice(offset, offset + limit);
    const next = offset + limit < hits.length ? String(offset + limit) : undefined;
    return { headers: rateHeaders(), json: { posts: page, hitsTotal: hits.length, ...(next ? { cursor: next } : {}) } };
  }

  function getPosts(req: FakeRequest): FakeResponse {
    const uris = req.query.getAll('uris');
    return { headers: rateHeaders(), json: { posts: uris.map((u) => posts.find((p) => p.uri === u)).filter(Boolean) } };
  }

  function resolveHandle(req: FakeRequest): FakeResponse {
    const handle = req.query.get('handle')?.toLowerCase();
    const did = handle === account.handle ? account.did : posts.find((p) => p.author.handle === handle)?.author.did;
    return did ? { json: { did } } : xrpcError(400, 'InvalidRequest', 'Unable to resolve handle');
  }

  function createRecord(req: FakeRequest): FakeResponse {
    const auth = checkAccess(req);
    if (auth === undefined) return xrpcError(401, 'AuthMissing', 'Authentication Required');
    if (auth !== true) return auth;
    const body = JSON.parse(req.body || '{}') as {
      repo?: string;
      collection?: string;
      rkey?: string;
      record?: Record<string, unknown>;
    };
    if (body.repo !== account.did && body.repo !== account.handle)
      return xrpcError(403, 'InvalidRequest', 'Invalid repo: does not match the authenticated account');
    if (!body.collection || !body.record || body.record.$type !== body.collection)
      return xrpcError(400, 'InvalidRequest', 'Invalid $type: must match collection');
    const text = String(body.record.text ?? '');
    if ([...new Intl.Segmenter().segment(text)].length > 300)
      return xrpcError(
        400,
        'InvalidRecord',
        'Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes',
      );
    if (body.rkey !== undefined && body.collection === 'app.bsky.feed.post' && !TID.test(body.rkey))
      return xrpcError(400, 'InvalidRequest', `Invalid TID: ${body.rkey}`);
    const rkey = body.rkey ?? nextTid();
    const uri = `at://${account.did}/${body.collection}/${rkey}`;
    if (created.some((c) => c.uri === uri)) return xrpcError(500, 'InternalServerError', 'Internal Server Error');
    created.push({
      repo: body.repo,
      collection: body.collection,
      rkey,
      record: body.record,
      authorization: req.headers.authorization,
      uri,
    });
    const answer = {
      uri,
      cid: fakeCid(uri),
      commit: { cid: fakeCid(`commit:${uri}`), rev: nextTid() },
      validationStatus: 'valid',
    };
    return {
      headers: rateHeaders(),
      json: answer,
      ...(settings.replyDelayMs ? { delayMs: settings.replyDelayMs } : {}),
    };
  }

  function getRecord(req: FakeRequest): FakeResponse {
    const [repo, collection, rkey] = ['repo', 'collection', 'rkey'].map((k) => req.query.get(k));
    if (!repo || !collection || !rkey)
      return xrpcError(400, 'InvalidRequest', 'Error: Params must have the properties "repo", "collection" and "rkey"');
    const did = repo === account.handle ? account.did : repo;
    const uri = `at://${did}/${collection}/${rkey}`;
    const found = created.find((c) => c.uri === uri);
    if (!found) return xrpcError(400, 'RecordNotFound', `Could not locate record: ${uri}`);
    return { json: { uri, cid: fakeCid(uri), value: found.record } };
  }

  const server = await startFakeServer((req) => {
    const routes: Record<string, (r: FakeRequest) => FakeResponse> = {
      'POST com.atproto.server.createSession': createSession,
      'POST com.atproto.server.refreshSession': refreshSession,
      'GET com.atproto.server.getSession': getSession,
      'POST com.atproto.server.deleteSession': () => ({ json: {} }),
      'GET app.bsky.feed.searchPosts': search,
      'GET app.bsky.feed.getPosts': getPosts,
      'GET com.atproto.identity.resolveHandle': resolveHandle,
      'POST com.atproto.repo.createRecord': createRecord,
      'GET com.atproto.repo.getRecord': getRecord,
    };
    const handler = routes[`${req.method} ${req.path.replace(/^\/xrpc\//, '')}`];
    return (
      handler ??
      (req.path.startsWith('/xrpc/')
        ? () => xrpcError(501, 'MethodNotImplemented', 'Method Not Implemented')
        : undefined)
    );
  });
  url = server.url;

  const authorFor = (a: Partial<FakeBskyAuthor> = {}): FakeBskyAuthor => {
    const handle = a.handle ?? 'ana.bsky.social';
    return {
      did: a.did ?? fakeDid(handle),
      handle,
      ...(a.displayName !== undefined ? { displayName: a.displayName } : {}),
      ...(a.avatar ? { avatar: a.avatar } : {}),
      labels: a.labels ?? [],
      ...(a.verification ? { verification: a.verification } : {}),
    };
  };

  function addPost(p: NewPost, author?: Partial<FakeBskyAuthor>): FakePostView {
    const who = authorFor(author);
    const uri = `at://${who.did}/app.bsky.feed.post/${nextTid()}`;
    const createdAt = p.createdAt ?? new Date().toISOString();
    const parent = p.replyTo;
    const parentRef = parent ? { uri: parent.uri, cid: parent.cid } : undefined;
    const rootRef = parent
      ? ((parent.record.reply as { root?: { uri: string; cid: string } } | undefined)?.root ?? parentRef)
      : undefined;
    const view: FakePostView = {
      uri,
      cid: fakeCid(uri),
      author: who,
      record: {
        $type: 'app.bsky.feed.post',
        text: p.text,
        createdAt,
        langs: p.langs ?? ['en'],
        ...(p.facets ? { facets: p.facets } : {}),
        ...(p.tags ? { tags: p.tags } : {}),
        ...(parent ? { reply: { root: rootRef, parent: parentRef } } : {}),
      },
      replyCount: 0,
      repostCount: 0,
      likeCount: 0,
      quoteCount: 0,
      ...p.metrics,
      indexedAt: p.indexedAt ?? createdAt,
      labels: (p.labels ?? []).map((l) => ({ ...l, uri, cts: createdAt })),
    };
    posts.push(view);
    return view;
  }

  return {
    ...server,
    posts,
    account,
    created,
    get replyDelayMs() {
      return settings.replyDelayMs;
    },
    set replyDelayMs(v: number) {
      settings.replyDelayMs = v;
    },
    addPost,
    addMany(n, text = 'acme post') {
      const start = Date.now() - n * 1000 - 60_000;
      for (let i = 0; i < n; i++)
        addPost({ text: `${text} ${i}`, createdAt: new Date(start + i * 1000).toISOString() });
    },
    faultOn(method, fault) {
      server.fault({ ...fault, match: (r) => r.path === `/xrpc/${method}` });
    },
    rateLimitNext(reset, method = 'app.bsky.feed.searchPosts') {
      server.fault({
        match: (r) => r.path === `/xrpc/${method}`,
        status: 429,
        headers: {
          'RateLimit-Limit': '3000',
          'RateLimit-Remaining': '0',
          'RateLimit-Reset': String(reset),
          'RateLimit-Policy': '3000;w=300',
        },
        json: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
      });
    },
    expireAccessTokens() {
      access.clear();
    },
  };
}
