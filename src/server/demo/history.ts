import type { SocialPost } from '../../core/social-post';
import type { AppDeps } from '../../http/env';
import { ingestPosts } from '../../ingest';
import { activeTopics } from '../../topics';
import { type HistoryDay, historyPlan } from './rhythm';
import { seededRandom } from '../../core/seeded-random';
import type { SeedClient } from './seed-client';
import { answerDay, type Team } from './team-work';

/**
 * The demo's past: the replay corpus re-dated over the last 90 days (rhythm.ts) and sent through the one
 * flow day by day, on a clock set to that day, so the analysis, rollups, contacts and conversations are
 * the ones real posts make. After each day the team works its inbox (team-work.ts).
 */
const SPIKE_WORDS = /\b(rain|rainy|snow|storm|weather|wind|flood|cold|sun|sunny)\b/i;
const MINUTE_MS = 60_000;

/** The corpus as the demo connector replays it, once through. */
async function replayCorpus(deps: AppDeps, now: Date): Promise<SocialPost[]> {
  const demo = deps.connectors.demo;
  if (!demo) throw new Error('demo seed: the demo connector is not registered');
  const posts: SocialPost[] = [];
  let cursor: { next: number } | null = null;
  for (;;) {
    const page = await demo.poll({
      config: { batch: 100, loop: false },
      credentials: {},
      cursor,
      plan: { queries: [], hashtags: [] },
      now,
      http: deps.outbound,
    });
    if (page.posts.length === 0) return posts;
    posts.push(...page.posts);
    cursor = page.cursor as { next: number };
  }
}

/**
 * The posts of each day of the plan: the corpus in a shuffled turn (its authors follow its order, so a turn
 * in order would bring one family name after another), the spike day's mostly from what talks about the weather.
 */
function datedPosts(corpus: SocialPost[], plan: HistoryDay[]): SocialPost[][] {
  const random = seededRandom(7);
  const shuffled = [...corpus];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const stormy = corpus.filter((p) => SPIKE_WORDS.test(p.text));
  let next = 0;
  let n = 0;
  return plan.map((day) =>
    day.times.map((at) => {
      const from =
        day.spike && random() < 0.7
          ? stormy[Math.floor(random() * stormy.length)]!
          : shuffled[next++ % shuffled.length]!;
      // Ids of their own: the live replay (the same corpus) must not find its posts already stored.
      return { ...from, externalId: `history-${n++}`, createdAt: at };
    }),
  );
}

export interface HistoryResult {
  posts: number;
  replies: number;
}

export async function seedHistory(
  client: SeedClient,
  target: { workspaceId: string; sourceId: string },
  team: Team,
  now: Date,
): Promise<HistoryResult> {
  const plan = historyPlan(now);
  const days = datedPosts(await replayCorpus(client.deps, now), plan);
  const topics = await activeTopics(client.deps.db, target.workspaceId);
  const result: HistoryResult = { posts: 0, replies: 0 };
  for (const [i, posts] of days.entries()) {
    const day = plan[i]!;
    // What the team was told until the day before yesterday they have read; the last two days' is new.
    if (day.daysAgo === 1)
      for (const token of [team.tokens.agent, team.tokens.admin])
        await client.request(token, 'POST', '/notifications/read', {});
    if (posts.length === 0) continue;
    // The flow runs as the day's posts arrive: its clock is the last one's time (the live inbox's "now").
    client.at = new Date(Math.min(posts.at(-1)!.createdAt.getTime() + MINUTE_MS, now.getTime()));
    const stored = await ingestPosts(
      client.deps,
      { workspaceId: target.workspaceId, sourceId: target.sourceId, platform: 'demo', topics },
      posts,
    );
    result.posts += stored.inserted;
    result.replies += await answerDay(client, team, day, now);
  }
  client.at = now;
  return result;
}
