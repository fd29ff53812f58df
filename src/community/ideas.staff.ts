import { and, asc, desc, eq, max, sql } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { MAIL_QUEUED, queueMailTo, readerLocale, recordAudit, workspaceById } from '../accounts';
import { LOCALES } from '../core/i18n/locales';
import { boardAddressOf, boardTranslator } from './board-translator';
import { statusMailText } from './mail';
import type { EventPublisher } from '../core/events';
import { transact } from '../db/transact';
import type { Db } from '../db/types';
import type { Logger } from '../http/logger';
import type { Mailer } from '../http/env';
import { communityError } from './errors';
import { recountComments, recountVotes } from './ideas.service';
import {
  categories,
  comments,
  communitySettings,
  type IdeaStatus,
  ideaEvidence,
  ideas,
  ideaVotes,
  members,
  memberNotifications,
  reviews,
  type Visibility,
} from './schema';

/**
 * What staff do with the board: statuses with a public note (voters are told), categories, pins,
 * merging duplicates, and moderation. Each change is audited.
 */
export interface StaffDeps {
  db: Db;
  mailer: Mailer;
  logger: Logger;
  /** Where events go after commit (the mail sender wakes on `mail.queued`). */
  events: EventPublisher;
}

async function ideaOf(db: Db, workspaceId: string, id: string) {
  const [idea] = await db
    .select()
    .from(ideas)
    .where(and(eq(ideas.workspaceId, workspaceId), eq(ideas.id, id)));
  if (!idea) throw communityError('IDEA_NOT_FOUND');
  return idea;
}

export interface IdeaPatch {
  status?: IdeaStatus;
  statusNote?: string | null;
  categoryId?: string | null;
  pinned?: boolean;
  title?: string;
  body?: string;
}

export async function updateIdea(
  deps: StaffDeps,
  actor: Actor,
  id: string,
  patch: IdeaPatch,
  ctx: { now: Date; baseUrl: string },
) {
  const { db } = deps;
  const idea = await ideaOf(db, actor.workspaceId, id);
  if (patch.categoryId) {
    const [cat] = await db
      .select({ id: categories.id })
      .from(categories)
      .where(and(eq(categories.workspaceId, actor.workspaceId), eq(categories.id, patch.categoryId)));
    if (!cat) throw communityError('CATEGORY_UNKNOWN', { field: 'categoryId' });
  }
  const statusChanged = patch.status !== undefined && patch.status !== idea.status;
  return transact(deps, async (tx, emit) => {
    const rows = await tx
      .update(ideas)
      .set({ ...patch, ...(statusChanged ? { statusChangedAt: ctx.now } : {}), updatedAt: ctx.now })
      .where(eq(ideas.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'idea.updated',
      targetType: 'idea',
      targetId: id,
      details: { ...patch, ...(statusChanged ? { from: idea.status } : {}) },
    });
    if (statusChanged) {
      // Every voter and the author hear of it: one INSERT … SELECT however many voted. What changed is kept,
      // not a sentence: the board words it when it is read, in the reader's language (community/mail.ts).
      const note = patch.statusNote || null;
      await tx.execute(sql`
        insert into ${memberNotifications} (workspace_id, member_id, idea_id, status, note, created_at)
        select ${actor.workspaceId}::uuid, t.member_id, ${id}::uuid, ${patch.status}, ${note},
          ${ctx.now.toISOString()}::timestamptz
        from (select member_id from ${ideaVotes} where idea_id = ${id}::uuid
              union select ${idea.memberId}::uuid where ${idea.memberId}::uuid is not null) t`);
      // Email voters too, when there is a mail server (the in-app notification is there either way): queued
      // with the change, sent by the mail sender after commit, so a popular idea's click does not wait on SMTP.
      const queued = deps.mailer.configured ? await queueVoterMail(tx, actor.workspaceId, rows[0]!, ctx) : null;
      if (queued) emit(queued);
    }
    return rows[0]!;
  });
}

/**
 * One email per voter in their language (else the workspace's): one INSERT … SELECT per language, each taking
 * the voters who read it, so the statements grow with the languages we speak, never with the voters.
 */
async function queueVoterMail(tx: Db, workspaceId: string, idea: IdeaRow, ctx: { now: Date; baseUrl: string }) {
  const ws = (await workspaceById(tx, workspaceId))!;
  const fallback = readerLocale(null, ws.defaultLanguage);
  // The language a voter reads: their own, else (none, or one we no longer speak) the workspace's.
  const spoken = sql.join(
    LOCALES.map((l) => sql`${l}`),
    sql`, `,
  );
  const reads = sql`case when ${members.language} in (${spoken}) then ${members.language} else ${fallback} end`;
  const change = {
    community: ws.name,
    title: idea.title,
    status: idea.status,
    note: idea.statusNote || null,
    link: `${ctx.baseUrl}/c/${ws.slug}/ideas/${idea.id}`,
  };
  let count = 0;
  for (const locale of LOCALES) {
    const voters = tx
      .select({ email: members.email })
      .from(ideaVotes)
      .innerJoin(members, eq(members.id, ideaVotes.memberId))
      .where(and(eq(ideaVotes.ideaId, idea.id), sql`${reads} = ${locale}`));
    const words = statusMailText(boardTranslator(locale, ws.timeZone, boardAddressOf(ws)), change);
    const queued = await queueMailTo(tx, workspaceId, { kind: 'status', ...words }, voters.getSQL(), ctx.now);
    count += queued?.data.count ?? 0;
  }
  return count ? ({ name: MAIL_QUEUED, data: { count } } as const) : null;
}

type IdeaRow = typeof ideas.$inferSelect;

/**
 * Merges a duplicate into another idea: votes move (a member who voted for both counts once),
 * comments and evidence move, and earlier duplicates of it follow.
 */
export async function mergeIdea(db: Db, actor: Actor, fromId: string, intoId: string, now: Date) {
  if (fromId === intoId) throw communityError('IDEA_MERGED_INTO_ITSELF', { field: 'into' });
  const from = await ideaOf(db, actor.workspaceId, fromId);
  const into = await ideaOf(db, actor.workspaceId, intoId);
  if (from.mergedIntoId) throw communityError('IDEA_ALREADY_MERGED');
  if (into.mergedIntoId)
    throw communityError('IDEA_MERGE_TARGET_MERGED', { field: 'into', mergedIntoId: into.mergedIntoId });
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`insert into idea_votes (idea_id, member_id, created_at)
        select ${intoId}::uuid, member_id, created_at from idea_votes where idea_id = ${fromId}::uuid
        on conflict do nothing`,
    );
    await tx.delete(ideaVotes).where(eq(ideaVotes.ideaId, fromId));
    await tx.update(comments).set({ ideaId: intoId }).where(eq(comments.ideaId, fromId));
    await tx.update(ideaEvidence).set({ ideaId: intoId }).where(eq(ideaEvidence.ideaId, fromId));
    await tx.update(ideas).set({ mergedIntoId: intoId }).where(eq(ideas.mergedIntoId, fromId));
    await tx.update(ideas).set({ mergedIntoId: intoId, updatedAt: now }).where(eq(ideas.id, fromId));
    await recountVotes(tx, [fromId, intoId]);
    await recountComments(tx, [fromId, intoId]);
    await recordAudit(tx, actor, {
      action: 'idea.merged',
      targetType: 'idea',
      targetId: fromId,
      details: { into: intoId },
    });
    const [after] = await tx.select().from(ideas).where(eq(ideas.id, intoId));
    return after!;
  });
}

export type PostKind = 'idea' | 'comment' | 'review';
const TABLES = { idea: ideas, comment: comments, review: reviews } as const;

/** Hide, restore (approve a held post) or delete a member post, with a reason that is kept. */
export async function moderate(
  db: Db,
  actor: Actor,
  kind: PostKind,
  id: string,
  action: 'hide' | 'restore' | 'delete',
  reason: string | null,
) {
  const table = TABLES[kind];
  const [row] = await db
    .select()
    .from(table)
    .where(and(eq(table.workspaceId, actor.workspaceId), eq(table.id, id)));
  if (!row)
    throw communityError(
      kind === 'idea' ? 'IDEA_NOT_FOUND' : kind === 'comment' ? 'COMMENT_NOT_FOUND' : 'REVIEW_NOT_FOUND',
    );
  await db.transaction(async (tx) => {
    if (action === 'delete') await tx.delete(table).where(eq(table.id, id));
    else {
      const visibility: Visibility = action === 'hide' ? 'hidden' : 'visible';
      await tx.update(table).set({ visibility, moderationReason: reason }).where(eq(table.id, id));
    }
    if (kind === 'comment') await recountComments(tx, [(row as typeof comments.$inferSelect).ideaId]);
    await recordAudit(tx, actor, {
      action: `community.${action}`,
      targetType: kind,
      targetId: id,
      details: { reason },
    });
  });
}

/** Posts waiting for a moderator, oldest first, of every kind. */
export async function moderationQueue(db: Db, workspaceId: string) {
  const held = <T extends typeof ideas | typeof comments | typeof reviews>(t: T) =>
    and(eq(t.workspaceId, workspaceId), eq(t.visibility, 'held'));
  const [i, c, r] = await Promise.all([
    db
      .select({
        id: ideas.id,
        title: ideas.title,
        text: ideas.body,
        flags: ideas.flags,
        createdAt: ideas.createdAt,
        memberName: members.displayName,
      })
      .from(ideas)
      .leftJoin(members, eq(members.id, ideas.memberId))
      .where(held(ideas))
      .orderBy(asc(ideas.createdAt)),
    db
      .select({
        id: comments.id,
        title: sql<string | null>`null`,
        text: comments.body,
        flags: comments.flags,
        createdAt: comments.createdAt,
        memberName: members.displayName,
      })
      .from(comments)
      .leftJoin(members, eq(members.id, comments.memberId))
      .where(held(comments))
      .orderBy(asc(comments.createdAt)),
    db
      .select({
        id: reviews.id,
        title: reviews.title,
        text: reviews.body,
        flags: reviews.flags,
        createdAt: reviews.createdAt,
        memberName: members.displayName,
      })
      .from(reviews)
      .leftJoin(members, eq(members.id, reviews.memberId))
      .where(held(reviews))
      .orderBy(asc(reviews.createdAt)),
  ]);
  return [
    ...i.map((x) => ({ ...x, kind: 'idea' as const })),
    ...c.map((x) => ({ ...x, kind: 'comment' as const })),
    ...r.map((x) => ({ ...x, kind: 'review' as const })),
  ].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

export const listCategories = (db: Db, workspaceId: string) =>
  db
    .select()
    .from(categories)
    .where(eq(categories.workspaceId, workspaceId))
    .orderBy(asc(categories.position), asc(categories.name));

export async function createCategory(db: Db, actor: Actor, name: string) {
  const clean = name.trim().slice(0, 60);
  if (!clean) throw communityError('CATEGORY_NAME_MISSING', { field: 'name' });
  const [{ last } = { last: null }] = await db
    .select({ last: max(categories.position) })
    .from(categories)
    .where(eq(categories.workspaceId, actor.workspaceId));
  const [row] = await db
    .insert(categories)
    .values({ workspaceId: actor.workspaceId, name: clean, position: (last ?? -1) + 1 })
    .onConflictDoNothing()
    .returning();
  if (!row) throw communityError('CATEGORY_NAME_TAKEN', { name: clean });
  return row;
}

export async function deleteCategory(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .delete(categories)
    .where(and(eq(categories.workspaceId, actor.workspaceId), eq(categories.id, id)))
    .returning();
  if (!row) throw communityError('CATEGORY_NOT_FOUND');
}

/** Ideas for the staff list: every visibility, merged ones out, most voted first. */
export async function staffIdeas(
  db: Db,
  workspaceId: string,
  o: { status?: IdeaStatus; q?: string; limit: number; offset: number },
) {
  return db
    .select()
    .from(ideas)
    .where(
      and(
        eq(ideas.workspaceId, workspaceId),
        sql`${ideas.mergedIntoId} is null`,
        o.status ? eq(ideas.status, o.status) : undefined,
        o.q ? sql`${ideas.search} @@ websearch_to_tsquery('simple', ${o.q})` : undefined,
      ),
    )
    .orderBy(desc(ideas.voteCount), desc(ideas.createdAt))
    .limit(o.limit)
    .offset(o.offset);
}

/** The team answers on the board: a comment in the team's name, visible at once. */
export async function staffComment(db: Db, actor: Actor, ideaId: string, body: string, now: Date) {
  const idea = await ideaOf(db, actor.workspaceId, ideaId);
  const [row] = await db
    .insert(comments)
    .values({
      workspaceId: actor.workspaceId,
      ideaId: idea.mergedIntoId ?? idea.id,
      userId: actor.userId,
      body,
      createdAt: now,
    })
    .returning();
  await recountComments(db, [row!.ideaId]);
  return row!;
}

/** Whether the board is open and whether new posts wait for a moderator. */
export async function boardSettings(db: Db, workspaceId: string) {
  const [row] = await db.select().from(communitySettings).where(eq(communitySettings.workspaceId, workspaceId));
  return { enabled: row?.enabled ?? true, requireApproval: row?.requireApproval ?? false };
}

export async function saveBoardSettings(
  db: Db,
  actor: Actor,
  input: { enabled: boolean; requireApproval: boolean },
  now: Date,
) {
  await db
    .insert(communitySettings)
    .values({ workspaceId: actor.workspaceId, ...input, updatedAt: now })
    .onConflictDoUpdate({ target: communitySettings.workspaceId, set: { ...input, updatedAt: now } });
  await recordAudit(db, actor, { action: 'community.settings', details: input });
}
