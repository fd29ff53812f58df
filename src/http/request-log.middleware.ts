import { routePath } from 'hono/route';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env';

/** One structured log line and one metrics sample per request, labelled by route, not raw path. */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  const ms = performance.now() - started;
  const route = routePath(c) || 'unmatched';
  const { metrics } = c.var.deps;
  metrics.httpRequests.inc({ method: c.req.method, route, status: String(c.res.status) });
  metrics.httpDuration.observe({ method: c.req.method, route }, ms / 1000);
  const level = c.res.status >= 500 ? 'error' : 'info';
  c.var.log[level](
    { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(ms * 10) / 10 },
    'request',
  );
});
