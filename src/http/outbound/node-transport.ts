import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { couldNotConnect, findOutboundError, OutboundError, timedOut } from './errors';
import { tooLarge, type GuardedAgent, type Transport } from './guarded-fetch';
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

export function createNodeParts(policy: OutboundPolicy, options: NodeOutboundOptions = {}) {
  const resolve = options.resolve ?? systemResolver;
  const dispatcher = new Agent({ connect: guardedConnector(policy, resolve, options.connectTimeoutMs ?? 10_000) });

  const transport: Transport = async (hop) => {
    try {
      const res = await undiciFetch(hop.url, {
        method: hop.method,
        headers: [...hop.headers],
        body: hop.body,
        redirect: 'manual',
        dispatcher,
        ...(hop.signal ? { signal: hop.signal } : {}),
      });
      return res as unknown as Response;
    } catch (err) {
      throw transportError(err, hop.signal);
    }
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
