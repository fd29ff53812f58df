import { eq, ne, sql } from 'drizzle-orm';
import { workspaceView } from '../accounts';
import type { Db } from '../db/types';
import type { Logger } from '../http/logger';
import { recountInNewTimeZone } from './rollups';
import { reportCountedZone } from './schema';

/**
 * Recounts the rollups of every workspace whose time zone is not the one its rollups were counted in: the
 * recount a zone change starts after commit can be cut short (a crash, a deploy), and this scheduled
 * catch-up finishes it, so no workspace keeps days counted in a zone it left. Returns the workspaces recounted.
 */
export async function recountStaleZones(deps: {
  db: Db;
  logger: Pick<Logger, 'info'>;
}): Promise<{ recounted: number }> {
  const w = workspaceView('w');
  const stale = await deps.db
    .select({ id: w.id })
    .from(w)
    .leftJoin(reportCountedZone, eq(reportCountedZone.workspaceId, w.id))
    .where(ne(w.timeZone, sql`coalesce(${reportCountedZone.timeZone}, 'UTC')`));
  for (const { id } of stale) await recountInNewTimeZone(deps, id);
  return { recounted: stale.length };
}
