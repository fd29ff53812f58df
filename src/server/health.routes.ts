import { Hono } from 'hono';
import { hashToken } from '../core/tokens';
import { probeDatabase } from '../db/unavailable';
import type { AppEnv } from '../http/env';
import { serverError } from './errors';

/** /health answers within a second even when the database does not. */
export const HEALTH_TIMEOUT_MS = 800;

/** Liveness with a real database round trip, and Prometheus metrics. */
export const healthRoutes = new Hono<AppEnv>()
  .get('/health', async (c) => {
    const { db, dbKind, settings } = c.var.deps;
    // Raced against a timer: a frozen connection must not make the health check hang with it.
    const probe = await probeDatabase(db, settings.healthTimeoutMs ?? HEALTH_TIMEOUT_MS);
    if (probe.ok) return c.json({ status: 'ok', db: dbKind });
    c.var.log.error({ err: probe.err }, 'health check failed');
    return c.json({ status: 'error', db: 'unreachable' }, 503);
  })
  .get('/metrics', async (c) => {
    const { metrics, settings } = c.var.deps;
    if (settings.metricsToken) {
      // Compared as hashes, so the time taken says nothing about how much of the token matched.
      if (hashToken(c.req.header('authorization') ?? '') !== hashToken(`Bearer ${settings.metricsToken}`)) {
        throw serverError('METRICS_TOKEN_WRONG');
      }
    } else if (!settings.metricsOpen) {
      throw serverError('METRICS_TOKEN_UNSET');
    }
    return c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType });
  });
