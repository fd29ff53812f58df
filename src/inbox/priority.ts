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
  followers: number | null;
  waitingMinutes: number;
}

export interface PriorityResult {
  priority: Priority;
  rank: number;
  reason: string;
}

export const WAIT_LONG_MINUTES = 4 * 60;
export const WAIT_DAY_MINUTES = 24 * 60;
export const WAITING_LONG = 'waiting over 4 h';
export const WAITING_DAY = 'waiting over a day';

const RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

export function computePriority(p: PriorityInput): PriorityResult {
  let points = 0;
  const why: string[] = [];
  const negative = p.sentimentLabel === 'negative';
  if (p.intents.includes('churn_risk')) (points += 3), why.push('churn risk');
  if (p.intents.includes('complaint'))
    (points += negative && (p.sentimentScore ?? 0) <= -0.5 ? 2 : 1),
      why.push(negative && (p.sentimentScore ?? 0) <= -0.5 ? 'angry complaint' : 'complaint');
  else if (negative) (points += 1), why.push('negative');
  if (p.intents.includes('question')) (points += 1), why.push('question');
  if (p.intents.includes('purchase_intent')) (points += 1), why.push('purchase intent');
  const followers = p.followers ?? 0;
  if (followers >= 100_000) (points += 2), why.push(`${Math.round(followers / 1000)}k followers`);
  else if (followers >= 10_000) (points += 1), why.push(`${Math.round(followers / 1000)}k followers`);
  // Stable words per threshold (not the hours themselves), so the sweep can tell which rows a
  // crossed threshold has not reached yet; the page shows the live wait beside it.
  if (p.waitingMinutes >= WAIT_DAY_MINUTES) (points += 2), why.push(WAITING_DAY);
  else if (p.waitingMinutes >= WAIT_LONG_MINUTES) (points += 1), why.push(WAITING_LONG);
  const onlyPraise = p.intents.length > 0 && p.intents.every((i) => i === 'praise');
  const priority: Priority =
    points >= 4
      ? 'urgent'
      : points >= 2
        ? 'high'
        : points >= 1
          ? 'normal'
          : onlyPraise || p.sentimentLabel === 'positive'
            ? 'low'
            : 'normal';
  const reason = why.length ? why.join(', ') : onlyPraise ? 'praise only' : 'nothing pressing';
  return { priority, rank: RANK[priority], reason: reason.charAt(0).toUpperCase() + reason.slice(1) };
}
