import type { MiddlewareHandler } from 'hono';
import { probeDatabase } from '../db/unavailable';
import type { AppEnv } from './env';
import { databaseUnavailable } from './error-handler';

/** A request still running after this long has the database checked. */
export const DEFAULT_DB_GUARD_MS = 2_000;
/** How long that check waits for `select 1`; guard + probe stay under the promised 5 s. */
export const DB_PROBE_MS = 1_000;

const DONE = Symbol('done');
const waiting = (ms: number) => new Promise<'waiting'>((resolve) => setTimeout(resolve, ms, 'waiting').unref?.());

/**
 * A request waiting on a PostgreSQL connection that is cut or frozen would hang as long as the
 * outage (postgres.js has no client-side query timeout, and a frozen socket never errors). So a
 * request still running after `dbGuardMs` has the database probed: if it does not answer, the
 * request answers 503 DATABASE_UNAVAILABLE now; if it does, the request goes on (a slow platform
 * call is not the database's fault) and is checked again after the next interval.
 * PGlite runs inside the process and cannot go away, so only PostgreSQL is guarded.
 */
export const databaseGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { dbKind, db, settings } = c.var.deps;
  if (dbKind !== 'postgres') return next();
  const every = settings.dbGuardMs ?? DEFAULT_DB_GUARD_MS;
  const work = next().then(() => DONE);
  for (;;) {
    if ((await Promise.race([work, waiting(every)])) === DONE) return;
    const probe = await probeDatabase(db, Math.min(DB_PROBE_MS, every));
    if (!probe.ok) {
      // The handler may still fail later, when its connection does; that answer is no longer wanted.
      work.catch(() => {});
      c.var.log.warn({ err: probe.err, path: c.req.path }, 'database not answering; request answered 503');
      throw databaseUnavailable();
    }
  }
};
