import { createPublicKey, generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { type FakeRequest, type FakeResponse, type FakeServer, startFakeServer } from './fake-http';

/**
 * A fake Google Play Developer API (androidpublisher.googleapis.com) for the reviews resource, with Google's
 * token endpoint beside it, speaking their wire format:
 *
 * - `POST /token` (form-encoded, grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer): the RS256
 *   assertion is verified against the public half of a registered service-account key (named by `kid`), with
 *   iss = the key's client_email, aud = this token URL, a `scope` naming androidpublisher, and at most an hour
 *   between iat and exp. It answers {access_token, expires_in, token_type} or, as Google does, HTTP 400 with
 *   {error: 'invalid_grant', error_description: 'Invalid JWT Signature.'} (unknown or deleted key, bad
 *   signature), '... Token must be a short-lived token ...' (times), or 'invalid_scope'.
 * - `/androidpublisher/v3/applications/{pkg}/reviews` (GET; `maxResults` up to 100, 10 unless asked; `token`
 *   = the previous page's tokenPagination.nextPageToken): reviews written or changed in the last 7 days only,
 *   newest change first, as {reviews, tokenPagination, pageInfo}; `reviews` is left out of an empty page
 *   (proto3 JSON).
 * - `/androidpublisher/v3/applications/{pkg}/reviews/{reviewId}` (GET): one review of any age; Google's 404
 *   NOT_FOUND for an unknown or deleted one.
 * - `/androidpublisher/v3/applications/{pkg}/reviews/{reviewId}:reply` (POST {replyText}): sets, or replaces,
 *   the developer's reply; answers {result: {replyText, lastEdited}}. Replies are counted per reviewId.
 *
 * Every API call needs `Authorization: Bearer <token from /token>`; a missing, unknown or expired token gets
 * Google's 401 UNAUTHENTICATED ("Invalid Credentials", reason authError) with its WWW-Authenticate header. A
 * service account without access to the app in Play Console gets 403 PERMISSION_DENIED ("The caller does not
 * have permission", reason forbidden); an unknown package 404 applicationNotFound. Quota errors can be queued
 * (`quota()`), shaped as Google's quota answers (usageLimits / rateLimitExceeded with the limit named in the
 * message and in ErrorInfo's quota_limit).
 */
export const PLAY_SCOPE = 'https://www.googleapis.com/auth/androidpublisher';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const WEEK_MS = 7 * 86_400_000;
const REPLY_LIMIT = 350;

export interface TestServiceAccountKey {
  /** The key file as Google hands it out (what a person uploads). */
  json: string;
  clientEmail: string;
  privateKeyId: string;
  privateKeyPem: string;
  publicKeyPem: string;
}

/** A service account's JSON key for tests: a fresh 2048-bit RSA pair, in Google's key-file layout. */
export async function makeServiceAccountKey(
  o: { clientEmail?: string; projectId?: string } = {},
): Promise<TestServiceAccountKey> {
  const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const projectId = o.projectId ?? 'crm-play-test';
  const clientEmail =
    o.clientEmail ?? `play-reviews-${randomBytes(3).toString('hex')}@${projectId}.iam.gserviceaccount.com`;
  const privateKeyId = randomBytes(20).toString('hex');
  const json = JSON.stringify(
    {
      type: 'service_account',
      project_id: projectId,
      private_key_id: privateKeyId,
      private_key: privateKey,
      client_email: clientEmail,
      client_id: String(100_000_000_000_000_000_000n + BigInt(randomBytes(4).readUInt32BE())),
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: 'https://oauth2.googleapis.com/token',
      auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
      client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(clientEmail)}`,
      universe_domain: 'googleapis.com',
    },
    null,
    2,
  );
  return { json, clientEmail, privateKeyId, privateKeyPem: privateKey, publicKeyPem: publicKey };
}

export interface FakePlayReview {
  reviewId: string;
  packageName: string;
  authorName: string;
  /** The user's text; a title and body are joined by a tab, as Play sends them. */
  text: string;
  starRating: number;
  /** When the user last wrote it (ms). */
  lastModified: number;
  reviewerLanguage?: string;
  device?: string;
  androidOsVersion?: number;
  appVersionCode?: number;
  appVersionName?: string;
  thumbsUpCount: number;
  thumbsDownCount: number;
  reply?: { text: string; lastModified: number };
  deleted?: boolean;
}

export type PlayQuota = 'queriesPerDay' | 'queriesPerMinute' | 'reviewReadsPerHour' | 'repliesPerDay';

export interface FakeGooglePlay extends FakeServer {
  tokenUrl: string;
  reviews: FakePlayReview[];
  /** Replies posted per reviewId (a repeat replaces the reply, and still counts). */
  replies: Map<string, number>;
  /** A test key made and registered (its client_email may use the API for these packages). */
  addServiceAccount(o?: { packages?: string[]; clientEmail?: string }): Promise<TestServiceAccountKey>;
  /** Registers a key made elsewhere (an uploaded file), and gives its account access to these packages. */
  registerKey(key: TestServiceAccountKey, packages?: string[]): void;
  /** The key was deleted in Google Cloud: assertions signed with it are refused. */
  deleteKey(privateKeyId: string): void;
  /** Play Console access of a service account to an app. */
  grant(packageName: string, clientEmail: string): void;
  revoke(packageName: string, clientEmail: string): void;
  addApp(packageName: string): void;
  addReview(r: Partial<FakePlayReview> & { packageName: string; text: string }): FakePlayReview;
  /** The reviewer changes the review: new text and/or stars, and a new lastModified. */
  editReview(reviewId: string, change: { text?: string; starRating?: number; at?: number }): FakePlayReview;
  deleteReview(reviewId: string): void;
  /** Every access token issued so far stops working (expired), as Google answers after an hour. */
  expireTokens(): void;
  /** The next matching API request (not /token) answers this quota error. */
  quota(kind: PlayQuota, o?: { method?: 'GET' | 'POST'; retryAfter?: number }): void;
}

let seq = 0;
// Now, and strictly later with each write: the newest write is always first in Play's order.
let clock = 0;
const tick = () => {
  clock = Math.max(clock + 1, Date.now());
  return clock;
};
const reviewIdFor = () => `gp:AOqpTO${randomBytes(12).toString('base64url')}${++seq}`;

const timestamp = (ms: number) => ({ seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 });

/** Google's error object, as the Play Developer API answers it. */
export function googleErrorBody(
  code: number,
  message: string,
  reason: string,
  status: string,
  o: { domain?: string; details?: unknown[] } = {},
) {
  return {
    error: {
      code,
      message,
      errors: [{ message, domain: o.domain ?? 'global', reason }],
      status,
      ...(o.details ? { details: o.details } : {}),
    },
  };
}

const QUOTAS: Record<PlayQuota, { status: number; grpc: string; metric: string; limit: string; id: string }> = {
  queriesPerDay: {
    status: 403,
    grpc: 'PERMISSION_DENIED',
    metric: 'Queries',
    limit: 'Queries per day',
    id: 'defaultPerDayPerProject',
  },
  queriesPerMinute: {
    status: 429,
    grpc: 'RESOURCE_EXHAUSTED',
    metric: 'Queries',
    limit: 'Queries per minute',
    id: 'defaultPerMinutePerProject',
  },
  // Play's per-app review quotas (200 GETs an hour, 2,000 replies a day) in the same shape; Google does not
  // publish their exact names.
  reviewReadsPerHour: {
    status: 403,
    grpc: 'PERMISSION_DENIED',
    metric: 'Reply to reviews GET requests',
    limit: 'Reply to reviews GET requests per hour per app',
    id: 'reviewsGetPerHourPerApp',
  },
  repliesPerDay: {
    status: 403,
    grpc: 'PERMISSION_DENIED',
    metric: 'Reply to reviews POST requests',
    limit: 'Reply to reviews POST requests per day per app',
    id: 'reviewsPostPerDayPerApp',
  },
};

export function quotaAnswer(kind: PlayQuota, retryAfter?: number): FakeResponse {
  const q = QUOTAS[kind];
  const project = '123456789012';
  const message =
    `Quota exceeded for quota metric '${q.metric}' and limit '${q.limit}' of service ` +
    `'androidpublisher.googleapis.com' for consumer 'project_number:${project}'.`;
  return {
    status: q.status,
    ...(retryAfter !== undefined ? { headers: { 'retry-after': String(retryAfter) } } : {}),
    json: googleErrorBody(q.status, message, 'rateLimitExceeded', q.grpc, {
      domain: 'usageLimits',
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'RATE_LIMIT_EXCEEDED',
          domain: 'googleapis.com',
          metadata: {
            quota_metric: 'androidpublisher.googleapis.com/default',
            quota_limit: q.id,
            consumer: `projects/${project}`,
            service: 'androidpublisher.googleapis.com',
            quota_location: 'global',
          },
        },
      ],
    }),
  };
}

const unauthenticated = (): FakeResponse => ({
  status: 401,
  headers: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
  json: {
    error: {
      code: 401,
      message:
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other ' +
        'valid authentication credential. ' +
        'See https://developers.google.com/identity/sign-in/web/devconsole-project.',
      errors: [
        {
          message: 'Invalid Credentials',
          domain: 'global',
          reason: 'authError',
          location: 'Authorization',
          locationType: 'header',
        },
      ],
      status: 'UNAUTHENTICATED',
    },
  },
});

const notFound = (): FakeResponse => ({
  status: 404,
  json: googleErrorBody(404, 'Requested entity was not found.', 'notFound', 'NOT_FOUND'),
});

const grantError = (error: string, description: string): FakeResponse => ({
  status: 400,
  json: { error, error_description: description },
});

interface Registered {
  clientEmail: string;
  publicKeyPem: string;
  deleted: boolean;
}

export async function startFakeGooglePlay(): Promise<FakeGooglePlay> {
  const reviews: FakePlayReview[] = [];
  const replies = new Map<string, number>();
  const keys = new Map<string, Registered>();
  const apps = new Map<string, Set<string>>();
  const tokens = new Map<string, { clientEmail: string; expiresAt: number }>();
  const queued: { answer: FakeResponse; method?: string | undefined }[] = [];
  let server: FakeServer;
  const tokenUrl = () => `${server.url}token`;

  async function token(req: FakeRequest): Promise<FakeResponse> {
    const form = new URLSearchParams(req.body);
    if (form.get('grant_type') !== JWT_BEARER)
      return grantError('unsupported_grant_type', `Invalid grant_type: ${form.get('grant_type') ?? ''}`);
    const assertion = form.get('assertion') ?? '';
    let kid: string | undefined;
    try {
      const header = decodeProtectedHeader(assertion);
      if (header.alg !== 'RS256') return grantError('invalid_grant', 'Invalid JWT Signature.');
      kid = header.kid;
    } catch {
      return grantError('invalid_grant', 'Invalid JWT Signature.');
    }
    const key = kid ? keys.get(kid) : undefined;
    if (!key || key.deleted) return grantError('invalid_grant', 'Invalid JWT Signature.');
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(assertion, createPublicKey(key.publicKeyPem), {
        algorithms: ['RS256'],
        clockTolerance: 300,
      }));
    } catch (err) {
      const expired = (err as { code?: string }).code === 'ERR_JWT_EXPIRED';
      return expired ? tooLong() : grantError('invalid_grant', 'Invalid JWT Signature.');
    }
    if (claims.iss !== key.clientEmail) return grantError('invalid_grant', 'Invalid grant: account not found');
    if (claims.aud !== tokenUrl()) return grantError('invalid_grant', 'Invalid JWT: Failed audience check.');
    const iat = claims.iat;
    const exp = claims.exp;
    if (typeof iat !== 'number' || typeof exp !== 'number' || exp - iat > 3600 || exp <= iat) return tooLong();
    const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
    if (!scopes.includes(PLAY_SCOPE))
      return grantError('invalid_scope', 'Invalid OAuth scope or ID token audience provided.');
    const accessToken = `ya29.c.${randomBytes(24).toString('base64url')}`;
    tokens.set(accessToken, { clientEmail: key.clientEmail, expiresAt: Date.now() + 3600_000 });
    return { json: { access_token: accessToken, expires_in: 3599, token_type: 'Bearer' } };
  }

  const tooLong = () =>
    grantError(
      'invalid_grant',
      'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. ' +
        'Check your iat and exp values in the JWT claim.',
    );

  function caller(req: FakeRequest): string | null {
    const bearer = /^Bearer (\S+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    const t = bearer ? tokens.get(bearer) : undefined;
    return t && t.expiresAt > Date.now() ? t.clientEmail : null;
  }

  const reviewJson = (r: FakePlayReview) => ({
    reviewId: r.reviewId,
    authorName: r.authorName,
    comments: [
      {
        userComment: {
          text: r.text,
          lastModified: timestamp(r.lastModified),
          starRating: r.starRating,
          ...(r.reviewerLanguage ? { reviewerLanguage: r.reviewerLanguage } : {}),
          ...(r.device ? { device: r.device } : {}),
          ...(r.androidOsVersion !== undefined ? { androidOsVersion: r.androidOsVersion } : {}),
          ...(r.appVersionCode !== undefined ? { appVersionCode: r.appVersionCode } : {}),
          ...(r.appVersionName ? { appVersionName: r.appVersionName } : {}),
          thumbsUpCount: r.thumbsUpCount,
          thumbsDownCount: r.thumbsDownCount,
          ...(r.device
            ? { deviceMetadata: { productName: r.device, manufacturer: 'Google', deviceClass: 'phone', ramMb: 8192 } }
            : {}),
        },
      },
      ...(r.reply ? [{ developerComment: { text: r.reply.text, lastModified: timestamp(r.reply.lastModified) } }] : []),
    ],
  });

  function list(pkg: string, req: FakeRequest): FakeResponse {
    const recent = reviews
      .filter((r) => r.packageName === pkg && !r.deleted && r.lastModified >= Date.now() - WEEK_MS)
      .sort((a, b) => b.lastModified - a.lastModified);
    const asked = Number(req.query.get('maxResults') ?? '10');
    const size = Number.isInteger(asked) && asked > 0 ? Math.min(asked, 100) : 10;
    const token = req.query.get('token');
    let start = 0;
    if (token) {
      const decoded = /^o(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
      if (!decoded)
        return { status: 400, json: googleErrorBody(400, 'Invalid pagination token.', 'invalid', 'INVALID_ARGUMENT') };
      start = Number(decoded[1]);
    }
    const page = recent.slice(start, start + size);
    const next = start + size < recent.length ? Buffer.from(`o${start + size}`).toString('base64url') : undefined;
    return {
      json: {
        ...(page.length ? { reviews: page.map(reviewJson) } : {}),
        ...(next ? { tokenPagination: { nextPageToken: next } } : {}),
        pageInfo: { totalResults: recent.length, resultPerPage: size, startIndex: start },
      },
    };
  }

  function reply(r: FakePlayReview, req: FakeRequest): FakeResponse {
    let body: { replyText?: unknown };
    try {
      body = JSON.parse(req.body || '{}');
    } catch {
      return {
        status: 400,
        json: googleErrorBody(400, 'Invalid JSON payload received.', 'badRequest', 'INVALID_ARGUMENT'),
      };
    }
    const text = typeof body.replyText === 'string' ? body.replyText : '';
    if (!text.trim())
      return {
        status: 400,
        json: googleErrorBody(400, 'Reply text must not be empty.', 'badRequest', 'INVALID_ARGUMENT'),
      };
    if ([...text].length > REPLY_LIMIT)
      return { status: 400, json: googleErrorBody(400, 'Reply text is too long.', 'badRequest', 'INVALID_ARGUMENT') };
    const at = tick();
    r.reply = { text, lastModified: at };
    replies.set(r.reviewId, (replies.get(r.reviewId) ?? 0) + 1);
    return { json: { result: { replyText: text, lastEdited: timestamp(at) } } };
  }

  async function api(req: FakeRequest): Promise<FakeResponse> {
    const m = /^\/androidpublisher\/v3\/applications\/([^/]+)\/reviews(?:\/([^/]+))?$/.exec(req.path);
    if (!m) return notFound();
    const who = caller(req);
    if (!who) return unauthenticated();
    const q = queued.findIndex((x) => !x.method || x.method === req.method);
    if (q >= 0) return queued.splice(q, 1)[0]!.answer;
    const pkg = decodeURIComponent(m[1]!);
    const access = apps.get(pkg);
    if (!access)
      return {
        status: 404,
        json: googleErrorBody(
          404,
          'No application was found for the given package name.',
          'applicationNotFound',
          'NOT_FOUND',
        ),
      };
    if (!access.has(who))
      return {
        status: 403,
        json: googleErrorBody(403, 'The caller does not have permission', 'forbidden', 'PERMISSION_DENIED'),
      };
    if (!m[2]) return req.method === 'GET' ? list(pkg, req) : notFound();
    const [id, verb] = decodeURIComponent(m[2]).split(/:(?=reply$)/);
    const r = reviews.find((x) => x.reviewId === id && x.packageName === pkg && !x.deleted);
    if (!r) return notFound();
    if (verb === 'reply' && req.method === 'POST') return reply(r, req);
    if (!verb && req.method === 'GET') return { json: reviewJson(r) };
    return notFound();
  }

  server = await startFakeServer((req) => {
    if (req.path === '/token' && req.method === 'POST') return token;
    if (req.path.startsWith('/androidpublisher/')) return api;
    return undefined;
  });

  const find = (id: string) => {
    const r = reviews.find((x) => x.reviewId === id);
    if (!r) throw new Error(`no review ${id}`);
    return r;
  };
  const registerKey = (key: TestServiceAccountKey, packages: string[] = []) => {
    keys.set(key.privateKeyId, { clientEmail: key.clientEmail, publicKeyPem: key.publicKeyPem, deleted: false });
    for (const p of packages) grant(p, key.clientEmail);
  };
  const grant = (pkg: string, email: string) => {
    if (!apps.has(pkg)) apps.set(pkg, new Set());
    apps.get(pkg)!.add(email);
  };

  return {
    ...server,
    tokenUrl: tokenUrl(),
    reviews,
    replies,
    async addServiceAccount(o = {}) {
      const key = await makeServiceAccountKey(o.clientEmail ? { clientEmail: o.clientEmail } : {});
      registerKey(key, o.packages ?? []);
      return key;
    },
    registerKey,
    deleteKey(id) {
      const k = keys.get(id);
      if (k) k.deleted = true;
    },
    grant,
    revoke(pkg, email) {
      apps.get(pkg)?.delete(email);
    },
    addApp(pkg) {
      if (!apps.has(pkg)) apps.set(pkg, new Set());
    },
    addReview(r) {
      if (!apps.has(r.packageName)) apps.set(r.packageName, new Set());
      const review: FakePlayReview = {
        reviewId: reviewIdFor(),
        authorName: 'A Google user',
        starRating: 5,
        lastModified: tick(),
        thumbsUpCount: 0,
        thumbsDownCount: 0,
        ...r,
      };
      reviews.push(review);
      return review;
    },
    editReview(id, change) {
      const r = find(id);
      if (change.text !== undefined) r.text = change.text;
      if (change.starRating !== undefined) r.starRating = change.starRating;
      r.lastModified = change.at ?? tick();
      return r;
    },
    deleteReview(id) {
      find(id).deleted = true;
    },
    expireTokens() {
      for (const t of tokens.values()) t.expiresAt = 0;
    },
    quota(kind, o = {}) {
      queued.push({ answer: quotaAnswer(kind, o.retryAfter), method: o.method });
    },
  };
}
