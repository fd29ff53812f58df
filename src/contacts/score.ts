import type { ScoreReason } from './schema';

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
const fmt = (n: number) => n.toLocaleString('en-US');

export function scoreContact(s: ContactStats, now: Date): { score: number; reasons: ScoreReason[] } {
  const reasons: ScoreReason[] = [];
  const add = (points: number, reason: string) => {
    const p = Math.round(points);
    if (p !== 0) reasons.push({ reason, points: p });
  };
  if (s.followers > 0) add(Math.min(25, Math.log10(s.followers + 1) * 5), `Reach: ${fmt(s.followers)} followers`);
  if (s.engagement > 0)
    add(
      Math.min(15, Math.log10(s.engagement + 1) * 5),
      `Engagement: ${fmt(s.engagement)} likes, reposts and replies on their posts`,
    );
  if (s.mentions > 0)
    add(Math.min(10, s.mentions * 2), `Activity: ${fmt(s.mentions)} mention${s.mentions === 1 ? '' : 's'}`);
  if (s.lastActivityAt) {
    const days = (now.getTime() - s.lastActivityAt.getTime()) / DAY;
    if (days <= 7) add(15, 'Recency: active in the last 7 days');
    else if (days <= 30) add(10, 'Recency: active in the last 30 days');
    else if (days <= 90) add(5, 'Recency: active in the last 90 days');
  }
  if (s.sentiment !== null && Math.abs(s.sentiment) >= 0.05)
    add(s.sentiment * 15, `Sentiment: ${s.sentiment > 0 ? 'warm' : 'cold'} on average (${s.sentiment.toFixed(2)})`);
  if (s.purchaseIntents > 0)
    add(
      Math.min(20, 12 + (s.purchaseIntents - 1) * 4),
      `Purchase intent: ${s.purchaseIntents} mention${s.purchaseIntents === 1 ? '' : 's'}`,
    );
  if (s.questions > 0) add(Math.min(8, 4 + (s.questions - 1) * 2), `Questions asked: ${s.questions}`);
  const total = reasons.reduce((sum, r) => sum + r.points, 0);
  return { score: Math.max(0, Math.min(100, total)), reasons };
}
