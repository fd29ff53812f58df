import { and, eq, lt, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { coreError } from '../core/errors';

/**
 * Newest-first keyset pagination on (a time column, id): the cursor is the last row's pair, so
 * pages stay stable while new rows arrive. One encoding for every list in the API.
 */
export interface KeysetPosition {
  at: Date;
  id: string;
}

export const encodeKeyset = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

export function decodeKeyset(cursor: string): KeysetPosition {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const at = new Date(iso ?? '');
  if (!id || Number.isNaN(at.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw coreError('CURSOR_INVALID', { field: 'cursor' });
  }
  return { at, id };
}

/**
 * ORDER BY col DESC as our indexes store it (DESC NULLS LAST). drizzle's desc() means NULLS FIRST,
 * an order those indexes cannot give, so PostgreSQL would sort instead of reading the index.
 */
export const newestFirst = (column: PgColumn): SQL => sql`${column} desc nulls last`;

/** Rows strictly after the cursor in (time desc, id desc) order. */
export const olderThan = (time: PgColumn, idColumn: PgColumn, cursor: string): SQL | undefined => {
  const c = decodeKeyset(cursor);
  return or(lt(time, c.at), and(eq(time, c.at), lt(idColumn, c.id)));
};

/** Cuts the extra row a page query fetched (limit + 1) into the page and the next cursor. */
export function page<T>(
  rows: T[],
  limit: number,
  key: (row: T) => KeysetPosition,
): { items: T[]; next: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  if (rows.length <= limit || !last) return { items, next: null };
  const k = key(last);
  return { items, next: encodeKeyset(k.at, k.id) };
}
