import { z } from 'zod';
import { BulkUpdate, ConversationPatch } from './conversation.input';
import { IdempotencyKey, ReplyInput } from './replies/reply.input';

/**
 * The inbox pages' forms, made of their actions' schemas (conversation.input.ts, replies/reply.input.ts):
 * where a widget says more than the JSON (an assignee select's 'none', a snooze preset), this says how.
 */

const patch = ConversationPatch.shape;

/** An assignee select: a teammate, or 'none' to unassign. */
const Assignee = z
  .union([z.literal('none'), z.uuid()], { error: 'choose a teammate to assign' })
  .transform((a) => (a === 'none' ? null : a));

/** The list's bulk bar: the conversations ticked, and what to change (a blank select changes nothing). */
export const BulkForm = z.object({
  ids: BulkUpdate.shape.ids,
  assigneeId: Assignee.optional(),
  status: patch.status,
  priority: patch.priority,
  addTag: patch.addTags,
  next: z.string().max(2000).optional(),
});
/** The bulk form's list fields; its labels are in the viewer's language (pages.tsx). */
export const BULK_FORM = { lists: { addTag: ',' } };

/** The conversation page's triage form; a snooze is a preset (`4h`) or `until` the time typed (UTC). */
export const TriageForm = z.object({
  assigneeId: Assignee.nullable().optional(),
  status: patch.status,
  snoozeFor: z.string().max(20).optional(),
  snoozeUntil: z.string().max(40).optional(),
  priority: patch.priority,
  tags: patch.tags,
});
export const TRIAGE_FORM = { lists: { tags: ',' } };

/** The composer: the reply, and the key that makes posting it twice send it once. */
export const ReplyForm = ReplyInput.extend({ idempotencyKey: IdempotencyKey.optional() });
