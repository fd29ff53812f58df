import { recountContacts } from '../contacts';
import { refreshConversationAnalysis } from '../inbox';
import { applyToRollups } from '../reports';
import { INTENTS, type Intent } from '../sentiment';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { recordAudit } from '../accounts';
import { notFound } from '../core/errors';
import type { Db } from '../db/types';
import { mentions, type OVERRIDE_LABELS } from '../mentions';

export type OverrideLabel = (typeof OVERRIDE_LABELS)[number];

/** A person corrects the model (or clears a correction with null); reports use the correction. */
export async function overrideSentiment(
  db: Db,
  actor: Actor,
  mentionId: string,
  label: OverrideLabel | null,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(mentions)
      .where(and(eq(mentions.workspaceId, actor.workspaceId), eq(mentions.id, mentionId)));
    if (!current) throw notFound('Mention');
    // The report rollups count the effective label: out with the old one, in with the new.
    await applyToRollups(tx, [mentionId], -1);
    const [row] = await tx
      .update(mentions)
      .set({
        sentimentOverride: label,
        sentimentOverrideBy: label ? actor.userId : null,
        sentimentOverrideAt: label ? now : null,
      })
      .where(eq(mentions.id, mentionId))
      .returning();
    await applyToRollups(tx, [mentionId], 1);
    await recordAudit(tx, actor, {
      action: 'mention.sentiment_overridden',
      targetType: 'mention',
      targetId: mentionId,
      details: { from: current.sentimentOverride ?? current.sentimentLabel, to: label ?? current.sentimentLabel },
    });
    // The author's mean sentiment and score follow the correction.
    if (row!.contactId) await recountContacts(tx, actor.workspaceId, [row!.contactId], now);
    if (row!.conversationId) await refreshConversationAnalysis(tx, actor.workspaceId, row!.conversationId, now);
    return row!;
  });
}

/** A person corrects the intents the model found (or clears the correction with null). */
export async function overrideIntents(db: Db, actor: Actor, mentionId: string, intents: Intent[] | null, now: Date) {
  const list = intents === null ? null : INTENTS.filter((i) => intents.includes(i));
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(mentions)
      .where(and(eq(mentions.workspaceId, actor.workspaceId), eq(mentions.id, mentionId)));
    if (!current) throw notFound('Mention');
    const [row] = await tx
      .update(mentions)
      .set({
        intentsOverride: list,
        intentsOverrideBy: list ? actor.userId : null,
        intentsOverrideAt: list ? now : null,
      })
      .where(eq(mentions.id, mentionId))
      .returning();
    await recordAudit(tx, actor, {
      action: 'mention.intents_overridden',
      targetType: 'mention',
      targetId: mentionId,
      details: { from: current.intentsOverride ?? current.intents, to: list ?? current.intents },
    });
    // Purchase intents and questions count towards the author's score.
    if (row!.contactId) await recountContacts(tx, actor.workspaceId, [row!.contactId], now);
    if (row!.conversationId) await refreshConversationAnalysis(tx, actor.workspaceId, row!.conversationId, now);
    return row!;
  });
}
