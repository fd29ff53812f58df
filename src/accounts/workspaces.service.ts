import { eq, like } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import type { Locale } from '../core/i18n/locales';
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

/** A workspace's name and its readers' defaults (language, time zone, week start). */
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
  };
}

/**
 * An admin changes the workspace's name or its readers' defaults. A new time zone or week start changes
 * which day and week a mention counts in: the caller's `onCalendarChanged` (the reports' rebuild) runs in
 * the same transaction, so the reports never count by two calendars.
 */
export async function updateWorkspaceSettings(
  db: Db,
  actor: Actor,
  input: WorkspaceSettingsInput,
  onCalendarChanged?: (tx: Db) => Promise<void>,
) {
  return db.transaction(async (tx) => {
    const before = await workspaceSettings(tx, actor.workspaceId);
    const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    if (Object.keys(changes).length)
      await tx.update(workspaces).set(changes).where(eq(workspaces.id, actor.workspaceId));
    const calendarChanged =
      (input.timeZone !== undefined && input.timeZone !== before.timeZone) ||
      (input.weekStart !== undefined && input.weekStart !== before.weekStart);
    if (calendarChanged && onCalendarChanged) await onCalendarChanged(tx);
    await recordAudit(tx, actor, {
      action: 'workspace.updated',
      targetType: 'workspace',
      targetId: actor.workspaceId,
      details: changes,
    });
    return workspaceSettings(tx, actor.workspaceId);
  });
}
