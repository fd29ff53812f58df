import { randomBytes, randomUUID } from 'node:crypto';
import { type AppStoreApiKey, checkAppStoreToken, makeAppStoreTestKey } from './app-store-auth';
import { type FakeRequest, type FakeResponse, type FakeServer, startFakeServer } from './fake-http';

/**
 * A fake App Store Connect API (api.appstoreconnect.apple.com) for customer reviews, in Apple's JSON:API wire
 * format: every request carries a bearer JWT checked as Apple does (app-store-auth.ts: ES256 signed by an
 * uploaded key, `kid`, `iss`, `aud` appstoreconnect-v1, at most 20 minutes) and refused with 401 NOT_AUTHORIZED;
 * every answer carries `X-Rate-Limit: user-hour-lim:3600;user-hour-rem:N;`, and a throttled request gets 429
 * RATE_LIMIT_EXCEEDED; errors are {errors: [{id, status, code, title, detail}]}.
 *
 * GET /v1/apps/{id} (the app: name, bundleId); GET /v1/apps/{id}/customerReviews (sort createdDate/-createdDate/
 * rating/-rating, limit ≤ 200, include=response, filter[territory], filter[rating]; pages by an opaque
 * `cursor` carried in `links.next`, an absolute URL on this host; meta.paging {total, limit}); GET
 * /v1/customerReviews/{id} (include=response; 404 once deleted); GET /v1/customerReviews/{id}/response (404
 * when there is none); POST /v1/customerReviewResponses (201; as Apple documents it, a second one for the same
 * review overwrites the first; `secondCreate = 'conflict'` answers 409 instead, as the OpenAPI description
 * allows); DELETE /v1/customerReviewResponses/{id} (204). Review dates are written with a UTC offset
 * (2026-01-02T11:19:36-07:00) as Apple writes them.
 */
export interface FakeAsApp {
  id: string;
  name: string;
  bundleId: string;
}

export interface FakeAsReview {
  id: string;
  appId: string;
  rating: number;
  title: string | null;
  body: string;
  reviewerNickname: string;
  /** ms since the epoch (whole seconds, as Apple writes dates). */
  created: number;
  territory: string;
  deleted?: boolean;
}

export interface FakeAsResponse {
  id: string;
  reviewId: string;
  responseBody: string;
  lastModified: number;
  state: 'PENDING_PUBLISH' | 'PUBLISHED';
}

export interface TestAppStoreKey {
  issuerId: string;
  keyId: string;
  privateKey: string;
}

export interface FakeAppStore extends FakeServer {
  /** The public halves of the keys Apple knows (revoked ones removed). */
  keys: AppStoreApiKey[];
  /** A key Apple knows, as a source's credentials. */
  key: TestAppStoreKey;
  /** Another key uploaded to Apple. */
  addKey(keyId?: string): TestAppStoreKey;
  revokeKey(keyId: string): void;
  apps: Map<string, FakeAsApp>;
  addApp(a: { name: string; bundleId?: string; id?: string }): FakeAsApp;
  reviews: FakeAsReview[];
  addReview(r: Partial<FakeAsReview> & { appId: string; body: string }): FakeAsReview;
  editReview(id: string, changes: Partial<Pick<FakeAsReview, 'rating' | 'title' | 'body'>>): FakeAsReview;
  deleteReview(id: string): void;
  /** Responses by review id (at most one each). */
  responses: Map<string, FakeAsResponse>;
  /** POST /v1/customerReviewResponses accepted, per review id. */
  responseCreates: Map<string, number>;
  /** A response written elsewhere (App Store Connect's web page). */
  addResponse(reviewId: string, responseBody: string): FakeAsResponse;
  /** Apple publishes pending responses after a while; this does it at once. */
  publishResponses(): void;
  /** What a second POST for the same review does: overwrite (Apple's documentation) or 409. */
  secondCreate: 'overwrite' | 'conflict';
  /** The most reviews a page holds, whatever `limit` asks (to page with few reviews). */
  pageSize: number;
  /** Where `links` point (this host unless set: a test of a next link to another host). */
  linkBase: string | null;
  /** The next matching request is throttled: 429 RATE_LIMIT_EXCEEDED, rem 0, and Retry-After if given. */
  throttleNext(o?: { retryAfter?: number; match?: RegExp }): void;
  /** The next matching request answers Apple's error with this status (403 FORBIDDEN_ERROR, 500, ...). */
  failNext(status: number, match?: RegExp): void;
}

const HOUR_LIMIT = 3600;
// An hour ago, a minute a review: recent enough for every window.
let clock = Date.now() - 3_600_000;
let seq = 0;

/** A date as Apple writes it: local time with its UTC offset (here -07:00). */
export function appleDate(ms: number, offsetMinutes = -420): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().replace(/\.\d{3}Z$/, '');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Review ids of Apple's form: 00000028-b08c-0014-729e-fbd500000000. */
const reviewId = () => {
  const tail = `${randomBytes(4).toString('hex')}${String(++seq).padStart(4, '0')}`;
  return `00000028-b08c-0014-${randomBytes(2).toString('hex')}-${tail}`;
};

export function appleErrorBody(status: number, code: string, title: string, detail: string) {
  return { errors: [{ id: randomUUID(), status: String(status), code, title, detail }] };
}

const ERRORS: Record<number, { code: string; title: string; detail: string }> = {
  400: { code: 'PARAMETER_ERROR.INVALID', title: 'A parameter has an invalid value', detail: 'Invalid parameter.' },
  403: {
    code: 'FORBIDDEN_ERROR',
    title: 'This request is forbidden for security reasons',
    detail: 'The API key in use does not allow this request',
  },
  404: { code: 'NOT_FOUND', title: 'The specified resource does not exist', detail: 'There is no such resource.' },
  409: { code: 'ENTITY_ERROR', title: 'The provided entity is invalid', detail: 'The request entity is invalid.' },
  500: {
    code: 'UNEXPECTED_ERROR',
    title: 'An unexpected error occurred.',
    detail: 'An unexpected error occurred on the server side. If this issue continues, contact us.',
  },
  503: {
    code: 'SERVICE_UNAVAILABLE',
    title: 'Service Unavailable',
    detail: 'The request could not be completed because the service is unavailable.',
  },
};

const encodeCursor = (offset: number) => Buffer.from(`AQ.${offset}`).toString('base64url');
function decodeCursor(c: string): number | null {
  const m = /^AQ\.(\d{1,9})$/.exec(Buffer.from(c, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : null;
}

const SORTS: Record<string, (a: FakeAsReview, b: FakeAsReview) => number> = {
  createdDate: (a, b) => a.created - b.created,
  '-createdDate': (a, b) => b.created - a.created,
  rating: (a, b) => a.rating - b.rating || b.created - a.created,
  '-rating': (a, b) => b.rating - a.rating || b.created - a.created,
};

export async function startFakeAppStore(): Promise<FakeAppStore> {
  const first = makeAppStoreTestKey();
  const keys: AppStoreApiKey[] = [first.uploaded];
  const apps = new Map<string, FakeAsApp>();
  const reviews: FakeAsReview[] = [];
  const responses = new Map<string, FakeAsResponse>();
  const responseCreates = new Map<string, number>();
  let server: FakeServer;
  let answered = 0;

  const rateHeader = (remaining?: number) => ({
    'x-rate-limit': `user-hour-lim:${HOUR_LIMIT};user-hour-rem:${remaining ?? Math.max(0, HOUR_LIMIT - answered)};`,
  });
  const ok = (json: unknown, status = 200): FakeResponse => ({ status, headers: rateHeader(), json });
  const fail = (status: number, detail?: string): FakeResponse => {
    const e = ERRORS[status] ?? ERRORS[500]!;
    return { status, headers: rateHeader(), json: appleErrorBody(status, e.code, e.title, detail ?? e.detail) };
  };
  const base = () => fake.linkBase ?? server.url;
  const live = (id: string) => reviews.find((r) => r.id === id && !r.deleted);

  const responseResource = (r: FakeAsResponse) => ({
    type: 'customerReviewResponses',
    id: r.id,
    attributes: { responseBody: r.responseBody, lastModifiedDate: appleDate(r.lastModified), state: r.state },
    relationships: { review: { links: { related: `${base()}v1/customerReviewResponses/${r.id}/review` } } },
    links: { self: `${base()}v1/customerReviewResponses/${r.id}` },
  });
  const reviewResource = (r: FakeAsReview, withResponse: boolean) => {
    const resp = responses.get(r.id);
    return {
      type: 'customerReviews',
      id: r.id,
      attributes: {
        rating: r.rating,
        title: r.title,
        body: r.body,
        reviewerNickname: r.reviewerNickname,
        createdDate: appleDate(r.created),
        territory: r.territory,
      },
      relationships: {
        response: {
          links: {
            self: `${base()}v1/customerReviews/${r.id}/relationships/response`,
            related: `${base()}v1/customerReviews/${r.id}/response`,
          },
          ...(withResponse ? { data: resp ? { type: 'customerReviewResponses', id: resp.id } : null } : {}),
        },
      },
      links: { self: `${base()}v1/customerReviews/${r.id}` },
    };
  };

  const listReviews = (req: FakeRequest, appId: string): FakeResponse => {
    if (!apps.has(appId)) return fail(404, `There is no resource of type 'apps' with id '${appId}'`);
    const limit = Number(req.query.get('limit') ?? '50');
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      return fail(400, `The parameter 'limit' can not be greater than 200`);
    const sort = req.query.get('sort') ?? '-createdDate';
    if (!SORTS[sort]) return fail(400, `The parameter 'sort' has an invalid value '${sort}'`);
    const cursor = req.query.get('cursor');
    const offset = cursor === null ? 0 : decodeCursor(cursor);
    if (offset === null) return fail(400, `The parameter 'cursor' has an invalid value`);
    const territories = req.query.get('filter[territory]')?.split(',');
    const ratings = req.query.get('filter[rating]')?.split(',').map(Number);
    const all = reviews
      .filter((r) => r.appId === appId && !r.deleted)
      .filter((r) => !territories || territories.includes(r.territory))
      .filter((r) => !ratings || ratings.includes(r.rating))
      .sort(SORTS[sort]);
    const size = Math.min(limit, fake.pageSize);
    const page = all.slice(offset, offset + size);
    const withResponse = (req.query.get('include') ?? '').split(',').includes('response');
    const included = withResponse ? page.flatMap((r) => (responses.has(r.id) ? [responses.get(r.id)!] : [])) : [];
    const self = new URL(`${base()}v1/apps/${appId}/customerReviews`);
    for (const [k, v] of req.query) if (k !== 'cursor') self.searchParams.set(k, v);
    const next = new URL(self);
    next.searchParams.set('cursor', encodeCursor(offset + size));
    if (cursor !== null) self.searchParams.set('cursor', cursor);
    return ok({
      data: page.map((r) => reviewResource(r, withResponse)),
      ...(included.length ? { included: included.map(responseResource) } : {}),
      links: { self: self.toString(), ...(offset + size < all.length ? { next: next.toString() } : {}) },
      meta: { paging: { total: all.length, limit: size } },
    });
  };

  const createResponse = (req: FakeRequest): FakeResponse => {
    let body: {
      data?: {
        type?: unknown;
        attributes?: { responseBody?: unknown };
        relationships?: { review?: { data?: { type?: unknown; id?: unknown } } };
      };
    };
    try {
      body = JSON.parse(req.body);
    } catch {
      return fail(400, 'The request body is not valid JSON.');
    }
    const d = body?.data;
    const text = d?.attributes?.responseBody;
    const review = d?.relationships?.review?.data;
    if (d?.type !== 'customerReviewResponses' || typeof text !== 'string' || !text)
      return fail(409, 'You must provide a value for the attribute responseBody with this request');
    if (review?.type !== 'customerReviews' || typeof review.id !== 'string' || !live(review.id))
      return fail(409, 'The relationship review is invalid');
    const existing = responses.get(review.id);
    if (existing && fake.secondCreate === 'conflict')
      return {
        status: 409,
        headers: rateHeader(),
        json: appleErrorBody(
          409,
          'ENTITY_ERROR.ATTRIBUTE.INVALID.DUPLICATE',
          'The provided entity includes an attribute with a value that has already been used',
          'A response to this review already exists.',
        ),
      };
    const made: FakeAsResponse = {
      id: existing?.id ?? randomUUID(),
      reviewId: review.id,
      responseBody: text,
      lastModified: Date.now(),
      state: 'PENDING_PUBLISH',
    };
    responses.set(review.id, made);
    responseCreates.set(review.id, (responseCreates.get(review.id) ?? 0) + 1);
    return ok({ data: responseResource(made), links: { self: `${base()}v1/customerReviewResponses/${made.id}` } }, 201);
  };

  const route = (req: FakeRequest): FakeResponse | null => {
    const p = req.path.split('/').filter(Boolean);
    if (p[0] !== 'v1') return null;
    const withResponse = (req.query.get('include') ?? '').split(',').includes('response');
    if (req.method === 'GET' && p[1] === 'apps' && p.length === 3) {
      const app = apps.get(p[2]!);
      if (!app) return fail(404, `There is no resource of type 'apps' with id '${p[2]}'`);
      return ok({
        data: {
          type: 'apps',
          id: app.id,
          attributes: { name: app.name, bundleId: app.bundleId, sku: app.bundleId, primaryLocale: 'en-US' },
          links: { self: `${base()}v1/apps/${app.id}` },
        },
        links: { self: `${base()}v1/apps/${app.id}` },
      });
    }
    if (req.method === 'GET' && p[1] === 'apps' && p[3] === 'customerReviews' && p.length === 4)
      return listReviews(req, p[2]!);
    if (req.method === 'GET' && p[1] === 'customerReviews' && p.length >= 3) {
      const r = live(p[2]!);
      if (!r) return fail(404, `There is no resource of type 'customerReviews' with id '${p[2]}'`);
      if (p.length === 3) {
        const resp = responses.get(r.id);
        return ok({
          data: reviewResource(r, withResponse),
          ...(withResponse && resp ? { included: [responseResource(resp)] } : {}),
          links: { self: `${base()}v1/customerReviews/${r.id}` },
        });
      }
      if (p[3] === 'response' && p.length === 4) {
        const resp = responses.get(r.id);
        if (!resp) return fail(404, `There is no resource of type 'customerReviewResponses' for this review`);
        return ok({ data: responseResource(resp), links: { self: `${base()}v1/customerReviews/${r.id}/response` } });
      }
    }
    if (req.method === 'POST' && p[1] === 'customerReviewResponses' && p.length === 2) return createResponse(req);
    if (req.method === 'DELETE' && p[1] === 'customerReviewResponses' && p.length === 3) {
      const hit = [...responses.values()].find((r) => r.id === p[2]);
      if (!hit) return fail(404, `There is no resource of type 'customerReviewResponses' with id '${p[2]}'`);
      responses.delete(hit.reviewId);
      return { status: 204, headers: rateHeader(), raw: '' };
    }
    return null;
  };

  server = await startFakeServer(() => async (req) => {
    answered += 1;
    const refused = await checkAppStoreToken(req.headers.authorization, keys);
    if (refused) return { ...refused, headers: rateHeader() };
    return route(req) ?? fail(404, `The path ${req.path} could not be found.`);
  });

  const fake: FakeAppStore = {
    ...server,
    keys,
    key: first.key,
    addKey(keyId) {
      const k = makeAppStoreTestKey(keyId ?? `K${randomBytes(5).toString('hex').toUpperCase().slice(0, 9)}`);
      keys.push(k.uploaded);
      return k.key;
    },
    revokeKey(keyId) {
      const i = keys.findIndex((k) => k.keyId === keyId);
      if (i >= 0) keys.splice(i, 1);
    },
    apps,
    addApp(a) {
      const app = {
        id: a.id ?? String(1_000_000_000 + ++seq),
        name: a.name,
        bundleId: a.bundleId ?? 'com.example.app',
      };
      apps.set(app.id, app);
      return app;
    },
    reviews,
    addReview(r) {
      clock += 60_000;
      const review: FakeAsReview = {
        id: reviewId(),
        rating: 5,
        title: 'A review',
        reviewerNickname: 'Anne Johnson',
        created: clock,
        territory: 'USA',
        ...r,
      };
      // Apple's dates have whole seconds.
      review.created = Math.floor(review.created / 1000) * 1000;
      reviews.push(review);
      return review;
    },
    editReview(id, changes) {
      const r = reviews.find((x) => x.id === id);
      if (!r) throw new Error(`no review ${id}`);
      Object.assign(r, changes);
      return r;
    },
    deleteReview(id) {
      const r = reviews.find((x) => x.id === id);
      if (r) r.deleted = true;
    },
    responses,
    responseCreates,
    addResponse(reviewId, responseBody) {
      const made: FakeAsResponse = {
        id: randomUUID(),
        reviewId,
        responseBody,
        lastModified: Date.now(),
        state: 'PUBLISHED',
      };
      responses.set(reviewId, made);
      return made;
    },
    publishResponses() {
      for (const r of responses.values()) r.state = 'PUBLISHED';
    },
    secondCreate: 'overwrite',
    pageSize: 200,
    linkBase: null,
    throttleNext(o = {}) {
      server.fault({
        status: 429,
        headers: { ...rateHeader(0), ...(o.retryAfter !== undefined ? { 'retry-after': String(o.retryAfter) } : {}) },
        json: appleErrorBody(
          429,
          'RATE_LIMIT_EXCEEDED',
          'The request rate limit has been reached.',
          "We've received too many requests for this API. Please wait and try again or slow down your request rate.",
        ),
        ...(o.match ? { match: (req: FakeRequest) => o.match!.test(req.path) } : {}),
      });
    },
    failNext(status, match) {
      server.fault({ ...fail(status), ...(match ? { match: (req: FakeRequest) => match.test(req.path) } : {}) });
    },
  };
  return fake;
}
