import { type SQL, sql } from 'drizzle-orm';
import type { Translator } from '../core/i18n/translator';
import type { PriorityFact, PriorityFactCode } from './priority';
import { priorityFacts as m } from './priority.messages';

/**
 * A conversation's priority reason as `conversations.priority_reason` keeps it: the facts as codes with their
 * values (JSON), put in words in the reader's language only when shown. A reason written before the codes
 * (English text) is shown as it is until the conversation's priority is computed again.
 */

/** The facts as the column keeps them. */
export const storedReason = (facts: PriorityFact[]): string => JSON.stringify(facts);

/** The facts a stored reason holds; null for a reason written as text before the codes. */
export function reasonFacts(stored: string): PriorityFact[] | null {
  if (!stored.startsWith('[')) return null;
  try {
    const facts = JSON.parse(stored) as unknown;
    return Array.isArray(facts) && facts.every((f) => typeof f?.code === 'string') ? (facts as PriorityFact[]) : null;
  } catch {
    return null;
  }
}

/** 0.9, 0.42: a confidence to two places at most, in the reader's locale. */
const two = (t: Translator, x: number) => t.number(x, { maximumFractionDigits: 2 });

function factText(t: Translator, f: PriorityFact): string {
  switch (f.code) {
    case 'sentiment': {
      const sentiment = t.t(m.sentiment, { very: f.very ? 'yes' : 'no', label: f.label });
      return f.confidence === null ? sentiment : t.t(m.sentimentSure, { sentiment, confidence: two(t, f.confidence) });
    }
    case 'uncertain':
      return t.t(m.uncertain, {
        sentiment: t.t(m.sentiment, { very: 'no', label: f.label }),
        confidence: two(t, f.confidence),
      });
    case 'followers':
      return t.t(m.followers, { thousands: t.number(Math.round(f.followers / 1000)) });
    case 'rule':
      return t.t(m.rule, { rule: f.rule });
    default:
      return m[f.code] ? t.t(m[f.code]) : f.code;
  }
}

/** "Negative (confidence 0.9), complaint, waiting over 4 h" in the reader's language. */
export function priorityReasonText(t: Translator, stored: string): string {
  const facts = reasonFacts(stored);
  if (!facts) return stored;
  const text = facts.map((f) => factText(t, f)).join(', ');
  return text.charAt(0).toLocaleUpperCase(t.locale) + text.slice(1);
}

/** SQL: the reason of conversation `c` holds this fact (never true of a reason written as text). */
export const reasonHas = (code: PriorityFactCode): SQL =>
  sql`(case when c.priority_reason like '[%' then c.priority_reason::jsonb @> ${JSON.stringify([{ code }])}::jsonb
    else false end)`;
