import { ENGLISH } from '../core/i18n/translator';
import { scoreReasonText } from './reasons';
import type { ScoreReason, ScoreReasonCode } from './schema';

/**
 * The engagement / lead score, 0..100, explainable: each part says what it added. Reach,
 * engagement, recent activity, warm sentiment, purchase intent and questions raise it; cold
 * sentiment lowers it. Pure: the numbers come from contacts/activity.ts.
 */
export interface ContactStats {
  followers: number;
  mentions: number;
  engagement: number;
  lastActivityAt: Date | null;
  /** Mean sentiment of scored mentions (staff corrections count as -1 / 0 / 1), or null. */
  sentiment: number | null;
  purchaseIntents: number;
  questions: number;
}

const DAY = 86_400_000;

export function scoreContact(s: ContactStats, now: Date): { score: number; reasons: ScoreReason[] } {
  const reasons: ScoreReason[] = [];
  // Each part keeps its code and values (read in the reader's language) and its English, which the API says.
  const add = (points: number, code: ScoreReasonCode, values: Record<string, number | string>) => {
    const p = Math.round(points);
    if (p !== 0)
      reasons.push({ code, values, points: p, reason: scoreReasonText(ENGLISH, { code, values, reason: '' }) });
  };
  if (s.followers > 0) add(Math.min(25, Math.log10(s.followers + 1) * 5), 'reach', { followers: s.followers });
  if (s.engagement > 0) add(Math.min(15, Math.log10(s.engagement + 1) * 5), 'engagement', { engagement: s.engagement });
  if (s.mentions > 0) add(Math.min(10, s.mentions * 2), 'activity', { mentions: s.mentions });
  if (s.lastActivityAt) {
    const days = (now.getTime() - s.lastActivityAt.getTime()) / DAY;
    if (days <= 7) add(15, 'recency', { days: 7 });
    else if (days <= 30) add(10, 'recency', { days: 30 });
    else if (days <= 90) add(5, 'recency', { days: 90 });
  }
  if (s.sentiment !== null && Math.abs(s.sentiment) >= 0.05)
    add(s.sentiment * 15, 'sentiment', { mean: Math.round(s.sentiment * 100) / 100 });
  if (s.purchaseIntents > 0)
    add(Math.min(20, 12 + (s.purchaseIntents - 1) * 4), 'purchase_intent', { count: s.purchaseIntents });
  if (s.questions > 0) add(Math.min(8, 4 + (s.questions - 1) * 2), 'questions', { count: s.questions });
  return withinLimits(reasons);
}

export const MAX_SCORE = 100;

/**
 * The score of these parts, kept within 0..100; what falls outside is listed as one more part (code `limit`),
 * so the score a page shows always equals the sum of the parts it lists. Rows scored before this part existed
 * are reconciled the same way when read (`scoreParts`).
 */
export function withinLimits(parts: ScoreReason[]): { score: number; reasons: ScoreReason[] } {
  const reasons = parts.filter((r) => r.code !== 'limit');
  const total = reasons.reduce((sum, r) => sum + r.points, 0);
  const score = Math.max(0, Math.min(MAX_SCORE, total));
  if (score === total) return { score, reasons };
  const limit = total > MAX_SCORE ? MAX_SCORE : 0;
  const values = { limit };
  const points = score - total;
  return {
    score,
    reasons: [
      ...reasons,
      { code: 'limit', values, points, reason: scoreReasonText(ENGLISH, { code: 'limit', values, reason: '' }) },
    ],
  };
}

/**
 * The parts to list beside a stored score: its stored parts, with the limit part recomputed, and for a score the
 * parts do not explain (stored under an older rule), the difference as a part of its own. Pure.
 */
export function scoreParts(score: number, stored: ScoreReason[]): ScoreReason[] {
  const { score: computed, reasons } = withinLimits(stored);
  if (computed === score) return reasons;
  const parts = stored.filter((r) => r.code !== 'limit');
  const points = score - parts.reduce((sum, r) => sum + r.points, 0);
  const values = { limit: 'other' };
  const reason = scoreReasonText(ENGLISH, { code: 'limit', values, reason: '' });
  return [...parts, { code: 'limit', values, points, reason }];
}
