import { customType } from 'drizzle-orm/pg-core';

/** drizzle has no tsvector type; PostgreSQL and PGlite both store it natively. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
