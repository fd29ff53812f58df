import { z } from '@hono/zod-openapi';
import { MODERATION_ACTIONS } from '../core/moderation';
import { CONVERSATION_STATUSES, PRIORITIES } from './schema';
import { inputWords as w, said } from '../http/input-words';

/** One schema per action, shared by the JSON API (inbox routes) and the inbox pages' forms (page-forms.ts). */

const Tags = z
  .array(
    z
      .string()
      .trim()
      .min(1)
      .max(60, said(w.atMostCharactersEach, { max: 60 })),
  )
  .max(30, said(w.atMost, { max: 30 }));

export const ConversationPatch = z
  .object({
    status: z.enum(CONVERSATION_STATUSES),
    snoozedUntil: z.iso.datetime({ offset: true }).nullable(),
    assigneeId: z.uuid().nullable(),
    priority: z.enum(PRIORITIES),
    tags: Tags.openapi({ description: 'Replaces the tags' }),
    addTags: Tags.openapi({ description: 'Added to each conversation’s tags (bulk)' }),
    removeTags: Tags.openapi({ description: 'Removed from each conversation’s tags (bulk)' }),
  })
  .partial()
  .openapi('ConversationPatch');

export const BulkUpdate = z.object({
  ids: z.array(z.uuid()).min(1, said(w.selectConversation)).max(500),
  patch: ConversationPatch,
});

/** Hide, show again, delete or like a post of the conversation on its platform, as the connected account. */
export const ModerationInput = z.object({ action: z.enum(MODERATION_ACTIONS) }).openapi('ModerationInput');

export const NoteInput = z.object({ body: z.string().trim().min(1, said(w.writeSomething)).max(10_000) });
