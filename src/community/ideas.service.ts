import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import type { IngestDeps } from '../ingest';
import type { MemberInfo } from '../http/env';
import { analyseCommunityPost } from './analysis';
import { communityError } from './errors';
import type { Community } from './members.service';
import { hitLimit } from './rate-limit';
import { categories, comments, IDEA_STATUSES, type IdeaStatus, ideas, ideaVotes, members, reviews } from './schema';
import { spamFlags } from './spam';

/**
 * Ideas on the public board: listing (top, new, trending), one idea with its comments and merged
 * duplicates, similar titles while typing, posting, voting and commenting. Member text is stored
 * as typed (length-limited) and escaped where it is shown.
 */
export const IDEA_SORTS = ['top', 'new', 'trending'] as const;
export type IdeaSort = (typeof IDEA_SORTS)[number];
/** What the board lists unless asked: everything not shipped or declined. */
export const ACTIVE_STATUSES: IdeaStatus[] = ['open', 'under_review', 'planned', 'in_progress'];
export const LIMITS = { title: 140, body: 5000, comment: 3000 } as const;

export type IdeaRow = typeof ideas.$inferSelect;
export interface IdeaListItem extends IdeaRow {
  categoryName: string | null;
  authorName: string | null;
  voted: boolean;
}

export interface IdeaListOptions {
  sort: IdeaSort;
  status?: IdeaStatus | 'active' | 'all';
  categoryId?: string;
  q?: string;
  memberId?: string | null;
  limit: number;
  offset: number;
}

// Trending: votes weigh less as an idea ages (hours), as on Hacker News.
const TRENDING = sql`(${ideas.voteCount} + 1)
  / power(extract(epoch from (now() - ${ideas.createdAt})) / 3600 + 2, 1.5)`;

export async function listIdeas(
  db: Db,
  workspaceId: string,
  o: IdeaListOptions,
): Promise<{ items: IdeaListItem[]; total: number }> {
  const where: (SQL | undefined)[] = [
    eq(ideas.workspaceId, workspaceId),
    eq(ideas.visibility, 'visible'),
    isNull(ideas.mergedIntoId),
  ];
  const status = o.status ?? 'active';
  if (status === 'active') where.push(inArray(ideas.status, ACTIVE_STATUSES));
  else if (status !== 'all') where.push(eq(ideas.status, status));
  if (o.categoryId) where.push(eq(ideas.categoryId, o.categoryId));
  if (o.q) where.push(sql`${ideas.search} @@ websearch_to_tsquery('simple', ${o.q})`);
  const order =
    o.sort === 'new'
      ? [desc(ideas.createdAt)]
      : o.sort === 'trending'
        ? [desc(TRENDING), desc(ideas.createdAt)]
        : [desc(ideas.pinned), desc(ideas.voteCount), desc(ideas.createdAt)];
  const [list, [total]] = await Promise.all([
    db
      .select({
        idea: ideas,
        categoryName: categories.name,
        authorName: members.displayName,
        voted: o.memberId
          ? sql<boolean>`exists (select 1 from idea_votes v
              where v.idea_id = ${ideas.id} and v.member_id = ${o.memberId}::uuid)`
          : sql<boolean>`false`,
      })
      .from(ideas)
      .leftJoin(categories, eq(categories.id, ideas.categoryId))
      .leftJoin(members, eq(members.id, ideas.memberId))
      .where(and(...where))
      .orderBy(...order, asc(ideas.id))
      .limit(o.limit)
      .offset(o.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(ideas)
      .where(and(...where)),
  ]);
  return {
    items: list.map((r) => ({
      ...r.idea,
      categoryName: r.categoryName,
      authorName: r.authorName,
      voted: Boolean(r.voted),
    })),
    total: Number(total?.n ?? 0),
  };
}

/** An idea as the board shows it; a merged one answers with the idea it was merged into. */
export async function getIdea(
  db: Db,
  workspaceId: string,
  id: string,
  o: { memberId?: string | null; staff?: boolean } = {},
) {
  const [row] = await db
    .select({ idea: ideas, categoryName: categories.name, authorName: members.displayName })
    .from(ideas)
    .leftJoin(categories, eq(categories.id, ideas.categoryId))
    .leftJoin(members, eq(members.id, ideas.memberId))
    .where(and(eq(ideas.workspaceId, workspaceId), eq(ideas.id, id)));
  if (!row || (!o.staff && row.idea.visibility !== 'visible' && row.idea.memberId !== o.memberId))
    throw communityError('IDEA_NOT_FOUND');
  const [thread, merged, voted] = await Promise.all([
    db
      .select({ comment: comments, memberName: members.displayName })
      .from(comments)
      .leftJoin(members, eq(members.id, comments.memberId))
      .where(and(eq(comments.ideaId, id), o.staff ? undefined : eq(comments.visibility, 'visible')))
      .orderBy(asc(comments.createdAt)),
    db
      .select({ id: ideas.id, title: ideas.title, voteCount: ideas.voteCount })
      .from(ideas)
      .where(eq(ideas.mergedIntoId, id))
      .orderBy(asc(ideas.createdAt)),
    o.memberId
      ? db
          .select()
          .from(ideaVotes)
          .where(and(eq(ideaVotes.ideaId, id), eq(ideaVotes.memberId, o.memberId)))
      : [],
  ]);
  return {
    ...row.idea,
    categoryName: row.categoryName,
    authorName: row.authorName,
    comments: thread.map((t) => ({ ...t.comment, memberName: t.memberName })),
    merged,
    voted: voted.length > 0,
  };
}
export type IdeaDetail = Awaited<ReturnType<typeof getIdea>>;

/** Ideas whose words overlap a title being typed, best first: a vote there beats a duplicate. */
export async function similarIdeas(db: Db, workspaceId: string, title: string, limit = 5) {
  const words = [...new Set(title.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [])].slice(0, 12);
  if (words.length === 0) return [];
  const query = words.map((w) => `${w}:*`).join(' | ');
  return db
    .select({ id: ideas.id, title: ideas.title, status: ideas.status, voteCount: ideas.voteCount })
    .from(ideas)
    .where(
      and(
        eq(ideas.workspaceId, workspaceId),
        eq(ideas.visibility, 'visible'),
        isNull(ideas.mergedIntoId),
        sql`${ideas.search} @@ to_tsquery('simple', ${query})`,
      ),
    )
    .orderBy(desc(sql`ts_rank(${ideas.search}, to_tsquery('simple', ${query}))`), desc(ideas.voteCount))
    .limit(limit);
}

export interface PostContext {
  deps: IngestDeps;
  community: Community;
  member: MemberInfo;
  baseUrl: string;
  now: Date;
}

/** What a new post from this member is: visible, or held (the board asks for approval, or a spam rule fired). */
async function moderationFor(db: Db, ctx: PostContext, text: string) {
  const [m] = await db.select({ createdAt: members.createdAt }).from(members).where(eq(members.id, ctx.member.id));
  const since = new Date(ctx.now.getTime() - 86_400_000);
  const recent = rows<{ text: string }>(
    await db.execute(sql`
      select title || ' ' || body as text from ideas
      where member_id = ${ctx.member.id}::uuid and created_at >= ${since.toISOString()}::timestamptz
      union all select body from idea_comments
      where member_id = ${ctx.member.id}::uuid and created_at >= ${since.toISOString()}::timestamptz
      union all select title || ' ' || body from reviews
      where member_id = ${ctx.member.id}::uuid and created_at >= ${since.toISOString()}::timestamptz`),
  ).map((r) => r.text);
  const flags = spamFlags({ text, memberCreatedAt: m!.createdAt, recentTexts: recent, now: ctx.now });
  return {
    flags,
    visibility: ctx.community.requireApproval || flags.length ? ('held' as const) : ('visible' as const),
  };
}

export async function createIdea(
  ctx: PostContext,
  input: { title: string; body: string; categoryId?: string | null },
): Promise<IdeaRow> {
  const { db } = ctx.deps;
  const wsId = ctx.community.workspace.id;
  await hitLimit(db, 'post', ctx.member.id, ctx.now);
  if (input.categoryId) {
    const [cat] = await db
      .select({ id: categories.id })
      .from(categories)
      .where(and(eq(categories.workspaceId, wsId), eq(categories.id, input.categoryId)));
    if (!cat) throw communityError('CATEGORY_UNKNOWN', { field: 'categoryId' });
  }
  const mod = await moderationFor(db, ctx, `${input.title} ${input.body}`);
  const [idea] = await db
    .insert(ideas)
    .values({
      workspaceId: wsId,
      memberId: ctx.member.id,
      title: input.title,
      body: input.body,
      categoryId: input.categoryId ?? null,
      visibility: mod.visibility,
      flags: mod.flags,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  // The author wants it: their vote comes with it.
  await db.insert(ideaVotes).values({ ideaId: idea!.id, memberId: ctx.member.id }).onConflictDoNothing();
  await db.update(ideas).set({ voteCount: 1 }).where(eq(ideas.id, idea!.id));
  return attachAnalysis(
    ctx,
    'idea',
    { ...idea!, voteCount: 1 },
    idea!.title,
    idea!.body,
    `${ctx.baseUrl}/c/${ctx.community.workspace.slug}/ideas/${idea!.id}`,
  );
}

export async function attachAnalysis<T extends { id: string }>(
  ctx: PostContext,
  kind: 'idea' | 'comment' | 'review',
  row: T,
  title: string | null,
  text: string,
  url: string,
  toInbox?: Parameters<typeof analyseCommunityPost>[2]['toInbox'],
): Promise<T> {
  const a = await analyseCommunityPost(ctx.deps, ctx.community.workspace.id, {
    kind,
    id: row.id,
    title,
    text,
    url,
    member: { id: ctx.member.id, displayName: ctx.member.displayName },
    createdAt: ctx.now,
    ...(toInbox ? { toInbox } : {}),
  });
  const table = kind === 'idea' ? ideas : kind === 'comment' ? comments : reviews;
  await ctx.deps.db
    .update(table)
    .set({ mentionId: a.mentionId, sentimentLabel: a.sentimentLabel, sentimentScore: a.sentimentScore })
    .where(eq(table.id, row.id));
  return { ...row, mentionId: a.mentionId, sentimentLabel: a.sentimentLabel, sentimentScore: a.sentimentScore };
}

/** The idea votes land on: a merged idea's votes belong to the one it was merged into. */
async function liveIdea(db: Db, workspaceId: string, id: string): Promise<IdeaRow> {
  let [idea] = await db
    .select()
    .from(ideas)
    .where(and(eq(ideas.workspaceId, workspaceId), eq(ideas.id, id)));
  for (let hops = 0; idea?.mergedIntoId && hops < 10; hops++)
    [idea] = await db.select().from(ideas).where(eq(ideas.id, idea.mergedIntoId));
  if (idea?.visibility !== 'visible') throw communityError('IDEA_NOT_FOUND');
  return idea;
}

export async function recountVotes(db: Db, ideaIds: string[]) {
  if (ideaIds.length === 0) return;
  await db
    .update(ideas)
    .set({ voteCount: sql`(select count(*)::int from idea_votes v where v.idea_id = ${ideas.id})` })
    .where(inArray(ideas.id, ideaIds));
}

/** One vote per member per idea; voting twice changes nothing, unvoting takes it back. */
export async function setVote(
  db: Db,
  community: Community,
  member: MemberInfo,
  ideaId: string,
  vote: boolean,
  now: Date,
): Promise<IdeaRow> {
  await hitLimit(db, 'vote', member.id, now);
  const idea = await liveIdea(db, community.workspace.id, ideaId);
  if (vote)
    await db.insert(ideaVotes).values({ ideaId: idea.id, memberId: member.id, createdAt: now }).onConflictDoNothing();
  else await db.delete(ideaVotes).where(and(eq(ideaVotes.ideaId, idea.id), eq(ideaVotes.memberId, member.id)));
  await recountVotes(db, [idea.id]);
  const [after] = await db.select().from(ideas).where(eq(ideas.id, idea.id));
  return after!;
}

export async function addComment(ctx: PostContext, ideaId: string, body: string) {
  const { db } = ctx.deps;
  await hitLimit(db, 'post', ctx.member.id, ctx.now);
  const idea = await liveIdea(db, ctx.community.workspace.id, ideaId);
  const mod = await moderationFor(db, ctx, body);
  const [comment] = await db
    .insert(comments)
    .values({
      workspaceId: idea.workspaceId,
      ideaId: idea.id,
      memberId: ctx.member.id,
      body,
      visibility: mod.visibility,
      flags: mod.flags,
      createdAt: ctx.now,
    })
    .returning();
  await recountComments(db, [idea.id]);
  return attachAnalysis(
    ctx,
    'comment',
    comment!,
    null,
    body,
    `${ctx.baseUrl}/c/${ctx.community.workspace.slug}/ideas/${idea.id}#comment-${comment!.id}`,
  );
}

export async function recountComments(db: Db, ideaIds: string[]) {
  if (ideaIds.length === 0) return;
  await db
    .update(ideas)
    .set({
      commentCount: sql`(select count(*)::int from idea_comments c
        where c.idea_id = ${ideas.id} and c.visibility = 'visible')`,
    })
    .where(inArray(ideas.id, ideaIds));
}

/** Shipped ideas, newest first: the public changelog. */
export async function changelog(db: Db, workspaceId: string, limit = 50) {
  return db
    .select()
    .from(ideas)
    .where(
      and(
        eq(ideas.workspaceId, workspaceId),
        eq(ideas.status, 'shipped'),
        eq(ideas.visibility, 'visible'),
        isNull(ideas.mergedIntoId),
      ),
    )
    .orderBy(desc(ideas.statusChangedAt), desc(ideas.createdAt))
    .limit(limit);
}

/** The public roadmap: planned, in progress and recently shipped ideas, most wanted first. */
export async function roadmap(db: Db, workspaceId: string, now: Date) {
  const list = await db
    .select()
    .from(ideas)
    .where(
      and(
        eq(ideas.workspaceId, workspaceId),
        eq(ideas.visibility, 'visible'),
        isNull(ideas.mergedIntoId),
        inArray(ideas.status, ['planned', 'in_progress', 'shipped']),
        // Shipped ideas leave the roadmap after 90 days (the changelog keeps them).
        sql`(${ideas.status} <> 'shipped'
          or ${ideas.statusChangedAt} >= ${new Date(now.getTime() - 90 * 86_400_000).toISOString()}::timestamptz)`,
      ),
    )
    .orderBy(desc(ideas.voteCount), desc(ideas.createdAt));
  return {
    planned: list.filter((i) => i.status === 'planned'),
    in_progress: list.filter((i) => i.status === 'in_progress'),
    shipped: list.filter((i) => i.status === 'shipped'),
  };
}

export const isIdeaStatus = (s: string): s is IdeaStatus => (IDEA_STATUSES as readonly string[]).includes(s);
