import type { OutboundHttp } from '../../http/outbound';
import { parseJson } from '../answer';
import { ConnectorError, outboundFailure } from '../types';
import { googleError } from './google-errors';
import { withSlash } from '../url-paths';

/**
 * Calling Google's APIs on our outbound guard, two ways. The maintained clients (@googleapis/youtube,
 * @googleapis/androidpublisher) get `googleApiOptions`: our base URL as their `rootUrl` (so a stand-in can
 * answer), the guard as their fetch, no retries of their own (the poller backs off), a deadline; their
 * errors become ConnectorErrors in `viaGoogleApi`. APIs without a maintained client (Business Profile's v4
 * reviews) use `googleRest`: plain JSON over the same guard, with the same error mapping.
 */
export interface GoogleCallOptions {
  http: OutboundHttp;
  baseUrl: string;
  accessToken: string;
  label: string;
  platform: string;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  now?: () => Date;
}

function deadline(o: GoogleCallOptions, own?: AbortSignal | null) {
  const timeout = AbortSignal.timeout(o.timeoutMs);
  return AbortSignal.any([timeout, ...(o.signal ? [o.signal] : []), ...(own ? [own] : [])]);
}

/** Options for a googleapis client: every request through the guard, with our token and deadline. */
export function googleApiOptions(o: GoogleCallOptions) {
  const fetchImplementation = ((url: string | URL, init?: RequestInit) =>
    o.http.fetch(url, {
      method: init?.method ?? 'GET',
      headers: init?.headers ?? {},
      ...(init?.body !== undefined && init.body !== null ? { body: init.body } : {}),
      redirect: 'manual',
      signal: deadline(o, init?.signal),
    })) as typeof fetch;
  return {
    rootUrl: withSlash(o.baseUrl),
    fetchImplementation,
    headers: { authorization: `Bearer ${o.accessToken}` },
    retry: false,
  };
}

/** Runs one googleapis call; Google's error answers and the guard's refusals become ConnectorErrors. */
export async function viaGoogleApi<T>(o: GoogleCallOptions, call: () => Promise<{ data: T }>): Promise<T> {
  try {
    return (await call()).data;
  } catch (err) {
    throw asConnectorError(o, err);
  }
}

function asConnectorError(o: GoogleCallOptions, err: unknown): ConnectorError {
  if (err instanceof ConnectorError) return err;
  const res = (err as { response?: { status?: unknown; data?: unknown; headers?: unknown } } | null)?.response;
  if (res && typeof res.status === 'number')
    return googleError({
      status: res.status,
      headers: res.headers instanceof Headers ? res.headers : undefined,
      body: res.data,
      label: o.label,
      platform: o.platform,
      now: (o.now ?? (() => new Date()))(),
    });
  // A body Google's client could not read as JSON (a proxy's HTML page) is the answer's fault, not the network's.
  if (err instanceof SyntaxError)
    return new ConnectorError('transient', `${o.label} answered something that is not JSON`);
  return outboundFailure(err, `Could not reach ${o.label}`, o.platform);
}

type Params = Record<string, string | number | boolean | undefined>;

/** Plain JSON calls to a Google API (no maintained client), through the guard. */
export function googleRest(o: GoogleCallOptions) {
  const call = async <T>(method: string, path: string, params: Params = {}, body?: unknown): Promise<T> => {
    const url = new URL(`${withSlash(o.baseUrl)}${path.replace(/^\/+/, '')}`);
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));
    let res: Response;
    let text: string;
    try {
      res = await o.http.fetch(url, {
        method,
        redirect: 'manual',
        signal: deadline(o),
        headers: {
          authorization: `Bearer ${o.accessToken}`,
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      text = await res.text();
    } catch (err) {
      throw outboundFailure(err, `Could not reach ${o.label}`, o.platform);
    }
    if (!res.ok)
      throw googleError({
        status: res.status,
        headers: res.headers,
        body: text,
        label: o.label,
        platform: o.platform,
        now: (o.now ?? (() => new Date()))(),
      });
    return (text.trim() ? parseJson(o.label, o.platform, text, res.headers.get('content-type')) : {}) as T;
  };
  return {
    get: <T>(path: string, params?: Params) => call<T>('GET', path, params),
    put: <T>(path: string, body: unknown) => call<T>('PUT', path, {}, body),
    delete: <T>(path: string) => call<T>('DELETE', path),
  };
}
