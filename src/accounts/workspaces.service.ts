import { like } from 'drizzle-orm';
import type { Db } from '../db/types';
import { workspaces } from './schema';

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
