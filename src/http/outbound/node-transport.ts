import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { type Duplex, pipeline, type Readable } from 'node:stream';
import { Agent, buildConnector, type Dispatcher, request } from 'undici';
import { couldNotConnect, findOutboundError, OutboundError, timedOut } from './errors';
import { type GuardedAgent, type Hop, NULL_BODY, tooLarge, type Transport } from './guarded-fetch';
import { ACCEPT_ENCODING, decodersFor, pullStream, toHeaders } from './node-body';
import { allowsName, checkUrl, DEFAULT_DEADLINE_MS, type OutboundPolicy, refuseAddress } from './policy';

/**
 * The Node side of the guard. DNS is resolved once, inside the socket's own lookup: every address
 * it returns is checked, and the socket connects to exactly those addresses, so a name cannot
 * answer "public" to the check and "127.0.0.1" to the connection (DNS rebinding). Literal IPs skip
 * lookups, so they are checked before connecting.
 */
export interface ResolvedAddress {
  address: string;
  family: number;
}
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export interface NodeOutboundOptions {
  /** Tests hand in a fake DNS; the system resolver (getaddrinfo, /etc/hosts included) otherwise. */
  resolve?: Resolver;
  connectTimeoutMs?: number;
}

const systemResolver: Resolver = (host) => dns.promises.lookup(host, { all: true, verbatim: true });

const notFound = () => new OutboundError('unreachable', 'host name not found');

/** A net lookup that refuses the whole name when any address it resolves to is not allowed. */
export function guardedLookup(
  policy: OutboundPolicy,
  port: number,
  allowedByName: boolean,
  resolve: Resolver = systemResolver,
): net.LookupFunction {
  return (hostname, options, callback) => {
    const done = callback as (err: Error | null, address?: string | ResolvedAddress[], family?: number) => void;
    resolve(hostname).then(
      (found) => {
        const refusal = allowedByName ? null : found.map((a) => refuseAddress(policy, a.address, port)).find(Boolean);
        if (refusal) return done(new OutboundError('refused', refusal));
        const family = Number(options.family) || 0;
        const usable = found.filter((a) => !family || a.family === family);
        if (usable.length === 0) return done(notFound());
        if (options.all) done(null, usable);
        else done(null, usable[0]!.address, usable[0]!.family);
      },
      () => done(notFound()),
    );
  };
}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '');

/** undici's connector with the checks above; per connection, since the allowlist may name a port. */
function guardedConnector(policy: OutboundPolicy, resolve: Resolver, timeout: number): buildConnector.connector {
  const plain = buildConnector({ timeout });
  return (opts, callback) => {
    const host = bare(opts.hostname);
    const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80);
    if (net.isIP(host)) {
      const refusal = refuseAddress(policy, host, port);
      if (refusal) return callback(new OutboundError('refused', refusal), null);
      return plain(opts, callback);
    }
    buildConnector({ timeout, lookup: guardedLookup(policy, port, allowsName(policy, host, port), resolve) })(
      opts,
      callback,
    );
  };
}

/** What undici threw, as our words (or the caller's own abort, untouched, so it can tell its deadline). */
function transportError(err: unknown, signal: AbortSignal | undefined): unknown {
  const own = findOutboundError(err);
  if (own) return own;
  if (signal?.aborted) return signal.reason ?? err;
  const code = ((err as { cause?: { code?: string } })?.cause?.code ?? (err as { code?: string })?.code) || '';
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return timedOut();
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return notFound();
  return couldNotConnect();
}

const REASON_PHRASE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** undici's answer as a standard Response: decoded, and read from the socket only as it is read. */
function toResponse(hop: Hop, res: Dispatcher.ResponseData): Response {
  const status = res.statusCode;
  const raw = res.body;
  if (status < 200 || status > 599) {
    raw.destroy();
    throw new OutboundError('unreachable', `invalid HTTP status ${status}`);
  }
  const headers = toHeaders(res.headers);
  const init = { status, statusText: REASON_PHRASE.test(res.statusText) ? res.statusText : '', headers };
  if (hop.method === 'HEAD' || NULL_BODY.has(status)) {
    // Nothing to read, but the connection is free for the next request only once undici saw the end.
    raw.dump().catch(() => undefined);
    return new Response(null, init);
  }
  let decoders: (() => Duplex)[] | null;
  try {
    decoders = decodersFor(headers.get('content-encoding'));
  } catch (err) {
    raw.destroy();
    throw err;
  }
  if (!decoders) return new Response(pullStream(raw), init);
  // The body handed on is the decoded one: its length and coding headers no longer describe it.
  headers.delete('content-encoding');
  headers.delete('content-length');
  const stages = decoders.map((make) => make());
  const decoded = pipeline([raw, ...stages], () => undefined) as unknown as Readable;
  return new Response(pullStream(decoded, [raw, ...stages]), init);
}

export function createNodeParts(policy: OutboundPolicy, options: NodeOutboundOptions = {}) {
  const resolve = options.resolve ?? systemResolver;
  const dispatcher = new Agent({ connect: guardedConnector(policy, resolve, options.connectTimeoutMs ?? 10_000) });

  /** One request as it is: undici's request() does not follow redirects (guardedFetch does, checking each). */
  const transport: Transport = async (hop) => {
    const headers = [...hop.headers];
    // fetch asked for compression itself; request() does not, so ask as fetch did.
    if (!hop.headers.has('accept-encoding')) headers.push(['accept-encoding', ACCEPT_ENCODING]);
    let res: Dispatcher.ResponseData;
    try {
      res = await request(hop.url, {
        method: hop.method as Dispatcher.HttpMethod,
        headers: headers.flat(),
        body: hop.body ? Buffer.from(hop.body) : null,
        dispatcher,
        ...(hop.signal ? { signal: hop.signal } : {}),
      });
    } catch (err) {
      throw transportError(err, hop.signal);
    }
    return toResponse(hop, res);
  };

  /**
   * For twitter-api-v2, which speaks node:http and never follows redirects: the base URL is checked
   * by the caller, the agent's lookup checks what the name resolves to, and a byte count on each
   * socket ends an answer past the cap (the client must not ask for compression, so bytes on the
   * wire are the bytes it keeps).
   */
  const agent = async (url: string): Promise<GuardedAgent> => {
    const u = new URL(url);
    const verdict = checkUrl(policy, u);
    if (!verdict.ok) throw new OutboundError('refused', verdict.reason);
    const Base = u.protocol === 'https:' ? https.Agent : http.Agent;
    const a = new Base({
      keepAlive: false,
      lookup: guardedLookup(policy, verdict.port, verdict.allowedByName, resolve),
    });
    let tripped: OutboundError | null = null;
    const create = a.createConnection.bind(a) as (o: unknown, cb?: unknown) => net.Socket;
    (a as unknown as { createConnection: typeof create }).createConnection = (o, cb) => {
      const socket = create(o, cb);
      // No keep-alive, so one socket is one request: the socket's life is the request's total deadline.
      const deadline = setTimeout(() => {
        tripped ??= timedOut();
        socket.destroy(tripped);
      }, policy.deadlineMs ?? DEFAULT_DEADLINE_MS);
      deadline.unref();
      socket.once('close', () => clearTimeout(deadline));
      let seen = 0;
      socket.on('data', (chunk: Buffer) => {
        seen += chunk.length;
        if (seen > policy.maxBytes && !tripped) {
          tripped = tooLarge(policy.maxBytes);
          socket.destroy(tripped);
        }
      });
      return socket;
    };
    return { agent: a, tripped: () => tripped };
  };

  return { transport, agent };
}
