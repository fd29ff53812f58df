import { createNodeOutbound, DEFAULT_MAX_BYTES, parseAllowlist } from '../../src/http/outbound';

/** Tests run their platform fakes on 127.0.0.1: the one internal address the guard is told to allow. */
export const TEST_OUTBOUND_ALLOWLIST = '127.0.0.1';

/** The production guard with a test allowlist (and cap), for connector calls made outside an app. */
export const testOutbound = (allow = TEST_OUTBOUND_ALLOWLIST, maxBytes = DEFAULT_MAX_BYTES) =>
  createNodeOutbound({ allow: parseAllowlist(allow), maxBytes });

export const testHttp = testOutbound();

// undici takes 0.1-0.3 s to load: load it now, before any test's request deadline starts counting.
await import('../../src/http/outbound/node-transport');
