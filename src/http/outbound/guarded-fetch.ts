import { OutboundError, timedOut } from './errors';
import {
  checkUrl,
  DEFAULT_DEADLINE_MS,
  formatBytes,
  MAX_REDIRECTS,
  type OutboundPolicy,
  type UrlVerdict,
} from './policy';

/**
 * The one way the app talks HTTP to the outside: a fetch that checks every URL against the policy,
 * follows at most MAX_REDIRECTS redirects itself (checking each hop, dropping credentials when the
 * origin changes), and hands back a body that errors once it passes the byte cap instead of
 * growing without bound. How a single request travels is the transport's business (undici with a
 * checked DNS lookup on Node, the platform's fetch on Workers).
 */
export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface Hop {
  url: URL;
  method: string;
  headers: Headers;
  body: ArrayBuffer | null;
  signal: AbortSignal | undefined;
}

/** Sends one request as it is (redirects not followed); failures are OutboundErrors or the caller's abort. */
export type Transport = (hop: Hop) => Promise<Response>;

/** A node:http agent for libraries that cannot take a fetch, and what stopped its last request. */
export interface GuardedAgent {
  agent: import('node:http').Agent;
  tripped(): OutboundError | null;
}

/** What connectors, feeds and webhooks are handed: the policy, the guarded fetches, and an agent maker. */
export interface OutboundHttp {
  readonly policy: OutboundPolicy;
  /** Platform APIs and webhooks: answers capped at policy.maxBytes. */
  readonly fetch: FetchLike;
  /** RSS and Atom feeds, which run larger than any API page: capped at policy.feedMaxBytes. */
  readonly fetchFeed: FetchLike;
  /** For node:http clients (twitter-api-v2); null where there is no node:http (Workers). */
  nodeAgent(url: string): Promise<GuardedAgent | null>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Statuses whose answer has no body (a Response cannot even be built with one). */
export const NULL_BODY = new Set([101, 103, 204, 205, 304]);
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];

export const tooLarge = (maxBytes: number) =>
  new OutboundError('too_large', `answer larger than ${formatBytes(maxBytes)}`);

export function assertAllowed(policy: OutboundPolicy, url: string | URL): Extract<UrlVerdict, { ok: true }> {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    throw new OutboundError('refused', 'refused: not a valid address');
  }
  const verdict = checkUrl(policy, parsed);
  if (!verdict.ok) throw new OutboundError('refused', verdict.reason);
  return verdict;
}

/**
 * Passes bytes through until more than maxBytes have come, then errors with "answer larger than".
 * Pull-based: nothing is read from the network before the reader asks for it.
 */
export function limitStream(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  signal?: AbortSignal,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let seen = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (err) {
          // The caller's own abort stays theirs (they can tell their deadline); the rest is ours.
          const own = err instanceof OutboundError ? err : new OutboundError('unreachable', 'connection lost');
          controller.error(signal?.aborted ? (signal.reason ?? err) : own);
          return;
        }
        if (chunk.done) return controller.close();
        seen += chunk.value.byteLength;
        if (seen > maxBytes) {
          const e = tooLarge(maxBytes);
          controller.error(e);
          await reader.cancel(e).catch(() => undefined);
          return;
        }
        controller.enqueue(chunk.value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

/** Re-wraps a transport's answer as a standard Response whose body cannot pass the cap. */
function capped(res: Response, url: URL, maxBytes: number, signal?: AbortSignal): Response {
  const declared = Number(res.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) {
    void res.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes);
  }
  if (res.status < 200 || res.status > 599) {
    void res.body?.cancel().catch(() => undefined);
    throw new OutboundError('unreachable', `invalid HTTP status ${res.status}`);
  }
  const body = res.body && !NULL_BODY.has(res.status) ? limitStream(res.body, maxBytes, signal) : null;
  const out = new Response(body, { status: res.status, statusText: res.statusText, headers: [...res.headers] });
  Object.defineProperty(out, 'url', { value: url.toString() });
  return out;
}

interface Prepared {
  url: string;
  method: string;
  headers: Headers;
  body: ArrayBuffer | null;
  signal: AbortSignal | undefined;
  redirect: RequestRedirect;
}

/** Reads any fetch input into parts that can be sent again after a redirect. */
async function prepare(input: string | URL | Request, init: RequestInit | undefined): Promise<Prepared> {
  const isRequest = typeof Request !== 'undefined' && input instanceof Request;
  // A stand-in URL: the real one is checked by us, not by the Request constructor.
  const standIn = { ...init, ...(init?.body != null ? { duplex: 'half' } : {}) } as RequestInit;
  const req = isRequest ? new Request(input, init) : new Request('http://outbound.invalid/', standIn);
  return {
    url: isRequest ? (input as Request).url : String(input),
    method: req.method,
    headers: new Headers(req.headers),
    body: req.body ? await req.arrayBuffer() : null,
    signal: init?.signal ?? (isRequest ? (input as Request).signal : undefined),
    redirect: init?.redirect ?? (isRequest ? (input as Request).redirect : 'follow'),
  };
}

/**
 * The request's own total deadline joined with the caller's signal. An idle-socket timeout lets a
 * server trickling one byte a second hold a request for ever; this one ends it, body included, with
 * "timed out". The timer does not keep the process alive.
 */
export function withDeadline(ms: number, signal: AbortSignal | undefined): AbortSignal {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(timedOut()), ms);
  (timer as { unref?: () => void }).unref?.();
  return signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
}

export async function guardedFetch(
  policy: OutboundPolicy,
  transport: Transport,
  input: string | URL | Request,
  init?: RequestInit,
): Promise<Response> {
  const prepared = await prepare(input, init);
  const p = { ...prepared, signal: withDeadline(policy.deadlineMs ?? DEFAULT_DEADLINE_MS, prepared.signal) };
  let url: URL;
  try {
    url = new URL(p.url);
  } catch {
    throw new OutboundError('refused', 'refused: not a valid address');
  }
  let { method, body } = p;
  const headers = p.headers;
  for (let redirects = 0; ; redirects++) {
    assertAllowed(policy, url);
    const res = await transport({ url, method, headers, body, signal: p.signal });
    if (!REDIRECTS.has(res.status) || p.redirect === 'manual') return capped(res, url, policy.maxBytes, p.signal);
    const location = res.headers.get('location');
    void res.body?.cancel().catch(() => undefined);
    if (p.redirect === 'error') throw new OutboundError('redirects', 'refused: the answer was a redirect');
    if (!location) throw new OutboundError('redirects', 'redirect without an address');
    if (redirects >= MAX_REDIRECTS) throw new OutboundError('redirects', `more than ${MAX_REDIRECTS} redirects`);
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      throw new OutboundError('redirects', 'redirect to an invalid address');
    }
    // As browsers do: 303 always, and 301/302 after a POST, continue as a GET without the body.
    if (
      (res.status === 303 && method !== 'HEAD') ||
      ((res.status === 301 || res.status === 302) && method === 'POST')
    ) {
      method = 'GET';
      body = null;
      for (const h of BODY_HEADERS) headers.delete(h);
    }
    // Secrets meant for one origin never follow a redirect to another.
    if (next.origin !== url.origin) for (const h of CREDENTIAL_HEADERS) headers.delete(h);
    url = next;
  }
}

/** Puts a transport and an agent maker behind the policy. */
export function createOutboundHttp(
  policy: OutboundPolicy,
  transport: Transport,
  nodeAgent: (url: string) => Promise<GuardedAgent | null>,
): OutboundHttp {
  // The same guard with the feed cap in place of the API cap.
  const feedPolicy = { ...policy, maxBytes: policy.feedMaxBytes ?? policy.maxBytes };
  return {
    policy,
    fetch: (input, init) => guardedFetch(policy, transport, input, init),
    fetchFeed: (input, init) => guardedFetch(feedPolicy, transport, input, init),
    nodeAgent: async (url) => {
      assertAllowed(policy, url);
      return nodeAgent(url);
    },
  };
}
