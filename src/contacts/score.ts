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
  const total = reasons.reduce((sum, r) => sum + r.points, 0);
  return { score: Math.max(0, Math.min(100, total)), reasons };
}
