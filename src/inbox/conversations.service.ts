import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { activeStaff, isActiveStaff } from '../accounts';
import type { Db } from '../db/types';
import { conversationMentions } from '../mentions';
import { replies } from './replies/schema';
import { canonicalTags, cleanTags } from '../tags';
import { ENGLISH } from '../core/i18n/translator';
import { inboxError } from './errors';
import { storedNotice } from './notification-text';
import { priorityReasonText, storedReason } from './priority-reason';
import { publish } from './live';
import {
  conversationEvents,
  conversationNotes,
  type ConversationRow,
  type ConversationStatus,
  conversations,
  notifications,
  type Priority,
  PRIORITIES,
} from './schema';

export const publicConversation = (c: ConversationRow) => ({
  id: c.id,
  platform: c.platform,
  status: c.status,
  snoozedUntil: c.snoozedUntil?.toISOString() ?? null,
  assigneeId: c.assigneeId,
  priority: c.priority,
  // The API keeps its English sentence; pages put the stored facts in the reader's language.
  priorityReason: priorityReasonText(ENGLISH, c.priorityReason),
  tags: c.tags,
  topicIds: c.topicIds,
  intents: c.intents,
  sentiment: c.sentimentLabel,
  sentimentScore: c.sentimentScore,
  sentimentConfidence: c.sentimentConfidence,
  language: c.language,
  subject: c.subject,
  author: { name: c.authorName, handle: c.authorHandle, followers: c.authorFollowers, contactId: c.contactId },
  mentionCount: c.mentionCount,
  firstInboundAt: c.firstInboundAt.toISOString(),
  lastInboundAt: c.lastInboundAt.toISOString(),
  waitingSince: c.waitingSince?.toISOString() ?? null,
  firstResponseAt: c.firstResponseAt?.toISOString() ?? null,
  resolvedAt: c.resolvedAt?.toISOString() ?? null,
  slaStartedAt: (c.slaStartedAt ?? c.firstInboundAt).toISOString(),
  firstResponseDueAt: c.firstResponseDueAt?.toISOString() ?? null,
  resolutionDueAt: c.resolutionDueAt?.toISOString() ?? null,
  updatedAt: c.updatedAt.toISOString(),
});

export async function getConversationRow(db: Db, workspaceId: string, id: string): Promise<ConversationRow> {
  const [c] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, id)));
  if (!c) throw inboxError('CONVERSATION_NOT_FOUND');
  return c;
}

/** The post a comment was written under: its text (when the platform gave it) and link. */
export interface OriginalPost {
  message: string | null;
  url: string | null;
}

/** Reads `raw.post` ({id, message, url}) as connectors keep it; anything else is no original post. */
export function originalPostOf(raw: unknown): OriginalPost | null {
  const post = (raw as { post?: unknown } | null)?.post as Record<string, unknown> | undefined;
  if (!post || typeof post !== 'object' || typeof post.id !== 'string') return null;
  const text = (v: unknown) => (typeof v === 'string' && v ? v : null);
  return { message: text(post.message), url: text(post.url) };
}

export type ThreadItem =
  | {
      kind: 'inbound';
      id: string;
      at: string;
      title: string | null;
      text: string;
      /** The post was longer than we keep: the page says so and links to the original. */
      truncated: boolean;
      url: string | null;
      authorName: string | null;
      authorHandle: string | null;
      sentiment: string | null;
      sentimentOverride: string | null;
      sentimentScore: number | null;
      sentimentConfidence: number | null;
      intents: string[];
      intentsOverride: string[] | null;
      externalId: string;
      deleted: boolean;
      /** Staff hid it on the platform (it may be shown again), or liked it as the account. */
      hidden: boolean;
      liked: boolean;
      /** The post a comment is under, as the connector kept it beside the comment (Facebook, Instagram). */
      onPost: OriginalPost | null;
      /** A review's stars (1-5), where the platform gives them. */
      rating: number | null;
      /** When its author last changed it (words or stars), if ever. */
      editedAt: string | null;
      /** The source it came in through: a reply to it is posted as that source's account. */
      sourceId: string | null;
    }
  | {
      kind: 'reply';
      id: string;
      at: string;
      text: string;
      status: string;
      url: string | null;
      error: string | null;
      authorId: string | null;
      inReplyToMentionId: string;
      /** An attempt may be on the platform unanswered: shown until the platform is checked. */
      uncertain: boolean;
      /** Taken down again on the platform (a review response). */
      retracted: boolean;
    }
  | { kind: 'note'; id: string; at: string; text: string; authorId: string | null }
  | { kind: 'event'; id: string; at: string; event: string; actorId: string | null; details: Record<string, unknown> };

/** The thread in time order: inbound posts, our replies, internal notes and the history, told apart. */
export async function conversationThread(db: Db, workspaceId: string, id: string): Promise<ThreadItem[]> {
  const [inbound, sent, notes, events] = await Promise.all([
    conversationMentions(db, workspaceId, id),
    db
      .select()
      .from(replies)
      .where(and(eq(replies.workspaceId, workspaceId), eq(replies.conversationId, id)))
      .orderBy(asc(replies.createdAt)),
    db
      .select()
      .from(conversationNotes)
      .where(and(eq(conversationNotes.workspaceId, workspaceId), eq(conversationNotes.conversationId, id)))
      .orderBy(asc(conversationNotes.createdAt)),
    db
      .select()
      .from(conversationEvents)
      .where(and(eq(conversationEvents.workspaceId, workspaceId), eq(conversationEvents.conversationId, id)))
      .orderBy(asc(conversationEvents.createdAt)),
  ]);
  const items: ThreadItem[] = [
    ...inbound.map((m) => ({
      kind: 'inbound' as const,
      id: m.id,
      at: m.postedAt.toISOString(),
      title: m.title,
      text: m.text,
      truncated: m.textTruncated,
      url: m.url,
      authorName: m.authorName,
      authorHandle: m.authorHandle,
      sentiment: m.sentimentLabel,
      sentimentOverride: m.sentimentOverride,
      sentimentScore: m.sentimentScore,
      sentimentConfidence: m.sentimentConfidence,
      intents: m.intents,
      intentsOverride: m.intentsOverride,
      externalId: m.externalId,
      deleted: m.deletedAt !== null,
      hidden: m.hiddenAt !== null,
      liked: m.likedAt !== null,
      onPost: originalPostOf(m.raw),
      rating: typeof m.metrics.rating === 'number' ? m.metrics.rating : null,
      editedAt: m.editedAt?.toISOString() ?? null,
      sourceId: m.sourceId,
    })),
    ...sent.map((r) => ({
      kind: 'reply' as const,
      id: r.id,
      at: (r.sentAt ?? r.createdAt).toISOString(),
      text: r.text,
      status: r.status,
      url: r.platformUrl,
      error: r.lastError,
      authorId: r.createdBy,
      inReplyToMentionId: r.inReplyToMentionId,
      uncertain: r.uncertain,
      retracted: r.retractedAt !== null,
    })),
    ...notes.map((n) => ({
      kind: 'note' as const,
      id: n.id,
      at: n.createdAt.toISOString(),
      text: n.body,
      authorId: n.authorId,
    })),
    ...events
      .filter((e) => e.kind !== 'note' && e.kind !== 'reply')
      .map((e) => ({
        kind: 'event' as const,
        id: e.id,
        at: e.createdAt.toISOString(),
        event: e.kind,
        actorId: e.actorId,
        details: e.details,
      })),
  ];
  return items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export interface ConversationPatch {
  status?: ConversationStatus;
  snoozedUntil?: Date | null;
  assigneeId?: string | null;
  priority?: Priority;
  tags?: string[];
  /** Bulk-friendly: tags added to / removed from each conversation's own. */
  addTags?: string[];
  removeTags?: string[];
}

async function assertAssignable(db: Db, workspaceId: string, userId: string) {
  if (!(await isActiveStaff(db, workspaceId, userId))) throw inboxError('ASSIGNEE_NOT_ACTIVE', { field: 'assigneeId' });
}

/** Applies a triage change to conversations (one, or a bulk selection), each change recorded in their history. */
export async function updateConversations(
  db: Db,
  actor: Actor,
  ids: string[],
  patch: ConversationPatch,
  now: Date,
): Promise<ConversationRow[]> {
  if (patch.status === 'snoozed' && !patch.snoozedUntil)
    throw inboxError('SNOOZE_NEEDS_TIME', { field: 'snoozedUntil' });
  if (patch.snoozedUntil && patch.snoozedUntil <= now) throw inboxError('SNOOZE_IN_PAST', { field: 'snoozedUntil' });
  if (patch.assigneeId) await assertAssignable(db, actor.workspaceId, patch.assigneeId);
  return db.transaction(async (tx) => {
    const current = await tx
      .select()
      .from(conversations)
      .where(and(eq(conversations.workspaceId, actor.workspaceId), inArray(conversations.id, ids)))
      .for('update');
    // Tags given are spelled as the workspace already spells them (one vocabulary with contacts).
    const spelling = new Map(
      (await canonicalTags(tx, actor.workspaceId, [...(patch.tags ?? []), ...(patch.addTags ?? [])])).map((t) => [
        t.toLowerCase(),
        t,
      ]),
    );
    const spelled = (list: string[]) => list.map((t) => spelling.get(t.trim().toLowerCase()) ?? t.trim());
    if (current.length !== new Set(ids).size) throw inboxError('CONVERSATION_NOT_FOUND');
    const events: (typeof conversationEvents.$inferInsert)[] = [];
    const out: ConversationRow[] = [];
    for (const c of current) {
      const set: Partial<typeof conversations.$inferInsert> = { updatedAt: now };
      const ev = (kind: (typeof conversationEvents.$inferInsert)['kind'], details: Record<string, unknown>) =>
        events.push({ workspaceId: actor.workspaceId, conversationId: c.id, kind, actorId: actor.userId, details });
      // Snoozing a snoozed conversation again moves its wake-up time (the snooze menu offers it).
      const resnooze =
        patch.status === 'snoozed' &&
        c.status === 'snoozed' &&
        patch.snoozedUntil!.getTime() !== c.snoozedUntil?.getTime();
      if (patch.status && (patch.status !== c.status || resnooze)) {
        set.status = patch.status;
        set.snoozedUntil = patch.status === 'snoozed' ? patch.snoozedUntil! : null;
        if (patch.status === 'closed') set.resolvedAt = now;
        if (c.status === 'closed') set.resolvedAt = null;
        ev('status', {
          from: c.status,
          to: patch.status,
          ...(patch.status === 'snoozed' ? { until: patch.snoozedUntil!.toISOString() } : {}),
        });
      }
      if (patch.assigneeId !== undefined && patch.assigneeId !== c.assigneeId) {
        set.assigneeId = patch.assigneeId;
        ev('assigned', { from: c.assigneeId, to: patch.assigneeId });
      }
      if (patch.priority && patch.priority !== c.priority) {
        set.priority = patch.priority;
        set.priorityRank = PRIORITIES.indexOf(patch.priority);
        set.priorityPinned = true;
        set.priorityReason = storedReason([{ code: 'set_by_staff' }]);
        ev('priority', { from: c.priority, to: patch.priority });
      }
      if (patch.tags || patch.addTags || patch.removeTags) {
        const removed = new Set((patch.removeTags ?? []).map((t) => t.trim().toLowerCase()));
        const tags = cleanTags([
          ...(patch.tags ? spelled(patch.tags) : c.tags),
          ...spelled(patch.addTags ?? []),
        ]).filter((t) => !removed.has(t.toLowerCase()));
        if (tags.join('\u0000') !== c.tags.join('\u0000')) {
          set.tags = tags;
          ev('tags', { from: c.tags, to: tags });
        }
      }
      const [row] = await tx.update(conversations).set(set).where(eq(conversations.id, c.id)).returning();
      out.push(row!);
    }
    if (events.length) await tx.insert(conversationEvents).values(events);
    await publish(
      tx,
      actor.workspaceId,
      out.map((c) => ({ type: 'conversation', id: c.id, change: 'updated' })),
    );
    const assigned = events.filter((e) => e.kind === 'assigned' && e.details?.to && e.details.to !== actor.userId);
    if (assigned.length) {
      await tx.insert(notifications).values(
        assigned.map((e) => ({
          workspaceId: actor.workspaceId,
          userId: e.details!.to as string,
          kind: 'assigned',
          conversationId: e.conversationId,
          text: storedNotice({ by: 'person' }),
        })),
      );
    }
    return out;
  });
}

/** "@ana" or "@ana@example.com" in a note names a teammate: by email, or by the part before "@". */
export function mentionedHandles(body: string): string[] {
  return [
    ...new Set(
      [...body.matchAll(/(?:^|[\s(])@([\w.+-]+(?:@[\w-]+(?:\.[\w-]+)+)?)/g)].map((m) =>
        m[1]!.toLowerCase().replace(/[.]+$/, ''),
      ),
    ),
  ];
}

export async function addConversationNote(db: Db, actor: Actor, conversationId: string, body: string) {
  return db.transaction(async (tx) => {
    const c = await getConversationRow(tx, actor.workspaceId, conversationId);
    const handles = mentionedHandles(body);
    const team = handles.length ? await activeStaff(tx, actor.workspaceId) : [];
    const mentioned = team
      .filter((u) => handles.includes(u.email) || handles.includes(u.email.split('@')[0]!))
      .map((u) => u.id);
    const [note] = await tx
      .insert(conversationNotes)
      .values({
        workspaceId: actor.workspaceId,
        conversationId,
        contactId: c.contactId,
        authorId: actor.userId,
        body,
        mentionedUserIds: mentioned,
      })
      .returning();
    await tx.insert(conversationEvents).values({
      workspaceId: actor.workspaceId,
      conversationId,
      kind: 'note',
      actorId: actor.userId,
      details: { noteId: note!.id },
    });
    const notify = mentioned.filter((id) => id !== actor.userId);
    if (notify.length) {
      await tx.insert(notifications).values(
        notify.map((userId) => ({
          workspaceId: actor.workspaceId,
          userId,
          kind: 'note_mention',
          conversationId,
          text: body.slice(0, 280),
        })),
      );
    }
    await tx
      .update(conversations)
      .set({ lastActivityAt: sql`greatest(${conversations.lastActivityAt}, now())` })
      .where(eq(conversations.id, conversationId));
    await publish(tx, actor.workspaceId, [{ type: 'note', id: note!.id, conversationId }]);
    return {
      id: note!.id,
      body: note!.body,
      authorId: note!.authorId,
      mentionedUserIds: note!.mentionedUserIds,
      createdAt: note!.createdAt.toISOString(),
    };
  });
}
