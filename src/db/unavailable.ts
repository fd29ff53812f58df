import { sql } from 'drizzle-orm';
import type { Db } from './types';

// Driver and socket codes meaning "no answer from the database", as against a refused statement.
const AWAY_CODES = new Set([
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
// SQLSTATE: connection exceptions (08), shutting down / cannot connect now (57P01-57P03),
// too many connections (53300), a statement cut by statement_timeout (57014).
const AWAY_STATES = /^(?:08...|57P0[1-3]|53300|57014)$/;
const MAX_CAUSES = 4;

/** True when an error (or one of its causes) says the database is away or too slow, not that a statement is wrong. */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i <= MAX_CAUSES && e instanceof Error; i++, e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (AWAY_CODES.has(code) || AWAY_STATES.test(code))) return true;
    if (e instanceof DatabaseTimeout) return true;
  }
  return false;
}

/** A round trip that did not come back in time. */
export class DatabaseTimeout extends Error {
  override name = 'DatabaseTimeout';
}

/**
 * One `select 1`, given at most `timeoutMs`: a frozen connection never errors by itself, so the
 * answer is raced against a timer. Resolves with the failure rather than throwing.
 */
export async function probeDatabase(db: Db, timeoutMs: number): Promise<{ ok: true } | { ok: false; err: unknown }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DatabaseTimeout(`The database did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  // drizzle's query runs on each then(): started once here, then shared.
  const probe = (async () => db.execute(sql`select 1`))();
  // Once the timer has won, the probe's own late failure is nobody's business.
  probe.catch(() => {});
  try {
    await Promise.race([probe, late]);
    return { ok: true };
  } catch (err) {
    return { ok: false, err };
  } finally {
    clearTimeout(timer);
  }
}
