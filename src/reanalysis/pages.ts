import { Hono } from 'hono';
import { AppError } from '../core/errors';
import type { AppEnv } from '../http/env';
import { assertCan, formFields, formValue, formValues, pathId, requireStaffPage } from '../http/pages';
import { conversationThread } from '../inbox';
import { OVERRIDE_LABELS } from '../mentions';
import { INTENTS, type Intent } from '../sentiment';
import { overrideIntents, overrideSentiment } from './corrections.service';

/** The correction form under each post of a conversation (the inbox renders it, this answers it). */
// Its own guard on its one route: a `.use('/inbox/*')` here would run again for every inbox page.
export const correctionPages = new Hono<AppEnv>().post(
  '/inbox/c/:id/mentions/:mentionId/analysis',
  requireStaffPage,
  async (c) => {
    const actor = assertCan(c, 'inbox:write');
    const id = pathId(c, 'Conversation');
    const mentionId = pathId(c, 'Mention', 'mentionId');
    const form = await formFields(c);
    const db = c.var.deps.db;
    const now = c.var.deps.clock();
    const sentiment = formValue(form.sentiment);
    const thread = await conversationThread(db, actor.workspaceId, id);
    const post = thread.find((i) => i.kind === 'inbound' && i.id === mentionId);
    if (post?.kind !== 'inbound') throw new AppError('NOT_FOUND', 'This post is not part of the conversation');
    const label = OVERRIDE_LABELS.find((l) => l === sentiment) ?? null;
    if (label !== post.sentimentOverride) await overrideSentiment(db, actor, mentionId, label, now);
    const chosen = formValues(form.intents).filter((i): i is Intent => (INTENTS as readonly string[]).includes(i));
    const current = post.intentsOverride ?? post.intents;
    if (formValue(form.resetIntents) === '1') {
      if (post.intentsOverride) await overrideIntents(db, actor, mentionId, null, now);
    } else if ([...chosen].sort().join() !== [...current].sort().join()) {
      await overrideIntents(db, actor, mentionId, chosen, now);
    }
    return c.redirect(`/inbox/c/${id}?ok=corrected#post-${mentionId}`, 303);
  },
);
