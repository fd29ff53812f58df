import { randomBytes } from 'node:crypto';
import { type FakeRequest, type FakeResponse, type FakeServer, startFakeServer } from './fake-http';

/**
 * A fake Google Business Profile API (mybusiness.googleapis.com, My Business API v4 reviews) and Google's
 * OAuth token endpoint, speaking Google's wire format:
 * - `POST /token` (form-encoded, grant_type=refresh_token with client_id, client_secret, refresh_token):
 *   {access_token, expires_in, scope, token_type: 'Bearer'}; a revoked or unknown refresh token answers 400
 *   {error: 'invalid_grant', error_description: 'Token has been expired or revoked.'}, a wrong client 401
 *   {error: 'invalid_client'}. The access tokens' lifetime is settable (`tokenLifetimeS`).
 * - `GET /v4/accounts/{a}/locations/{l}/reviews?pageSize&pageToken&orderBy`: {reviews, averageRating,
 *   totalReviewCount, nextPageToken}, at most 50 a page, ordered `updateTime desc` (the default), `rating` or
 *   `rating desc`; nextPageToken is opaque and absent on the last page.
 * - `GET …/reviews/{r}`, `PUT …/reviews/{r}/reply` {comment} (answers the ReviewReply; a repeat replaces it),
 *   `DELETE …/reviews/{r}/reply`.
 * - Errors as Google's front end words them: {error: {code, message, status, details}}: 401 UNAUTHENTICATED
 *   ("Request had invalid authentication credentials. …", ErrorInfo ACCESS_TOKEN_EXPIRED for an expired token)
 *   with a WWW-Authenticate header, 403 PERMISSION_DENIED, 404 NOT_FOUND, 400 INVALID_ARGUMENT and 429
 *   RESOURCE_EXHAUSTED with the ErrorInfo RATE_LIMIT_EXCEEDED naming the quota metric and limit.
 * Reviews are added, edited (a new updateTime, new words or stars) and deleted by helpers; replies are
 * counted per review name.
 */
export type StarRating = 'STAR_RATING_UNSPECIFIED' | 'ONE' | 'TWO' | 'THREE' | 'FOUR' | 'FIVE';

export interface FakeReviewer {
  displayName?: string;
  profilePhotoUrl?: string;
  isAnonymous: boolean;
}

export interface FakeGoogleReview {
  /** accounts/{a}/locations/{l}/reviews/{r} */
  name: string;
  accountId: string;
  locationId: string;
  reviewId: string;
  reviewer: FakeReviewer;
  starRating: StarRating;
  /** Absent for a review of stars alone. */
  comment?: string;
  /** Unix ms. */
  createTime: number;
  updateTime: number;
  reviewReply?: { comment: string; updateTime: number };
}

export interface FakeGoogleGrant {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

export interface FakeGoogleReviews extends FakeServer {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /** Seconds an access token lives (Google: 3599). */
  tokenLifetimeS: number;
  /** Access tokens handed out by `POST /token`, in order. */
  issuedTokens: string[];
  reviews: Map<string, FakeGoogleReview>;
  /** Successful reply PUTs per review name. */
  replyCounts: Map<string, number>;
  /** A new refresh token for the app's client, as Connect Google would store it. */
  grant(): FakeGoogleGrant;
  /** The person revoked access: the refresh token and every access token from it stop working. */
  revoke(refreshToken: string): void;
  /** Every access token handed out so far has expired. */
  expireTokens(): void;
  /** A location of an account (new ids unless given). */
  addLocation(accountId?: string, locationId?: string): { accountId: string; locationId: string };
  /** The signed-in user lost access to this location: 403 PERMISSION_DENIED. */
  denyLocation(locationId: string): void;
  addReview(r: Partial<Omit<FakeGoogleReview, 'name'>> & { accountId: string; locationId: string }): FakeGoogleReview;
  /** The reviewer changed it: new words or stars, a new updateTime (it moves to the top). */
  editReview(name: string, change: { comment?: string | null; starRating?: StarRating }): FakeGoogleReview;
  deleteReview(name: string): void;
  /** The next `count` API calls (not the token endpoint) answer 429 RESOURCE_EXHAUSTED. */
  rateLimitNext(count?: number, o?: { retryAfterS?: number }): void;
}

const STAR_VALUE: Record<StarRating, number> = {
  STAR_RATING_UNSPECIFIED: 0,
  ONE: 1,
  TWO: 2,
  THREE: 3,
  FOUR: 4,
  FIVE: 5,
};
const PROJECT_NUMBER = '618104708054';
const SERVICE = 'mybusiness.googleapis.com';
const INVALID_CREDENTIALS =
  'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid ' +
  'authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';
const MISSING_CREDENTIALS =
  'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other ' +
  'valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';

// Review times: from two weeks ago, a quarter of an hour per change (the connector re-reads 10 minutes before
// its mark, so only the newest item of a sweep is read again).
const STEP_MS = 15 * 60_000;
let clock = Date.now() - 14 * 86_400_000;
const tick = () => {
  clock += STEP_MS;
  return clock;
};
let seq = 4_000_000;
const nextNumber = () => String(++seq);
/** Google's encrypted review ids are long URL-safe strings. */
const newReviewId = () => `AbFvOq${randomBytes(24).toString('base64url')}`;
/** RFC 3339, Z-normalized, with 6 fractional digits (Google uses 0, 3, 6 or 9). */
const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');

function googleError(status: number, grpc: string, message: string, details?: unknown[]): FakeResponse {
  return { status, json: { error: { code: status, message, status: grpc, ...(details ? { details } : {}) } } };
}

const errorInfo = (reason: string, metadata: Record<string, string>) => ({
  '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
  reason,
  domain: 'googleapis.com',
  metadata,
});

export async function startFakeGoogleReviews(): Promise<FakeGoogleReviews> {
  const clientId = `${nextNumber()}-fake.apps.googleusercontent.com`;
  const clientSecret = `GOCSPX-${randomBytes(12).toString('base64url')}`;
  const refreshTokens = new Map<string, { revoked: boolean }>();
  const accessTokens = new Map<string, { refreshToken: string; expiresAt: number; expired: boolean }>();
  const issuedTokens: string[] = [];
  const locations = new Set<string>();
  const denied = new Set<string>();
  const reviews = new Map<string, FakeGoogleReview>();
  const replyCounts = new Map<string, number>();
  let throttled: { count: number; retryAfterS?: number | undefined } = { count: 0 };
  const token = (req: FakeRequest): FakeResponse => {
    const form = new URLSearchParams(req.body);
    if (!/application\/x-www-form-urlencoded/.test(req.headers['content-type'] ?? ''))
      return { status: 400, json: { error: 'invalid_request', error_description: 'Invalid content type' } };
    if (form.get('grant_type') !== 'refresh_token')
      return {
        status: 400,
        json: { error: 'unsupported_grant_type', error_description: `Invalid grant_type: ${form.get('grant_type')}` },
      };
    if (form.get('client_id') !== clientId)
      return { status: 401, json: { error: 'invalid_client', error_description: 'The OAuth client was not found.' } };
    if (form.get('client_secret') !== clientSecret)
      return { status: 401, json: { error: 'invalid_client', error_description: 'Unauthorized' } };
    const refresh = form.get('refresh_token') ?? '';
    const grant = refreshTokens.get(refresh);
    if (!grant || grant.revoked)
      return { status: 400, json: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } };
    const access = `ya29.a0${randomBytes(30).toString('base64url')}`;
    accessTokens.set(access, {
      refreshToken: refresh,
      expiresAt: Date.now() + fake.tokenLifetimeS * 1000,
      expired: false,
    });
    issuedTokens.push(access);
    return {
      json: {
        access_token: access,
        expires_in: fake.tokenLifetimeS,
        scope: 'https://www.googleapis.com/auth/business.manage',
        token_type: 'Bearer',
      },
    };
  };

  const unauthenticated = (reason: string, method: string): FakeResponse => ({
    ...googleError(401, 'UNAUTHENTICATED', INVALID_CREDENTIALS, [errorInfo(reason, { service: SERVICE, method })]),
    headers: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
  });

  /** Google's bearer check: null when the token is good, else its 401. */
  const checkBearer = (req: FakeRequest, method: string): FakeResponse | null => {
    const auth = req.headers.authorization ?? '';
    const m = /^Bearer (\S+)$/.exec(auth);
    if (!m)
      return {
        ...googleError(401, 'UNAUTHENTICATED', MISSING_CREDENTIALS, [
          errorInfo('CREDENTIALS_MISSING', { service: SERVICE, method }),
        ]),
        headers: { 'www-authenticate': 'Bearer realm="https://accounts.google.com/"' },
      };
    const t = accessTokens.get(m[1]!);
    if (!t) return unauthenticated('ACCESS_TOKEN_TYPE_UNSUPPORTED', method);
    if (t.expired || t.expiresAt <= Date.now() || refreshTokens.get(t.refreshToken)?.revoked)
      return unauthenticated('ACCESS_TOKEN_EXPIRED', method);
    return null;
  };

  const quotaExceeded = (): FakeResponse => ({
    ...googleError(
      429,
      'RESOURCE_EXHAUSTED',
      `Quota exceeded for quota metric 'Requests' and limit 'Requests per minute' of service '${SERVICE}' ` +
        `for consumer 'project_number:${PROJECT_NUMBER}'.`,
      [
        errorInfo('RATE_LIMIT_EXCEEDED', {
          quota_metric: `${SERVICE}/default_requests`,
          quota_limit: 'DefaultRequestsPerMinutePerProject',
          quota_limit_value: '300',
          quota_location: 'global',
          consumer: `projects/${PROJECT_NUMBER}`,
          service: SERVICE,
        }),
        {
          '@type': 'type.googleapis.com/google.rpc.Help',
          links: [
            {
              description: 'Request a higher quota limit.',
              url: 'https://cloud.google.com/docs/quotas/help/request_increase',
            },
          ],
        },
      ],
    ),
    ...(throttled.retryAfterS !== undefined ? { headers: { 'retry-after': String(throttled.retryAfterS) } } : {}),
  });

  const notFound = () => googleError(404, 'NOT_FOUND', 'Requested entity was not found.');
  const invalid = () => googleError(400, 'INVALID_ARGUMENT', 'Request contains an invalid argument.');

  const wire = (r: FakeGoogleReview) => ({
    name: r.name,
    reviewId: r.reviewId,
    reviewer: r.reviewer,
    starRating: r.starRating,
    ...(r.comment !== undefined ? { comment: r.comment } : {}),
    createTime: rfc3339(r.createTime),
    updateTime: rfc3339(r.updateTime),
    ...(r.reviewReply
      ? { reviewReply: { comment: r.reviewReply.comment, updateTime: rfc3339(r.reviewReply.updateTime) } }
      : {}),
  });

  const ORDERS: Record<string, (a: FakeGoogleReview, b: FakeGoogleReview) => number> = {
    'updateTime desc': (a, b) => b.updateTime - a.updateTime,
    rating: (a, b) => STAR_VALUE[a.starRating] - STAR_VALUE[b.starRating] || b.updateTime - a.updateTime,
    'rating desc': (a, b) => STAR_VALUE[b.starRating] - STAR_VALUE[a.starRating] || b.updateTime - a.updateTime,
  };

  const list = (req: FakeRequest, location: string): FakeResponse => {
    const orderBy = req.query.get('orderBy') ?? 'updateTime desc';
    const order = ORDERS[orderBy];
    const sizeParam = req.query.get('pageSize');
    const size = sizeParam === null ? 50 : Number(sizeParam);
    if (!order || !Number.isInteger(size) || size < 0) return invalid();
    const pageSize = Math.min(size || 50, 50);
    let offset = 0;
    const pageToken = req.query.get('pageToken');
    if (pageToken) {
      // Opaque to the client; bound to the location and the order it was made for.
      const [tokenLocation, tokenOrder, at] = Buffer.from(pageToken, 'base64url').toString('utf8').split('\u0000');
      if (tokenLocation !== location || tokenOrder !== orderBy || !/^\d+$/.test(at ?? '')) return invalid();
      offset = Number(at);
    }
    const all = [...reviews.values()].filter((r) => `accounts/${r.accountId}/locations/${r.locationId}` === location);
    all.sort(order);
    const page = all.slice(offset, offset + pageSize);
    const rated = all.filter((r) => STAR_VALUE[r.starRating] > 0);
    const next = offset + pageSize < all.length ? offset + pageSize : null;
    return {
      json: {
        ...(page.length ? { reviews: page.map(wire) } : {}),
        ...(rated.length
          ? { averageRating: rated.reduce((s, r) => s + STAR_VALUE[r.starRating], 0) / rated.length }
          : {}),
        totalReviewCount: all.length,
        ...(next !== null
          ? { nextPageToken: Buffer.from([location, orderBy, String(next)].join('\u0000')).toString('base64url') }
          : {}),
      },
    };
  };

  const putReply = (req: FakeRequest, review: FakeGoogleReview): FakeResponse => {
    let body: { comment?: unknown };
    try {
      body = JSON.parse(req.body) as { comment?: unknown };
    } catch {
      return googleError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
    }
    if (typeof body.comment !== 'string' || !body.comment.trim() || body.comment.length > 4096) return invalid();
    review.reviewReply = { comment: body.comment, updateTime: Date.now() };
    replyCounts.set(review.name, (replyCounts.get(review.name) ?? 0) + 1);
    return { json: { comment: review.reviewReply.comment, updateTime: rfc3339(review.reviewReply.updateTime) } };
  };

  const api = (req: FakeRequest): FakeResponse => {
    const m = /^\/v4\/accounts\/([^/]+)\/locations\/([^/]+)\/reviews(?:\/([^/]+)(\/reply)?)?$/.exec(req.path);
    if (!m) return notFound();
    const [, account, locationId, rawReviewId, reply] = m;
    const location = `accounts/${account}/locations/${locationId}`;
    const method = !rawReviewId
      ? 'ListReviews'
      : !reply
        ? 'GetReview'
        : req.method === 'DELETE'
          ? 'DeleteReply'
          : 'UpdateReply';
    const refused = checkBearer(req, `google.mybusiness.v4.Reviews.${method}`);
    if (refused) return refused;
    if (throttled.count > 0) {
      throttled.count--;
      return quotaExceeded();
    }
    if (denied.has(locationId!)) return googleError(403, 'PERMISSION_DENIED', 'The caller does not have permission');
    if (!locations.has(location)) return notFound();
    if (!rawReviewId) return req.method === 'GET' ? list(req, location) : notFound();
    const review = reviews.get(`${location}/reviews/${decodeURIComponent(rawReviewId)}`);
    if (!review) return notFound();
    if (!reply) return req.method === 'GET' ? { json: wire(review) } : notFound();
    if (req.method === 'PUT') return putReply(req, review);
    if (req.method === 'DELETE') {
      if (!review.reviewReply) return notFound();
      delete review.reviewReply;
      return { json: {} };
    }
    return notFound();
  };

  const server: FakeServer = await startFakeServer((req) => {
    if (req.path === '/token') return req.method === 'POST' ? token : undefined;
    if (req.path.startsWith('/v4/')) return api;
    return undefined;
  });

  const fake: FakeGoogleReviews = {
    ...server,
    url: server.url,
    tokenUrl: `${server.url}token`,
    clientId,
    clientSecret,
    tokenLifetimeS: 3599,
    issuedTokens,
    reviews,
    replyCounts,
    grant() {
      const refreshToken = `1//0g${randomBytes(32).toString('base64url')}`;
      refreshTokens.set(refreshToken, { revoked: false });
      return { clientId, clientSecret, refreshToken };
    },
    revoke(refreshToken) {
      refreshTokens.set(refreshToken, { revoked: true });
    },
    expireTokens() {
      for (const t of accessTokens.values()) t.expired = true;
    },
    addLocation(accountId = nextNumber(), locationId = nextNumber()) {
      locations.add(`accounts/${accountId}/locations/${locationId}`);
      return { accountId, locationId };
    },
    denyLocation(locationId) {
      denied.add(locationId);
    },
    addReview(r) {
      const reviewId = r.reviewId ?? newReviewId();
      const createTime = r.createTime ?? tick();
      const review: FakeGoogleReview = {
        reviewer: { displayName: 'A Google user', isAnonymous: false },
        starRating: 'FIVE',
        ...r,
        reviewId,
        name: `accounts/${r.accountId}/locations/${r.locationId}/reviews/${reviewId}`,
        createTime,
        updateTime: r.updateTime ?? createTime,
      };
      reviews.set(review.name, review);
      return review;
    },
    editReview(name, change) {
      const review = reviews.get(name);
      if (!review) throw new Error(`no review ${name}`);
      if (change.comment === null) delete review.comment;
      else if (change.comment !== undefined) review.comment = change.comment;
      if (change.starRating) review.starRating = change.starRating;
      review.updateTime = tick();
      return review;
    },
    deleteReview(name) {
      reviews.delete(name);
    },
    rateLimitNext(count = 1, o = {}) {
      throttled = { count, retryAfterS: o.retryAfterS };
    },
  };
  return fake;
}
