import { eq, like } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import type { Locale } from '../core/i18n/locales';
import type { DomainEvent, EventPublisher } from '../core/events';
import { transact } from '../db/transact';
import type { Db } from '../db/types';
import { recordAudit } from './audit.service';
import { accountError } from './errors';
import { workspaces } from './schema';
import type { WorkspaceSettingsInput } from './workspace-settings.input';

export const slugify = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'workspace';

/** Creates a workspace with a unique URL slug derived from its name (acme, acme-2, ...). */
export async function createWorkspace(db: Db, input: { name: string }) {
  const base = slugify(input.name);
  const taken = new Set(
    (
      await db
        .select({ slug: workspaces.slug })
        .from(workspaces)
        .where(like(workspaces.slug, `${base}%`))
    ).map((r) => r.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  const [ws] = await db.insert(workspaces).values({ name: input.name, slug }).returning();
  return ws!;
}

/** A workspace's name and its readers' defaults (language, time zone, week start, the board's du/Sie). */
export async function workspaceSettings(db: Db, workspaceId: string) {
  const [w] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!w) throw accountError('WORKSPACE_NOT_FOUND');
  return {
    id: w.id,
    slug: w.slug,
    name: w.name,
    defaultLanguage: w.defaultLanguage as Locale,
    timeZone: w.timeZone,
    weekStart: w.weekStart,
    boardAddress: w.boardAddress,
  };
}

/** Told after commit that a workspace's time zone changed: its reports recount their days (server/listeners.ts). */
export const WORKSPACE_TIME_ZONE_CHANGED = 'workspace.time_zone_changed';
export type WorkspaceTimeZoneChanged = DomainEvent<
  typeof WORKSPACE_TIME_ZONE_CHANGED,
  { workspaceId: string; timeZone: string }
>;

/**
 * An admin changes the workspace's name or its readers' defaults. A new time zone changes which day a mention
 * counts on: after commit, `workspace.time_zone_changed` has the reports recount their rollups in the
 * background (a large workspace takes minutes, too long to hold this transaction and the workspace row). A new
 * week start alone recounts nothing: reports group their stored days into weeks when asked.
 */
export async function updateWorkspaceSettings(
  deps: { db: Db; events: EventPublisher },
  actor: Actor,
  input: WorkspaceSettingsInput,
) {
  return transact(deps, async (tx, emit) => {
    const before = await workspaceSettings(tx, actor.workspaceId);
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    if (Object.keys(changes).length)
      await tx.update(workspaces).set(changes).where(eq(workspaces.id, actor.workspaceId));
    if (input.timeZone !== undefined && input.timeZone !== before.timeZone)
      emit({
        name: WORKSPACE_TIME_ZONE_CHANGED,
        data: { workspaceId: actor.workspaceId, timeZone: input.timeZone },
      } satisfies WorkspaceTimeZoneChanged);
    await recordAudit(tx, actor, {
      action: 'workspace.updated',
      targetType: 'workspace',
      targetId: actor.workspaceId,
      details: changes,
    });
    return workspaceSettings(tx, actor.workspaceId);
  });
}
