import { type SQL, sql } from 'drizzle-orm';

/**
 * A mention's sentiment as reports and contacts count it, in SQL over the mentions table aliased
 * `m`: a staff correction as -1 / 0 / 1, else the analyzer's score when it scored the language,
 * else NULL (unscored posts are left out of averages, never counted as neutral).
 */
export const EFFECTIVE_SENTIMENT: SQL =
  sql.raw(`case m.sentiment_override when 'positive' then 1 when 'negative' then -1 when 'neutral' then 0
  else case when m.sentiment_label in ('positive', 'negative', 'neutral') then m.sentiment_score end end`);

/** A mention's intents as everything counts them (mentions aliased `m`): staff's correction first. */
export const EFFECTIVE_INTENTS: SQL = sql.raw('coalesce(m.intents_override, m.intents)');
