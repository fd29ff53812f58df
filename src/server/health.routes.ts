import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { hashToken } from '../accounts/tokens';
import { AppError } from '../core/errors';
import type { AppEnv } from './env';

/** Liveness with a real database round trip, and Prometheus metrics. */
export const healthRoutes = new Hono<AppEnv>()
  .get('/health', async (c) => {
    const { db, dbKind } = c.var.deps;
    try {
      await db.execute(sql`select 1`);
      return c.json({ status: 'ok', db: dbKind });
    } catch (err) {
      c.var.log.error({ err }, 'health check failed');
      return c.json({ status: 'error', db: dbKind }, 503);
    }
  })
  .get('/metrics', async (c) => {
    const { metrics, settings } = c.var.deps;
    if (settings.metricsToken) {
      // Compared as hashes, so the time taken says nothing about how much of the token matched.
      if (hashToken(c.req.header('authorization') ?? '') !== hashToken(`Bearer ${settings.metricsToken}`)) {
        throw new AppError('UNAUTHENTICATED', 'Send the metrics token as a bearer token');
      }
    } else if (!settings.metricsOpen) {
      const why = 'Metrics need METRICS_TOKEN when HOST is not loopback or TRUST_PROXY is on';
      throw new AppError('UNAUTHENTICATED', `${why}; set it and send it as a bearer token`);
    }
    return c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType });
  });
