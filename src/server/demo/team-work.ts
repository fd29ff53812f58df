import { seededRandom } from '../../core/seeded-random';
import type { HistoryDay } from './rhythm';
import type { SeedClient } from './seed-client';

/**
 * The team's day in the demo's past, through the API as each of them: questions the routing rule gave
 * Maya are answered, some complaints are handed to her by Sara (admin) and answered, a little praise is
 * thanked for, and the rest is closed at the end of the day. The last two days are left partly undone,
 * so the inbox has work waiting, some of it assigned.
 */
export interface Team {
  /** Signed-in tokens of the teammates who work the inbox. */
  tokens: { agent: string; admin: string };
  ids: { agent: string; admin: string };
}

interface Conversation {
  id: string;
  assigneeId: string | null;
  intents: string[];
  sentiment: string | null;
  firstInboundAt: string;
  author: { name: string | null };
}

const MINUTE_MS = 60_000;
const MAX_REPLIES_A_DAY = 3;

const ANSWERS = {
  question: (name: string) => `Hi ${name}, thanks for asking! Happy to help: I've sent you a DM with the details. Maya`,
  complaint: (name: string) =>
    `Hi ${name}, I'm sorry to read this. Could you DM us so we can look into it together? Maya`,
  praise: (name: string) => `Thank you so much, ${name}! That made our day. Maya`,
};

export async function answerDay(client: SeedClient, team: Team, day: HistoryDay, now: Date): Promise<number> {
  const open = await openOfDay(client, team.tokens.admin, day);
  const random = seededRandom(day.day.getTime() / 86_400_000);
  const recent = day.daysAgo <= 1;
  let replies = 0;
  const close: string[] = [];
  for (const c of open) {
    const since = new Date(c.firstInboundAt).getTime();
    const at = (minutes: number) => new Date(Math.min(since + minutes * MINUTE_MS, now.getTime()));
    const name = c.author.name?.split(' ')[0] ?? 'there';
    const routed = c.assigneeId === team.ids.agent;
    const negative = c.sentiment === 'negative';
    const canAnswer = replies < MAX_REPLIES_A_DAY && (!recent || random() < 0.4);
    if (routed && canAnswer) {
      await reply(client, team.tokens.agent, c.id, ANSWERS.question(name), at(15 + random() * 200));
      close.push(c.id);
      replies++;
    } else if (negative && random() < 0.2 && replies < MAX_REPLIES_A_DAY) {
      // Sara hands it to Maya; on the last two days Maya has not got to all of them yet.
      await patch(client, team.tokens.admin, c.id, { assigneeId: team.ids.agent, priority: 'high' }, at(8));
      if (recent && random() < 0.5) continue;
      await reply(client, team.tokens.agent, c.id, ANSWERS.complaint(name), at(30 + random() * 150));
      close.push(c.id);
      replies++;
    } else if (c.intents.includes('praise') && random() < 0.15 && replies < MAX_REPLIES_A_DAY) {
      await reply(client, team.tokens.agent, c.id, ANSWERS.praise(name), at(20 + random() * 300));
      close.push(c.id);
      replies++;
    } else if (day.daysAgo > 1 || (!routed && day.daysAgo === 1 && random() < 0.6)) close.push(c.id);
  }
  // The answered and those with nothing to say to: closed in one go at the end of the day.
  client.at = new Date(Math.min(day.day.getTime() + 23.5 * 60 * MINUTE_MS, now.getTime()));
  for (let i = 0; i < close.length; i += 500)
    await client.request(team.tokens.agent, 'POST', '/conversations/bulk', {
      ids: close.slice(i, i + 500),
      patch: { status: 'closed' },
    });
  return replies;
}

async function openOfDay(client: SeedClient, token: string, day: HistoryDay): Promise<Conversation[]> {
  const from = day.day.toISOString();
  const to = new Date(day.day.getTime() + 86_400_000 - 1).toISOString();
  const found: Conversation[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ status: 'open', sort: 'newest', limit: '100', from, to });
    if (cursor) query.set('cursor', cursor);
    const page: { items: Conversation[]; next: string | null } = await client.request(
      token,
      'GET',
      `/conversations?${query}`,
    );
    found.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return found;
}

async function reply(client: SeedClient, token: string, id: string, text: string, at: Date) {
  client.at = at;
  // The key makes a repeated seed (one stopped half way) send nothing twice.
  await client.request(token, 'POST', `/conversations/${id}/replies`, { text }, { 'idempotency-key': `demo-${id}` });
}

async function patch(client: SeedClient, token: string, id: string, body: Record<string, unknown>, at: Date) {
  client.at = at;
  await client.request(token, 'PATCH', `/conversations/${id}`, body);
}
