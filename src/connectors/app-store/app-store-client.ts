import { z } from 'zod';
import type { OutboundHttp } from '../../http/outbound';
import { parseJson } from '../answer';
import { outboundFailure } from '../types';
import { APP_STORE_LABEL, appStoreError } from './app-store-errors';
import { type AppStoreKey, AppStoreTokens } from './app-store-token';
import { withSlash } from '../url-paths';

/**
 * Plain JSON:API calls to the App Store Connect API over our outbound guard: a bearer JWT signed with the
 * team's key (app-store-token.ts), our base URL and deadline, Apple's errors mapped by app-store-errors.ts.
 * Apple's `links.next` is never followed: only its `cursor` parameter is taken, and the next page is asked
 * for on our own base URL (a link could point anywhere).
 */
export const APP_STORE_BASE_URL = 'https://api.appstoreconnect.apple.com/';
const PLATFORM = 'app_store';

/** Tokens per key (issuer and key id), each cache renewing its own; a replaced .p8 gets a new token. */
const MAX_KEYS = 100;
const tokenCaches = new Map<string, AppStoreTokens>();

function tokensFor(key: AppStoreKey): AppStoreTokens {
  const id = `${key.issuerId}\u0000${key.keyId}`;
  let cache = tokenCaches.get(id);
  if (!cache) {
    if (tokenCaches.size >= MAX_KEYS) tokenCaches.delete(tokenCaches.keys().next().value!);
    cache = new AppStoreTokens();
    tokenCaches.set(id, cache);
  }
  return cache;
}

/** For tests: every key signs a new token on its next call. */
export function forgetAppStoreTokens(): void {
  tokenCaches.clear();
}

export interface AppStoreClientOptions {
  http: OutboundHttp;
  baseUrl: string;
  key: AppStoreKey;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  now?: () => Date;
}

type Params = Record<string, string | number | undefined>;

/** Apple's `links.next` reduced to the one thing we take from it: the page cursor. */
export function nextCursor(next: string | undefined): string | undefined {
  if (!next) return undefined;
  try {
    return new URL(next).searchParams.get('cursor') ?? undefined;
  } catch {
    return undefined;
  }
}

export function appStoreClient(o: AppStoreClientOptions) {
  const now = o.now ?? (() => new Date());
  const call = async (method: 'GET' | 'POST' | 'DELETE', path: string, params: Params = {}, body?: unknown) => {
    const url = new URL(`${withSlash(o.baseUrl)}${path.replace(/^\/+/, '')}`);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));
    const token = await tokensFor(o.key).token(o.key, Math.floor(now().getTime() / 1000));
    const timeout = AbortSignal.timeout(o.timeoutMs);
    const signal = o.signal ? AbortSignal.any([timeout, o.signal]) : timeout;
    let res: Response;
    let text: string;
    try {
      res = await o.http.fetch(url, {
        method,
        redirect: 'manual',
        signal,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      text = await res.text();
    } catch (err) {
      if (timeout.aborted)
        throw outboundFailure(err, `${APP_STORE_LABEL} did not answer within ${o.timeoutMs} ms`, PLATFORM);
      throw outboundFailure(err, `Could not reach ${APP_STORE_LABEL}`, PLATFORM);
    }
    if (!res.ok) throw appStoreError({ status: res.status, headers: res.headers, text, now: now() });
    // DELETE answers 204 without a body.
    return text.trim() ? parseJson(APP_STORE_LABEL, PLATFORM, text, res.headers.get('content-type')) : null;
  };
  return {
    get: (path: string, params?: Params) => call('GET', path, params),
    post: (path: string, body: unknown) => call('POST', path, {}, body),
    delete: (path: string) => call('DELETE', path),
  };
}
export type AppStoreClient = ReturnType<typeof appStoreClient>;

/** A JSON:API list document as Apple sends it: data, included, links {self, next}, meta {paging}. */
export const listDocument = z.object({
  data: z.array(z.unknown()),
  included: z.array(z.unknown()).optional(),
  links: z.object({ next: z.string().optional() }).loose().optional(),
});

/** A single-resource document: {data: {type, id, attributes}, included?}. */
export const singleDocument = z.object({
  data: z.object({ type: z.string(), id: z.string().min(1) }).loose(),
  included: z.array(z.unknown()).optional(),
});
