import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
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
    if (settings.metricsToken && c.req.header('authorization') !== `Bearer ${settings.metricsToken}`) {
      throw new AppError('UNAUTHENTICATED', 'Send the metrics token as a bearer token');
    }
    return c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType });
  });
