/**
 * Platforms that are only polled (YouTube, Google reviews, the app stores, LinkedIn) never say that an item
 * was deleted or edited after we read it: it just stops appearing, or changes where a newest-first read no
 * longer looks. So a connector remembers the ids it brought in lately (newest first, a few hundred, in its
 * cursor) and at the end of each sweep asks the platform about a few of them in turn: what is still there
 * comes back as it is now (the store updates an edit in place, rating included), what is gone is marked
 * deleted (PollPage.removed). A whole round over the remembered ids takes MAX_SEEN / batch sweeps.
 */
export interface RecheckState {
  /** Ids brought in lately, newest first. */
  ids: string[];
  /** Where the next batch starts. */
  next: number;
}

export const MAX_SEEN = 200;

/** The state with these ids (newest first) put in front, each once, the oldest beyond `max` forgotten. */
export function rememberSeen(state: RecheckState | undefined, ids: readonly string[], max = MAX_SEEN): RecheckState {
  const fresh = [...new Set(ids)];
  const before = state?.ids ?? [];
  const kept = before.filter((id) => !fresh.includes(id));
  const next = [...fresh, ...kept].slice(0, max);
  // The round goes on where it was: the id it was about to ask about moved back by what came in front.
  const due = before[state?.next ?? 0];
  const at = due === undefined ? -1 : next.indexOf(due);
  return { ids: next, next: at < 0 ? 0 : at };
}

/** The next `size` ids to ask about (going round), and the state to keep after asking. */
export function recheckBatch(state: RecheckState | undefined, size: number): { ids: string[]; state: RecheckState } {
  const ids = state?.ids ?? [];
  if (ids.length === 0) return { ids: [], state: { ids: [], next: 0 } };
  const start = (state?.next ?? 0) % ids.length;
  // Going round: a batch that reaches the end goes on from the start (each id at most once).
  const n = Math.min(size, ids.length);
  const batch = Array.from({ length: n }, (_, i) => ids[(start + i) % ids.length]!);
  return { ids: batch, state: { ids, next: (start + n) % ids.length } };
}

/** The state without the ids the platform said are gone (no need to ask again). */
export function forgetGone(state: RecheckState, gone: readonly string[]): RecheckState {
  if (gone.length === 0) return state;
  const ids = state.ids.filter((id) => !gone.includes(id));
  return { ids, next: ids.length ? state.next % ids.length : 0 };
}
