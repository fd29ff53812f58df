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

export interface PriorityResult {
  priority: Priority;
  rank: number;
  /** The facts that set it, in words ("Negative (confidence 0.9), complaint, 30k followers, waiting over 4 h"). */
  reason: string;
}

export const WAIT_LONG_MINUTES = 4 * 60;
export const WAIT_DAY_MINUTES = 24 * 60;
export const WAITING_LONG = 'waiting over 4 h';
export const WAITING_DAY = 'waiting over a day';

const RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

/** 0.9, 0.42: two places at most, as the pages show a confidence. */
export const twoPlaces = (x: number) => String(Math.round(x * 100) / 100);

const uncertain = (p: PriorityInput) => p.sentimentConfidence !== null && p.sentimentConfidence < p.confidenceThreshold;

/** The label as a fact: "Negative (confidence 0.9)"; "very" when its score is at most −0.5. */
function sentimentFact(p: PriorityInput, angry: boolean): string {
  const label = `${angry ? 'very negative' : (p.sentimentLabel ?? '')}`;
  return p.sentimentConfidence === null ? label : `${label} (confidence ${twoPlaces(p.sentimentConfidence)})`;
}

export function computePriority(p: PriorityInput): PriorityResult {
  let points = 0;
  const facts: string[] = [];
  const add = (n: number, reason: string) => {
    points += n;
    facts.push(reason);
  };
  // An uncertain label counts for nothing either way (not urgent, not low): a person has not decided yet.
  const label = uncertain(p) ? null : p.sentimentLabel;
  const negative = label === 'negative';
  const angry = negative && (p.sentimentScore ?? 0) <= -0.5;
  const complaint = p.intents.includes('complaint');
  if (p.intents.includes('churn_risk')) add(3, 'churn risk');
  // A complaint counts once, one more when it is very negative; a negative post without one counts once.
  if (negative) add(complaint && !angry ? 0 : 1, sentimentFact(p, angry));
  if (complaint) add(1, 'complaint');
  if (p.intents.includes('question')) add(1, 'question');
  if (p.intents.includes('purchase_intent')) add(1, 'purchase intent');
  const followers = p.followers ?? 0;
  if (followers >= 100_000) add(2, `${Math.round(followers / 1000)}k followers`);
  else if (followers >= 10_000) add(1, `${Math.round(followers / 1000)}k followers`);
  // Stable words per threshold (not the hours themselves), so the sweep can tell which rows a
  // crossed threshold has not reached yet; the page shows the live wait beside it.
  if (p.waitingMinutes >= WAIT_DAY_MINUTES) add(2, WAITING_DAY);
  else if (p.waitingMinutes >= WAIT_LONG_MINUTES) add(1, WAITING_LONG);
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
    facts.push(`${p.sentimentLabel}? (uncertain, ${twoPlaces(p.sentimentConfidence)}) not counted`);
  const reason = facts.length
    ? facts.join(', ')
    : onlyPraise
      ? 'praise only'
      : label === 'positive'
        ? sentimentFact(p, false)
        : 'nothing pressing';
  return { priority, rank: RANK[priority], reason: reason.charAt(0).toUpperCase() + reason.slice(1) };
}
