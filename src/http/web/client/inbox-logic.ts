/**
 * The inbox list's decisions, pure over ids and values so they are tested alone (client-logic.test.ts): where a
 * live row goes without moving what the person reads, what opens after a conversation leaves, what Undo sends.
 */

/**
 * Where a changed row goes, from the fragment's answer: replaced in place, inserted after the row the
 * server names (or first), or removed when it left this view.
 */
export function placement(
  present: readonly string[],
  id: string,
  answer: { status: number; after: string | null },
): { kind: 'replace' } | { kind: 'insert'; after: string | null } | { kind: 'remove' } | { kind: 'none' } {
  const at = present.indexOf(id);
  const here = at >= 0;
  const gone = here ? ({ kind: 'remove' } as const) : ({ kind: 'none' } as const);
  if (answer.status !== 200) return gone;
  // Its place is after a row this page does not show: it belongs to a later page.
  if (answer.after !== null && !present.includes(answer.after)) return gone;
  const before = here ? (at === 0 ? null : (present[at - 1] ?? null)) : undefined;
  return before === answer.after ? { kind: 'replace' } : { kind: 'insert', after: answer.after };
}

/** What a live answer does to the list while someone reads it. */
export type LiveStep =
  | { kind: 'replace' }
  | { kind: 'insert'; after: string | null }
  | { kind: 'hold' }
  | { kind: 'stay' }
  | { kind: 'remove' }
  | { kind: 'none' };

/**
 * Like `placement`, but nothing is pushed: a conversation new to the list waits for "show" (`hold`), unless the
 * list is empty (nothing to push) or `direct` (the person's own Undo brings it back); a row whose place changed
 * is updated where it is (`stay`) and takes its new place when the list is shown again.
 */
export function liveStep(
  present: readonly string[],
  id: string,
  answer: { status: number; after: string | null },
  direct = false,
): LiveStep {
  const where = placement(present, id, answer);
  if (where.kind !== 'insert' || direct) return where;
  if (present.includes(id)) return { kind: 'stay' };
  return present.length === 0 ? where : { kind: 'hold' };
}

/**
 * The conversation to open after `id` left the list: the next row of the order the person saw (`order`, taken
 * when it opened) still in the list, else the nearest one before it; null when none is left.
 */
export function nextOpen(order: readonly string[], id: string, present: readonly string[]): string | null {
  const here = new Set(present.filter((x) => x !== id));
  const at = order.indexOf(id);
  if (at < 0) return present.find((x) => x !== id) ?? null;
  for (let i = at + 1; i < order.length; i++) if (here.has(order[i]!)) return order[i]!;
  for (let i = at - 1; i >= 0; i--) if (here.has(order[i]!)) return order[i]!;
  return null;
}

/** A row's state before a key changed it, as its data attributes hold it. */
export interface RowState {
  status: string;
  assigneeId: string | null;
  snoozedUntil: string | null;
}

/** The PATCH that puts back what `e` (close) or `a` (assign to me) changed. */
export function undoPatch(before: RowState, change: 'close' | 'assign'): Record<string, string | null> {
  if (change === 'assign') return { assigneeId: before.assigneeId };
  const patch: Record<string, string | null> = { status: before.status };
  if (before.status === 'snoozed' && before.snoozedUntil) patch.snoozedUntil = before.snoozedUntil;
  return patch;
}

/** The inbox URL with the split view's conversation set (or none), the filters kept. */
export function withOpen(search: string, id: string | null): string {
  const params = new URLSearchParams(search);
  if (id) params.set('open', id);
  else params.delete('open');
  const s = params.toString();
  return s ? `/inbox?${s}` : '/inbox';
}

/** The split view's conversation named by a URL's query. */
export function openOf(search: string): string | null {
  const id = new URLSearchParams(search).get('open');
  return id && /^[0-9a-f-]{36}$/i.test(id) ? id : null;
}
