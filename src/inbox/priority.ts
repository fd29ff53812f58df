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
  const add = (n: number, reason: string) => {
    points += n;
    why.push(reason);
  };
  const negative = p.sentimentLabel === 'negative';
  const angry = negative && (p.sentimentScore ?? 0) <= -0.5;
  if (p.intents.includes('churn_risk')) add(3, 'churn risk');
  if (p.intents.includes('complaint')) add(angry ? 2 : 1, angry ? 'angry complaint' : 'complaint');
  else if (negative) add(1, 'negative');
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
          : onlyPraise || p.sentimentLabel === 'positive'
            ? 'low'
            : 'normal';
  const reason = why.length ? why.join(', ') : onlyPraise ? 'praise only' : 'nothing pressing';
  return { priority, rank: RANK[priority], reason: reason.charAt(0).toUpperCase() + reason.slice(1) };
}
