import { and, eq } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { type CreateSourceInput, createSource, type SourceDeps, type SourceRow } from './sources.service';
import { sources } from './schema';

/** The workspace's source on `input.platform` if it has one, else a new one from `input` (the demo's replay). */
export async function ensureSource(
  deps: SourceDeps,
  actor: Actor,
  input: CreateSourceInput,
  now: Date,
): Promise<SourceRow> {
  const [found] = await deps.db
    .select()
    .from(sources)
    .where(and(eq(sources.workspaceId, actor.workspaceId), eq(sources.platform, input.platform)));
  return found ?? createSource(deps, actor, input, now);
}
