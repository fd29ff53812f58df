import { z } from 'zod';
import { daysAhead, nextWeekday, zonedInstant } from '../core/i18n/zoned-time';
import { BulkUpdate, ConversationPatch } from './conversation.input';
import { said } from '../http/input-words';
import { inboxError } from './errors';
import { IdempotencyKey, ReplyInput } from './replies/reply.input';
import { common } from './views/messages';

/**
 * The inbox pages' forms, made of their actions' schemas (conversation.input.ts, replies/reply.input.ts):
 * where a widget says more than the JSON (an assignee select's 'none', a snooze preset), this says how.
 */

const patch = ConversationPatch.shape;

/** An assignee select: a teammate, or 'none' to unassign. */
const Assignee = z
  .union([z.literal('none'), z.uuid()], said(common.chooseTeammate))
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

/**
 * The conversation page's triage controls (each its own small form posting one field, or the snooze menu); a
 * snooze is a preset (`1h`, `tomorrow`) or `until` the time typed, read on the viewer's clock (their time
 * zone). `list` is the inbox list the conversation was opened from (its query string), where the next one is.
 */
export const TriageForm = z.object({
  assigneeId: Assignee.nullable().optional(),
  status: patch.status,
  snoozeFor: z.string().max(20).optional(),
  snoozeUntil: z.string().max(40).optional(),
  priority: patch.priority,
  tags: patch.tags,
  list: z.string().max(2000).optional(),
});
export const TRIAGE_FORM = { lists: { tags: ',' } };

/** The snooze presets, in the order offered: hours from now, or 09:00 on the viewer's clock. */
export const SNOOZE_PRESETS = ['1h', '4h', 'tomorrow', '24h', '72h', 'monday', '168h'] as const;
export type SnoozePreset = (typeof SNOOZE_PRESETS)[number];
/** What the snooze menu offers (besides a time of one's own); the other presets stay accepted from old forms. */
export const SNOOZE_MENU = ['1h', 'tomorrow', 'monday'] as const satisfies readonly SnoozePreset[];
const HOUR_MS = 3_600_000;
const MORNING = { hour: 9 };

/** When a preset ends, from `now`, in the viewer's zone: `tomorrow` is 09:00 tomorrow on their clock. */
export function snoozePresetEnd(preset: SnoozePreset, now: Date, timeZone: string): Date {
  if (preset === 'tomorrow') return daysAhead(now, timeZone, 1, MORNING) ?? new Date(now.getTime() + 24 * HOUR_MS);
  if (preset === 'monday') return nextWeekday(now, timeZone, 1, MORNING) ?? new Date(now.getTime() + 168 * HOUR_MS);
  return new Date(now.getTime() + Number.parseInt(preset, 10) * HOUR_MS);
}

const isPreset = (v: string): v is SnoozePreset => (SNOOZE_PRESETS as readonly string[]).includes(v);

/**
 * When a snooze from the triage form ends: a preset (4 hours when none is picked), or `until` the
 * datetime-local field, which holds the viewer's wall clock and is read in their zone.
 */
export function snoozeEnd(
  form: { snoozeFor?: string | undefined; snoozeUntil?: string | undefined },
  now: Date,
  timeZone: string,
): Date {
  const choice = form.snoozeFor?.trim() || '4h';
  if (choice === 'until') {
    const at = zonedInstant(form.snoozeUntil ?? '', timeZone);
    if (!at) throw inboxError('SNOOZE_TIME_MISSING', { field: 'snoozeUntil' });
    return at;
  }
  return snoozePresetEnd(isPreset(choice) ? choice : '4h', now, timeZone);
}

/** The composer: the reply, and the key that makes posting it twice send it once. */
export const ReplyForm = ReplyInput.extend({ idempotencyKey: IdempotencyKey.optional() });
