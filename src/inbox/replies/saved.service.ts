import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Actor } from '../../core/actor';
import { recordAudit, staffMember } from '../../accounts';
import { can } from '../../core/roles';
import { contactCard } from '../../contacts';
import type { Db } from '../../db/types';
import { getConversationRow } from '../conversations.service';
import { inboxError } from '../errors';
import { savedReplies } from './schema';
import { renderTemplate, TEMPLATE_VARIABLES, unknownVariables } from './template';

/** Saved replies: shared ones (admins keep them) and each agent's own. */
export type SavedReplyRow = typeof savedReplies.$inferSelect;

export const publicSavedReply = (s: SavedReplyRow) => ({
  id: s.id,
  name: s.name,
  body: s.body,
  shared: s.ownerId === null,
  ownerId: s.ownerId,
  updatedAt: s.updatedAt.toISOString(),
});

export async function listSavedReplies(db: Db, actor: Actor) {
  return db
    .select()
    .from(savedReplies)
    .where(
      and(
        eq(savedReplies.workspaceId, actor.workspaceId),
        or(isNull(savedReplies.ownerId), actor.userId ? eq(savedReplies.ownerId, actor.userId) : undefined),
      ),
    )
    .orderBy(asc(savedReplies.name));
}

function checkBody(body: string) {
  const unknown = unknownVariables(body);
  if (unknown.length)
    throw inboxError(
      'SAVED_REPLY_VARIABLE_UNKNOWN',
      {
        unknown: unknown.map((v) => `{{${v}}}`).join(', '),
        known: TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(', '),
      },
      { field: 'body', unknown },
    );
}

/** Shared replies are the workspace's (settings:manage); private ones their owner's. */
function assertMayChange(actor: Actor, s: { ownerId: string | null }) {
  if (s.ownerId === null ? !can(actor.role, 'settings:manage') : s.ownerId !== actor.userId)
    throw inboxError(s.ownerId === null ? 'SAVED_REPLY_SHARED_ADMINS_ONLY' : 'SAVED_REPLY_NOT_YOURS');
}

export async function createSavedReply(db: Db, actor: Actor, input: { name: string; body: string; shared: boolean }) {
  checkBody(input.body);
  const ownerId = input.shared ? null : actor.userId;
  if (!input.shared && !actor.userId) throw inboxError('SAVED_REPLY_KEY_PRIVATE', { field: 'shared' });
  assertMayChange(actor, { ownerId });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(savedReplies)
      .values({ workspaceId: actor.workspaceId, ownerId, name: input.name, body: input.body })
      .returning();
    await recordAudit(tx, actor, {
      action: 'saved_reply.created',
      targetType: 'saved_reply',
      targetId: row!.id,
      details: { name: input.name, shared: input.shared },
    });
    return row!;
  });
}

async function getOwn(db: Db, actor: Actor, id: string) {
  const [s] = await db
    .select()
    .from(savedReplies)
    .where(and(eq(savedReplies.workspaceId, actor.workspaceId), eq(savedReplies.id, id)));
  // Someone else's private reply is not there at all for this user.
  if (!s || (s.ownerId !== null && s.ownerId !== actor.userId)) throw inboxError('SAVED_REPLY_NOT_FOUND');
  return s;
}

export async function updateSavedReply(
  db: Db,
  actor: Actor,
  id: string,
  input: { name?: string; body?: string },
  now: Date,
) {
  if (input.body !== undefined) checkBody(input.body);
  const s = await getOwn(db, actor, id);
  assertMayChange(actor, s);
  const [row] = await db
    .update(savedReplies)
    .set({ ...input, updatedAt: now })
    .where(eq(savedReplies.id, id))
    .returning();
  return row!;
}

export async function deleteSavedReply(db: Db, actor: Actor, id: string) {
  const s = await getOwn(db, actor, id);
  assertMayChange(actor, s);
  await db.delete(savedReplies).where(eq(savedReplies.id, id));
}

/** The saved reply filled in for one conversation's author and the agent asking. */
export async function renderSavedReply(db: Db, actor: Actor, id: string, conversationId: string) {
  const s = await getOwn(db, actor, id);
  const conv = await getConversationRow(db, actor.workspaceId, conversationId);
  const contact = conv.contactId ? await contactCard(db, conv.contactId) : null;
  const agent = actor.userId ? await staffMember(db, actor.userId) : null;
  return renderTemplate(s.body, {
    authorName: conv.authorName ?? contact?.name ?? null,
    authorHandle: conv.authorHandle,
    company: contact?.company ?? null,
    agentName: agent?.name ?? null,
  });
}
