import { couldNotConnect, findOutboundError } from './errors';
import { createOutboundHttp, type OutboundHttp, type Transport } from './guarded-fetch';
import type { NodeOutboundOptions } from './node-transport';
import type { OutboundPolicy } from './policy';

/** The outbound HTTP guard: every request the app makes to the outside goes through an OutboundHttp. */
export { findOutboundError, isTimeout, OutboundError, outboundMessage } from './errors';
export type { OutboundErrorCode } from './errors';
export type { FetchLike, GuardedAgent, OutboundHttp } from './guarded-fetch';
export type { NodeOutboundOptions, Resolver } from './node-transport';
export {
  checkUrlText,
  DEFAULT_DEADLINE_MS,
  DEFAULT_FEED_MAX_BYTES,
  DEFAULT_MAX_BYTES,
  MAX_REDIRECTS,
  parseAllowlist,
  strictPolicy,
  type AllowEntry,
  type OutboundPolicy,
} from './policy';

/**
 * Node: undici with a checked DNS lookup. undici is imported here, when the guard is made, not by
 * this module, so the Worker bundle (which builds its own OutboundHttp) never runs it; loading
 * starts at once so no request's deadline pays for it.
 */
export function createNodeOutbound(policy: OutboundPolicy, options: NodeOutboundOptions = {}): OutboundHttp {
  const parts = import('./node-transport').then((m) => m.createNodeParts(policy, options));
  parts.catch(() => undefined);
  const load = () => parts;
  return createOutboundHttp(
    policy,
    async (hop) => (await load()).transport(hop),
    async (url) => (await load()).agent(url),
  );
}

/**
 * Workers: no DNS lookup is available, so names are judged by their form (internal names and
 * literal private addresses refused, every redirect hop checked) and the platform's own egress
 * rules do the rest; the byte caps (API and feed) and redirect limit apply as on Node.
 */
export function createFetchOutbound(policy: OutboundPolicy): OutboundHttp {
  const transport: Transport = async (hop) => {
    try {
      const { method, headers, body, signal } = hop;
      return await fetch(hop.url, { method, headers, body, redirect: 'manual', ...(signal ? { signal } : {}) });
    } catch (err) {
      if (hop.signal?.aborted) throw hop.signal.reason ?? err;
      throw findOutboundError(err) ?? couldNotConnect();
    }
  };
  return createOutboundHttp(policy, transport, async () => null);
}
