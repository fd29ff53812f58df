import type { AppContext } from './env';

/** Where links in emails point: PUBLIC_URL when set, else the address this request came to. */
export const baseUrl = (c: AppContext) =>
  (c.var.deps.settings.publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, '');

/** Who is asking, for rate limits and the audit log: the client address, or 'unknown' when the runtime has none. */
export const clientKey = (c: AppContext) => c.var.deps.clientIp(c) ?? 'unknown';
