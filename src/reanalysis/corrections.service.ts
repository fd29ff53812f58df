import { recountContacts } from '../contacts';
import { refreshConversationsAnalysis } from '../inbox';
import { applyToRollups } from '../reports';
import { INTENTS, type Intent } from '../sentiment';
import type { Actor } from '../core/actor';
import { recordAudit } from '../accounts';
import type { Db } from '../db/types';
import { correctIntents, correctSentiment, mentionError, type mentionById, type OVERRIDE_LABELS } from '../mentions';

export type OverrideLabel = (typeof OVERRIDE_LABELS)[number];

type MentionRow = NonNullable<Awaited<ReturnType<typeof mentionById>>>;

/** What a person corrects of a mention: its sentiment, its intents, or both (null clears a correction). */
export interface Correction {
  sentiment?: OverrideLabel | null;
  intents?: Intent[] | null;
}

/**
 * A person corrects the model, in one transaction however much they change: the mention, the report
 * rollups (they count the effective label), the audit log, the author's totals and score, and the
 * conversation's intents, sentiment and priority all move together or not at all.
 */
export async function correctAnalysis(db: Db, actor: Actor, mentionId: string, c: Correction, now: Date) {
  return db.transaction(async (tx) => {
    let row: MentionRow | null = null;
    if (c.sentiment !== undefined) {
      // Out with the old label, in with the new. (A mention of another workspace throws below, and the
      // transaction undoes the counting out.)
      await applyToRollups(tx, [mentionId], -1);
      const changed = await correctSentiment(tx, actor.workspaceId, mentionId, c.sentiment, actor.userId, now);
      if (!changed) throw mentionError('MENTION_NOT_FOUND');
      await applyToRollups(tx, [mentionId], 1);
      const { before } = changed;
      row = changed.after;
      await recordAudit(tx, actor, {
        action: 'mention.sentiment_overridden',
        targetType: 'mention',
        targetId: mentionId,
        details: { from: before.sentimentOverride ?? before.sentimentLabel, to: c.sentiment ?? before.sentimentLabel },
      });
    }
    if (c.intents !== undefined) {
      const list = c.intents === null ? null : INTENTS.filter((i) => c.intents!.includes(i));
      const changed = await correctIntents(tx, actor.workspaceId, mentionId, list, actor.userId, now);
      if (!changed) throw mentionError('MENTION_NOT_FOUND');
      const { before } = changed;
      row = changed.after;
      await recordAudit(tx, actor, {
        action: 'mention.intents_overridden',
        targetType: 'mention',
        targetId: mentionId,
        details: { from: before.intentsOverride ?? before.intents, to: list ?? before.intents },
      });
    }
    if (!row) throw mentionError('MENTION_NOT_FOUND');
    // Purchase intents, questions and the mean sentiment count towards the author's score.
    if (row.contactId) await recountContacts(tx, actor.workspaceId, [row.contactId], now);
    if (row.conversationId) await refreshConversationsAnalysis(tx, actor.workspaceId, [row.conversationId], now);
    return row;
  });
}

/** A person corrects the sentiment label (or clears the correction with null); reports use the correction. */
export const overrideSentiment = (db: Db, actor: Actor, mentionId: string, label: OverrideLabel | null, now: Date) =>
  correctAnalysis(db, actor, mentionId, { sentiment: label }, now);

/** A person corrects the intents the model found (or clears the correction with null). */
export const overrideIntents = (db: Db, actor: Actor, mentionId: string, intents: Intent[] | null, now: Date) =>
  correctAnalysis(db, actor, mentionId, { intents }, now);
