import { asc, eq, sql } from 'drizzle-orm';
import { toJsonParam, toPgArray } from '../db/params';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import { tags } from './schema';

/** Trimmed, without repeats (ignoring case), at most 60 characters each. */
export const cleanTags = (list: string[]) => {
  const seen = new Set<string>();
  return list
    .map((t) => t.trim().slice(0, 60))
    .filter((t) => t && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
};

/**
 * Registers tags in the workspace's vocabulary and answers them in its spelling: a tag that exists
 * in another case becomes the existing one. One statement, whatever the number of tags.
 */
export async function canonicalTags(db: Db, workspaceId: string, list: string[]): Promise<string[]> {
  const wanted = cleanTags(list);
  if (wanted.length === 0) return [];
  await db.execute(sql`
    insert into tags (workspace_id, name)
    select ${workspaceId}::uuid, t.name
    from jsonb_to_recordset(${toJsonParam(wanted.map((name) => ({ name })))}::jsonb) as t(name text)
    on conflict (workspace_id, lower(name)) do nothing`);
  const known = rows<{ name: string }>(
    await db.execute(
      sql`select name from tags where workspace_id = ${workspaceId}::uuid
        and lower(name) = any(${toPgArray(wanted.map((w) => w.toLowerCase()))}::text[])`,
    ),
  );
  const byKey = new Map(known.map((k) => [k.name.toLowerCase(), k.name]));
  return wanted.map((w) => byKey.get(w.toLowerCase()) ?? w);
}

export async function listTags(db: Db, workspaceId: string): Promise<string[]> {
  return (
    await db
      .select({ name: tags.name })
      .from(tags)
      .where(eq(tags.workspaceId, workspaceId))
      .orderBy(asc(sql`lower(${tags.name})`))
  ).map((t) => t.name);
}
