import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { SENTIMENT_LABELS } from './schema';

type Label = (typeof SENTIMENT_LABELS)[number];

/**
 * What a mention's sentiment and intents count as, everywhere (reports, contacts, the inbox, the board):
 * a staff correction first, else the analyzer's. Each fact is written here once, as the SQL fragment
 * (over the mentions table aliased `m`) and as the TypeScript function for rows already in memory; a test
 * holds the two to the same answers (tests/listening/effective-sentiment.test.ts).
 */

/** The label a mention counts under: the correction, else the analyzer's, else `unscored`. */
export const effectiveLabel = (m: { override: string | null; label: string | null }): Label =>
  (m.override ?? m.label ?? 'unscored') as Label;

export const EFFECTIVE_LABEL: SQL = sql.raw(`coalesce(m.sentiment_override, m.sentiment_label, 'unscored')`);

/**
 * A mention's sentiment as a number: a correction as -1 / 0 / 1, else the analyzer's score when it scored
 * the language, else null (unscored posts are left out of averages, never counted as neutral).
 */
export function effectiveScore(m: { override: string | null; label: string | null; score: number | null }) {
  if (m.override) return m.override === 'positive' ? 1 : m.override === 'negative' ? -1 : 0;
  return m.label === 'positive' || m.label === 'negative' || m.label === 'neutral' ? m.score : null;
}

export const EFFECTIVE_SENTIMENT: SQL =
  sql.raw(`case m.sentiment_override when 'positive' then 1 when 'negative' then -1 when 'neutral' then 0
  else case when m.sentiment_label in ('positive', 'negative', 'neutral') then m.sentiment_score end end`);

/** A mention's intents: staff's correction first. */
export const effectiveIntents = (m: { intentsOverride: string[] | null; intents: string[] }) =>
  m.intentsOverride ?? m.intents;

export const EFFECTIVE_INTENTS: SQL = sql.raw('coalesce(m.intents_override, m.intents)');

/** What the analyzer labelled, as opposed to `unscored` (a language it does not score) or nothing. */
const MODEL_LABELS: readonly (string | null)[] = ['positive', 'neutral', 'negative'];

/**
 * A label the analyzer was less sure of than the workspace's threshold: shown as uncertain ("negative?"),
 * counted apart in the reports, no reason for priority; never turned neutral. A staff correction is never
 * uncertain, nor an analysis stored before the analyzer said how sure it was (confidence null).
 */
export const isUncertain = (
  m: { override: string | null; label: string | null; confidence: number | null },
  threshold: number,
): boolean =>
  m.override === null && MODEL_LABELS.includes(m.label) && m.confidence !== null && m.confidence < threshold;

/** The same over mentions aliased `m`, against `threshold` (a number, or the workspace's as SQL). */
export const uncertainSql = (threshold: SQLWrapper | number): SQL =>
  sql`coalesce(${sql.raw(`m.sentiment_override is null and m.sentiment_label in ('positive', 'neutral', 'negative')
    and m.sentiment_confidence is not null and m.sentiment_confidence <`)} ${threshold}, false)`;

/** How sure the label a mention counts under is: null for a correction (a person decided) or when unknown. */
export const effectiveConfidence = (m: { override: string | null; confidence: number | null }) =>
  m.override ? null : m.confidence;
