import { Hono } from 'hono';
import { z } from 'zod';
import { coreError } from '../core/errors';
import type { AppEnv } from '../http/env';
import { assertCan, parseForm, pathId, requireStaffPage } from '../http/pages';
import { conversationThread } from '../inbox';
import { MentionIntentsBody, MentionSentimentBody } from './corrections.input';
import { type Correction, correctAnalysis } from './corrections.service';
import { reanalysisError } from './errors';

/**
 * The correction form: the two corrections' schemas, with a sentiment select whose 'model' (as analysed)
 * clears the correction, the intents as checkboxes, and a box to drop the intents correction.
 */
const CorrectionForm = z.object({
  sentiment: z
    .union([z.literal('model'), MentionSentimentBody.shape.label])
    .transform((s) => (s === 'model' ? null : s))
    .optional(),
  intents: MentionIntentsBody.shape.intents.unwrap(),
  resetIntents: z.boolean(),
});

/** The correction form under each post of a conversation (the inbox renders it, this answers it). */
// Its own guard on its one route: a `.use('/inbox/*')` here would run again for every inbox page.
export const correctionPages = new Hono<AppEnv>().post(
  '/inbox/c/:id/mentions/:mentionId/analysis',
  requireStaffPage,
  async (c) => {
    const actor = assertCan(c, 'inbox:write');
    const id = pathId(c, 'conversation');
    const mentionId = pathId(c, 'mention', 'mentionId');
    const form = await parseForm(c, CorrectionForm);
    // The form offers nothing that fails: only a hand-made post lands here.
    if (!form.ok) throw coreError('FORM_INVALID', { problem: form.message });
    const db = c.var.deps.db;
    const now = c.var.deps.clock();
    const thread = await conversationThread(db, actor.workspaceId, id);
    const post = thread.find((i) => i.kind === 'inbound' && i.id === mentionId);
    if (post?.kind !== 'inbound') throw reanalysisError('POST_NOT_IN_CONVERSATION');
    const label = form.data.sentiment ?? null;
    const chosen = form.data.intents;
    const current = post.intentsOverride ?? post.intents;
    // Only what changed is corrected, both in one transaction.
    const correction: Correction = {};
    if (label !== post.sentimentOverride) correction.sentiment = label;
    if (form.data.resetIntents) {
      if (post.intentsOverride) correction.intents = null;
    } else if ([...chosen].sort().join() !== [...current].sort().join()) correction.intents = chosen;
    if (Object.keys(correction).length) await correctAnalysis(db, actor, mentionId, correction, now);
    return c.redirect(`/inbox/c/${id}?ok=corrected#post-${mentionId}`, 303);
  },
);
