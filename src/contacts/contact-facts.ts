import { QueryBuilder } from 'drizzle-orm/pg-core';
import { contacts } from './schema';

const qb = new QueryBuilder();

/**
 * The contacts as another feature's own query joins them (reports' top authors): a subquery over this
 * feature's columns under `alias`, joined and selected by its typed fields. PostgreSQL pulls it up into the
 * caller's query, so a join by id stays an index probe.
 */
export function contactFacts<A extends string>(alias: A) {
  return qb
    .select({
      id: contacts.id,
      workspaceId: contacts.workspaceId,
      name: contacts.name,
      followers: contacts.followers,
      score: contacts.score,
      lifecycleStage: contacts.lifecycleStage,
      mergedIntoId: contacts.mergedIntoId,
    })
    .from(contacts)
    .as(alias);
}
