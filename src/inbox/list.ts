import { z } from '@hono/zod-openapi';
import { INSTANT_BOUNDS_MESSAGE, instantInBounds } from '../core/days';
import { and, arrayContains, count, eq, gte, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { coreError } from '../core/errors';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import { conversationTextMatches } from '../mentions';
import { INTENTS } from '../sentiment';
import { PLATFORMS } from '../core/platforms';
import { CONVERSATION_STATUSES, type ConversationRow, conversations, PRIORITIES } from './schema';

/**
 * The inbox list: views, filters, sorts and keyset pages over conversations. Everything it filters
 * or sorts on lives on the conversation row, behind indexes that start with (workspace, status).
 */
export const INBOX_VIEWS = ['all', 'mine', 'unassigned'] as const;
export const INBOX_SORTS = ['newest', 'waiting', 'priority'] as const;

export const InboxQuery = z.object({
  view: z.enum(INBOX_VIEWS).default('all'),
  status: z.enum([...CONVERSATION_STATUSES, 'any']).default('open'),
  assignee: z.uuid().optional(),
  platform: z.enum(PLATFORMS).optional(),
  topic: z.uuid().optional(),
  sentiment: z.enum(['positive', 'neutral', 'negative', 'unscored']).optional(),
  intent: z.enum(INTENTS).optional(),
  priority: z.enum(PRIORITIES).optional(),
  tag: z.string().trim().min(1).max(60).optional(),
  language: z.string().trim().min(2).max(8).optional(),
  from: z.iso.datetime({ offset: true }).refine(instantInBounds, INSTANT_BOUNDS_MESSAGE).optional(),
  to: z.iso.datetime({ offset: true }).refine(instantInBounds, INSTANT_BOUNDS_MESSAGE).optional(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'Full-text search over the conversation’s posts' }),
  sort: z.enum(INBOX_SORTS).default('newest'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(300).optional(),
});
export type InboxQuery = z.infer<typeof InboxQuery>;

/** The filters (not the view or the page) as conditions. */
export function inboxConditions(workspaceId: string, userId: string | null, q: InboxQuery): SQL[] {
  const c = conversations;
  const where: (SQL | undefined)[] = [eq(c.workspaceId, workspaceId)];
  if (q.status !== 'any') where.push(eq(c.status, q.status));
  if (q.view === 'mine') where.push(userId ? eq(c.assigneeId, userId) : sql`false`);
  if (q.view === 'unassigned') where.push(isNull(c.assigneeId));
  if (q.assignee) where.push(eq(c.assigneeId, q.assignee));
  if (q.platform) where.push(eq(c.platform, q.platform));
  if (q.topic) where.push(arrayContains(c.topicIds, [q.topic]));
  if (q.sentiment) where.push(eq(c.sentimentLabel, q.sentiment));
  if (q.intent) where.push(arrayContains(c.intents, [q.intent]));
  if (q.priority) where.push(eq(c.priority, q.priority));
  if (q.tag) where.push(arrayContains(c.tags, [q.tag]));
  if (q.language) where.push(eq(c.language, q.language));
  if (q.from) where.push(gte(c.lastInboundAt, new Date(q.from)));
  if (q.to) where.push(lte(c.lastInboundAt, new Date(q.to)));
  if (q.q) where.push(conversationTextMatches(c.id, q.q));
  return where.filter((w): w is SQL => w !== undefined);
}

// A cursor holds the sort's values of the last row and its id.
const encode = (values: (string | number | null)[], id: string) =>
  Buffer.from(JSON.stringify([values, id])).toString('base64url');
function decode(cursor: string, n: number): { values: (string | number | null)[]; id: string } {
  try {
    const [values, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [unknown, unknown];
    if (!Array.isArray(values) || values.length !== n || typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id))
      throw new Error('shape');
    return { values: values as (string | number | null)[], id };
  } catch {
    throw coreError('CURSOR_INVALID', { field: 'cursor' });
  }
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const SORTS = {
  newest: {
    width: 1,
    order: [sql`${conversations.lastInboundAt} desc nulls last`, sql`${conversations.id} desc nulls last`],
    key: (r: ConversationRow) => [iso(r.lastInboundAt)],
    after: (v: (string | number | null)[], id: string) =>
      sql`(${conversations.lastInboundAt}, ${conversations.id}) < (${v[0]}::timestamptz, ${id}::uuid)`,
  },
  // Longest waiting first; conversations nobody waits on (answered) come last, newest first.
  waiting: {
    width: 1,
    order: [sql`${conversations.waitingSince} asc nulls last`, sql`${conversations.id} asc`],
    key: (r: ConversationRow) => [iso(r.waitingSince)],
    after: (v: (string | number | null)[], id: string) =>
      v[0] === null
        ? sql`(${conversations.waitingSince} is null and ${conversations.id} > ${id}::uuid)`
        : sql`((${conversations.waitingSince}, ${conversations.id}) > (${v[0]}::timestamptz, ${id}::uuid)
            or ${conversations.waitingSince} is null)`,
  },
  priority: {
    width: 2,
    order: [
      sql`${conversations.priorityRank} desc`,
      sql`${conversations.lastInboundAt} desc nulls last`,
      sql`${conversations.id} desc nulls last`,
    ],
    key: (r: ConversationRow) => [r.priorityRank, iso(r.lastInboundAt)],
    after: (v: (string | number | null)[], id: string) =>
      sql`(${conversations.priorityRank}, ${conversations.lastInboundAt}, ${conversations.id})
        < (${v[0]}::int, ${v[1]}::timestamptz, ${id}::uuid)`,
  },
} as const;

export async function listConversations(db: Db, workspaceId: string, userId: string | null, q: InboxQuery) {
  const sort = SORTS[q.sort];
  const where = inboxConditions(workspaceId, userId, q);
  if (q.cursor) {
    const c = decode(q.cursor, sort.width);
    where.push(sort.after(c.values, c.id));
  }
  const list = await db
    .select()
    .from(conversations)
    .where(and(...where))
    .orderBy(...sort.order)
    .limit(q.limit + 1);
  const items = list.slice(0, q.limit);
  const last = items.at(-1);
  return { items, next: list.length > q.limit && last ? encode(sort.key(last), last.id) : null };
}

/** Open conversations per view, for the inbox's tabs. */
export async function viewCounts(db: Db, workspaceId: string, userId: string | null) {
  const [row] = await db
    .select({
      all: count(),
      mine: sql<number>`count(*) filter (
        where ${conversations.assigneeId} = ${userId ?? '00000000-0000-0000-0000-000000000000'}::uuid
      )`.mapWith(Number),
      unassigned: sql<number>`count(*) filter (where ${conversations.assigneeId} is null)`.mapWith(Number),
    })
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.status, 'open')));
  return { all: Number(row?.all ?? 0), mine: row?.mine ?? 0, unassigned: row?.unassigned ?? 0 };
}

/** Tabs count up to this many and then say "999+": a count costs at most this many index entries. */
export const TAB_COUNT_CAP = 999;

export interface TabCounts {
  all: number;
  mine: number;
  unassigned: number;
  topics: Map<string, number>;
}

/**
 * Open conversations per tab of the inbox page (the views and one per topic), each counted up to
 * TAB_COUNT_CAP + 1, in one statement: a busy workspace's tabs cost the same as a quiet one's.
 */
export async function tabCounts(
  db: Db,
  workspaceId: string,
  userId: string | null,
  topicIds: string[],
): Promise<TabCounts> {
  const limit = TAB_COUNT_CAP + 1;
  const open = sql`workspace_id = ${workspaceId}::uuid and status = 'open'`;
  const capped = (where: SQL) =>
    sql`(select count(*)::int from (select 1 from conversations where ${open} and ${where} limit ${limit}) x)`;
  const topicCols = topicIds.map(
    (id, i) => sql`, ${capped(sql`topic_ids @> array[${id}::uuid]`)} as ${sql.raw(`t${i}`)}`,
  );
  const [row] = rows<Record<string, number>>(
    await db.execute(sql`select ${capped(sql`true`)} as all_open,
      ${capped(userId ? sql`assignee_id = ${userId}::uuid` : sql`false`)} as mine,
      ${capped(sql`assignee_id is null`)} as unassigned ${sql.join(topicCols, sql``)}`),
  );
  return {
    all: Number(row?.all_open ?? 0),
    mine: Number(row?.mine ?? 0),
    unassigned: Number(row?.unassigned ?? 0),
    topics: new Map(topicIds.map((id, i) => [id, Number(row?.[`t${i}`] ?? 0)])),
  };
}
