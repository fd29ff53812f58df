import type { Priority } from './schema';

/**
 * A conversation's priority and the reason shown beside it, from what the latest posts say:
 * churn risk and angry complaints first, then complaints and questions, reach, and how long the
 * author has waited. Pure: threading and the SLA sweep both call it.
 */
export interface PriorityInput {
  intents: string[];
  sentimentLabel: string | null;
  sentimentScore: number | null;
  /** How sure the analyzer was of the label; null when staff corrected it or it is not known. */
  sentimentConfidence: number | null;
  /** The workspace's threshold: a label less sure than this raises nothing (it is uncertain). */
  confidenceThreshold: number;
  followers: number | null;
  waitingMinutes: number;
}

/**
 * One fact that set a priority, as a code and the values it needs: stored as such (priority-reason.ts) and
 * put in words in the reader's language when shown, so nothing English is kept or matched in the database.
 */
export type PriorityFact =
  | {
      code:
        | 'churn_risk'
        | 'complaint'
        | 'question'
        | 'purchase_intent'
        | 'waiting_long'
        | 'waiting_day'
        | 'praise_only'
        | 'nothing_pressing'
        | 'set_by_staff';
    }
  /** The label as a fact: "very" when it is negative with a score of at most -0.5. */
  | { code: 'sentiment'; label: string; very: boolean; confidence: number | null }
  | { code: 'followers'; followers: number }
  /** A label less sure than the workspace's threshold, which counted for nothing. */
  | { code: 'uncertain'; label: string; confidence: number }
  | { code: 'rule'; rule: string };

export type PriorityFactCode = PriorityFact['code'];

export interface PriorityResult {
  priority: Priority;
  rank: number;
  /** The facts that set it ("negative (confidence 0.9), complaint, 30k followers, waiting over 4 h"). */
  facts: PriorityFact[];
}

export const WAIT_LONG_MINUTES = 4 * 60;
export const WAIT_DAY_MINUTES = 24 * 60;

const RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

const uncertain = (p: PriorityInput) => p.sentimentConfidence !== null && p.sentimentConfidence < p.confidenceThreshold;

const sentimentFact = (p: PriorityInput, very: boolean): PriorityFact => ({
  code: 'sentiment',
  label: p.sentimentLabel ?? '',
  very,
  confidence: p.sentimentConfidence,
});

export function computePriority(p: PriorityInput): PriorityResult {
  let points = 0;
  const facts: PriorityFact[] = [];
  const add = (n: number, fact: PriorityFact) => {
    points += n;
    facts.push(fact);
  };
  // An uncertain label counts for nothing either way (not urgent, not low): a person has not decided yet.
  const label = uncertain(p) ? null : p.sentimentLabel;
  const negative = label === 'negative';
  const angry = negative && (p.sentimentScore ?? 0) <= -0.5;
  const complaint = p.intents.includes('complaint');
  if (p.intents.includes('churn_risk')) add(3, { code: 'churn_risk' });
  // A complaint counts once, one more when it is very negative; a negative post without one counts once.
  if (negative) add(complaint && !angry ? 0 : 1, sentimentFact(p, angry));
  if (complaint) add(1, { code: 'complaint' });
  if (p.intents.includes('question')) add(1, { code: 'question' });
  if (p.intents.includes('purchase_intent')) add(1, { code: 'purchase_intent' });
  const followers = p.followers ?? 0;
  if (followers >= 100_000) add(2, { code: 'followers', followers });
  else if (followers >= 10_000) add(1, { code: 'followers', followers });
  // One code per threshold (not the hours themselves), so the sweep can tell which rows a crossed
  // threshold has not reached yet; the page shows the live wait beside it.
  if (p.waitingMinutes >= WAIT_DAY_MINUTES) add(2, { code: 'waiting_day' });
  else if (p.waitingMinutes >= WAIT_LONG_MINUTES) add(1, { code: 'waiting_long' });
  const onlyPraise = p.intents.length > 0 && p.intents.every((i) => i === 'praise');
  const priority: Priority =
    points >= 4
      ? 'urgent'
      : points >= 2
        ? 'high'
        : points >= 1
          ? 'normal'
          : onlyPraise || label === 'positive'
            ? 'low'
            : 'normal';
  if (p.sentimentLabel && p.sentimentConfidence !== null && uncertain(p))
    facts.push({ code: 'uncertain', label: p.sentimentLabel, confidence: p.sentimentConfidence });
  if (facts.length === 0)
    facts.push(
      onlyPraise
        ? { code: 'praise_only' }
        : label === 'positive'
          ? sentimentFact(p, false)
          : { code: 'nothing_pressing' },
    );
  return { priority, rank: RANK[priority], facts };
}
