import { and, eq, isNull, sql } from 'drizzle-orm';
import { alias, QueryBuilder } from 'drizzle-orm/pg-core';
import { confidenceThresholdOf } from '../accounts';
import { toPgArray } from '../db/params';
import { EFFECTIVE_INTENTS, EFFECTIVE_LABEL, EFFECTIVE_SENTIMENT, uncertainSql } from './effective-sentiment';
import { mentions, type SENTIMENT_LABELS } from './schema';

const m = alias(mentions, 'm');
const qb = new QueryBuilder();

export interface MentionFactsOptions {
  /** Only the mentions of these contacts. */
  contactIds?: string[];
  /** Leave deleted posts out (a contact's live totals); a report counts what was posted, so keeps them. */
  withoutDeleted?: boolean;
  /** The subquery's name in the caller's SQL (default `m`). */
  as?: string;
  /**
   * What `uncertain` is measured against: by default each mention's workspace's threshold; a number where
   * the caller counts by one it holds (a change of the threshold counts out by the old one, in by the new).
   */
  threshold?: number;
}

/**
 * The one read model other features select mentions through inside their own SQL: the report rollups,
 * spikes and digest, a contact's totals and timeline, an idea's evidence. A subquery over the mentions
 * table with its fields typed, and the effective label, sentiment and intents by the one definition
 * (effective-sentiment.ts). Callers use its typed fields (`${facts.postedAt}`, `eq(facts.id, …)`), never
 * its SQL names. PostgreSQL pulls it up into the caller's query and computes only the fields used, so the
 * plans are those of the table itself (a rebuild over a million mentions, a probe by key). The computed
 * fields render as their bare names (`effective_label`, …): one scope holds one of these.
 * `workspaceId`: only that workspace's mentions.
 */
export function mentionFacts(workspaceId?: string, o: MentionFactsOptions = {}) {
  return qb
    .select({
      id: m.id,
      workspaceId: m.workspaceId,
      platform: m.platform,
      externalId: m.externalId,
      url: m.url,
      text: m.text,
      postedAt: m.postedAt,
      deletedAt: m.deletedAt,
      authorName: m.authorName,
      authorHandle: m.authorHandle,
      authorFollowers: m.authorFollowers,
      metrics: m.metrics,
      contactId: m.contactId,
      /** The inbox conversation the post joined (null: listening only). */
      conversationId: m.conversationId,
      topicIds: m.topicIds,
      language: m.language,
      /** The analyzer's label and staff's correction, for what must tell the two apart (an edit keeps the latter). */
      analyzerLabel: m.sentimentLabel,
      override: m.sentimentOverride,
      /** How sure the analyzer was of its label (null: stored before it said). */
      confidence: m.sentimentConfidence,
      /** The analyzer's label, less sure than the threshold and not corrected (effective-sentiment.ts). */
      uncertain: sql<boolean>`${uncertainSql(o.threshold ?? confidenceThresholdOf(m.workspaceId))}`.as('uncertain'),
      label: sql<(typeof SENTIMENT_LABELS)[number]>`${EFFECTIVE_LABEL}`.as('effective_label'),
      sentiment: sql<number | null>`${EFFECTIVE_SENTIMENT}`.as('effective_sentiment'),
      intents: sql<string[]>`${EFFECTIVE_INTENTS}`.as('effective_intents'),
      /** Staff's correction of the intents alone (null when the analyzer's stand). */
      intentsOverride: m.intentsOverride,
      /** A feature request the analyzer is sure enough of to suggest to the community board. */
      suggestsIdea: m.suggestsIdea,
      aspects: m.aspects,
      keyTerms: m.keyTerms,
      hashtags: m.hashtags,
    })
    .from(m)
    .where(
      and(
        workspaceId === undefined ? undefined : eq(m.workspaceId, workspaceId),
        o.contactIds ? sql`${m.contactId} = any(${toPgArray(o.contactIds)}::uuid[])` : undefined,
        o.withoutDeleted ? isNull(m.deletedAt) : undefined,
      ),
    )
    .as(o.as ?? 'm');
}

/** What `mentionFacts` returns: a subquery to select from or join. */
export type MentionFactsQuery = ReturnType<typeof mentionFacts>;
