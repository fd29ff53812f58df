import { sql } from 'drizzle-orm';
import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Shared column builders, so every table spells ids and times the same way. */
export const id = () => uuid('id').primaryKey().defaultRandom();

export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

// Truncated to milliseconds: JS Dates carry no microseconds, and keyset cursors built from a Date
// must compare equal to the stored value or pages skip rows.
export const createdAt = (name = 'created_at') => ts(name).notNull().default(sql`date_trunc('milliseconds', now())`);
