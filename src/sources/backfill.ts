import type { Cursor } from '../connectors';

/** A backfill: one extra sweep over the last N days, with its own cursor, beside regular polling. */
export interface Backfill {
  days: number;
  since: string;
  startedAt: string;
  status: 'running' | 'done' | 'failed';
  pages: number;
  fetched: number;
  inserted: number;
  /** Oldest post reached so far: how far back the sweep has come. */
  oldestAt: string | null;
  percent: number;
  cursor: Cursor | null;
  finishedAt: string | null;
  error: string | null;
}

export const MAX_BACKFILL_DAYS = 30;

export function startBackfill(days: number, now: Date): Backfill {
  return {
    days,
    since: new Date(now.getTime() - days * 86_400_000).toISOString(),
    startedAt: now.toISOString(),
    status: 'running',
    pages: 0,
    fetched: 0,
    inserted: 0,
    oldestAt: null,
    percent: 0,
    cursor: null,
    finishedAt: null,
    error: null,
  };
}

/**
 * Progress of a newest-first sweep: the share of the window between its start and `since` that
 * the oldest post seen has covered. Platforms walk back in time, so this is honest without knowing
 * the total count in advance.
 */
export function backfillPercent(b: Pick<Backfill, 'since' | 'startedAt' | 'oldestAt' | 'status'>): number {
  if (b.status === 'done') return 100;
  if (!b.oldestAt) return 0;
  const span = Date.parse(b.startedAt) - Date.parse(b.since);
  const covered = Date.parse(b.startedAt) - Date.parse(b.oldestAt);
  return Math.max(0, Math.min(99, Math.floor((covered / span) * 100)));
}
