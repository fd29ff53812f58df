import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../core/errors';
import type { AppEnv } from '../http/env';
import { assertCan, formFields, pathId } from '../http/pages';
import { conversationThread } from '../inbox';
import { INTENTS, type Intent } from '../sentiment';
import { overrideIntents, overrideSentiment } from './corrections.service';

const Uuid = z.uuid();
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The correction form under each post of a conversation (the inbox renders it, this answers it). */
export const correctionPages = new Hono<AppEnv>().post('/inbox/c/:id/mentions/:mentionId/analysis', async (c) => {
  const actor = assertCan(c, 'inbox:write');
  const id = pathId(c, 'Conversation');
  const mentionId = c.req.param('mentionId');
  if (!Uuid.safeParse(mentionId).success) throw new AppError('NOT_FOUND', 'Mention not found');
  const form = await formFields(c);
  const db = c.var.deps.db;
  const now = c.var.deps.clock();
  const sentiment = one(form.sentiment);
  const thread = await conversationThread(db, actor.workspaceId, id);
  const post = thread.find((i) => i.kind === 'inbound' && i.id === mentionId);
  if (post?.kind !== 'inbound') throw new AppError('NOT_FOUND', 'This post is not part of the conversation');
  const label = sentiment === 'positive' || sentiment === 'neutral' || sentiment === 'negative' ? sentiment : null;
  if (label !== post.sentimentOverride) await overrideSentiment(db, actor, mentionId, label, now);
  const chosen = many(form.intents).filter((i): i is Intent => (INTENTS as readonly string[]).includes(i));
  const current = post.intentsOverride ?? post.intents;
  if (one(form.resetIntents) === '1') {
    if (post.intentsOverride) await overrideIntents(db, actor, mentionId, null, now);
  } else if ([...chosen].sort().join() !== [...current].sort().join()) {
    await overrideIntents(db, actor, mentionId, chosen, now);
  }
  return c.redirect(`/inbox/c/${id}?ok=corrected#post-${mentionId}`, 303);
});
