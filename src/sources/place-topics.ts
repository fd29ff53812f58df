import { type Column, type SQL, sql } from 'drizzle-orm';
import { sources } from './schema';

/**
 * The product topic an admin mapped a review's app or location to on its source (sources.place_topics), as
 * a scalar subquery over another feature's columns: read when asked, so a mapping made today also sorts the
 * reviews stored before it. Sources own the table, so the SQL is written here.
 */
export const placeTopicOf = (sourceId: Column, placeId: Column): SQL<string | null> =>
  sql<string | null>`(select s.place_topics->>${placeId} from ${sources} s where s.id = ${sourceId})`;
