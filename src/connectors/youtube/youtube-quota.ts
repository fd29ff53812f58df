import { nextPacificMidnight } from '../google/google-errors';
import { ConnectorError } from '../types';

/**
 * YouTube's daily quota, planned. A Google Cloud project gets 10,000 units a day (more on request), counted
 * per Pacific day: a list call costs 1 unit, a search 100, a reply 50, a moderation 50. Unplanned, a source
 * searching every minute spends the day's units by breakfast and then reads no comments until midnight.
 * So searches get at most half of the day's units, spread evenly over the day (a round of searches, one per
 * topic query, then a gap computed from that half and the number of queries); comment reads get the rest.
 * A poll whose next read would go past its share ends early, or (its first call) fails as `rate_limited`
 * until midnight Pacific without calling. Only what polls spend is counted here (replies and moderation
 * run outside a poll and cannot write the cursor); YouTube's own `quotaExceeded` covers the difference.
 */
export const UNITS = { list: 1, search: 100, insert: 50, moderate: 50 } as const;
export const DEFAULT_DAILY_QUOTA = 10_000;
const DAY_MS = 86_400_000;

/** The units counted today, kept in the cursor. */
export interface QuotaDay {
  /** When today's count ends: midnight Pacific time (ISO). */
  resetsAt: string;
  /** Every unit polls spent today, searches included. */
  used: number;
  /** Of those, searches. */
  searchUsed: number;
  /** The daily quota the source was configured with (quota() gets no config). */
  limit: number;
}

/** Today's count: the stored one while its day lasts, else a fresh day. */
export function quotaDay(stored: QuotaDay | undefined, now: Date, limit: number): QuotaDay {
  if (stored && now.getTime() < Date.parse(stored.resetsAt)) return { ...stored, limit };
  return { resetsAt: nextPacificMidnight(now).toISOString(), used: 0, searchUsed: 0, limit };
}

/** What the source page shows: units used today, the limit, when the count starts again. */
export function quotaReport(stored: QuotaDay | undefined, now: Date) {
  const day = quotaDay(stored, now, stored?.limit ?? DEFAULT_DAILY_QUOTA);
  return { used: day.used, limit: day.limit, resetsAt: new Date(day.resetsAt) };
}

/** The searches' share of a day: at most half. */
export const searchShare = (limit: number) => Math.floor(limit / 2);

/** The comment reads' share: the rest, or all of it when the source does not search. */
export const readShare = (limit: number, searching: boolean) => (searching ? limit - searchShare(limit) : limit);

/**
 * The least time between the starts of two search rounds: a round costs a search per query, and the
 * searches' share of a day is spread evenly over it. Infinity when not even one search fits.
 */
export function searchGapMs(limit: number, queries: number): number {
  const roundsPerDay = searchShare(limit) / (UNITS.search * Math.max(1, queries));
  if (searchShare(limit) < UNITS.search) return Number.POSITIVE_INFINITY;
  return Math.ceil(DAY_MS / roundsPerDay);
}

/** Is a search round due: searching on, queries to run, the gap since the last round passed, units left? */
export function searchRoundDue(o: {
  day: QuotaDay;
  queries: number;
  lastRoundAt: string | undefined;
  now: Date;
}): boolean {
  if (o.queries === 0) return false;
  if (o.day.searchUsed + UNITS.search > searchShare(o.day.limit)) return false;
  if (!o.lastRoundAt) return true;
  return o.now.getTime() - Date.parse(o.lastRoundAt) >= searchGapMs(o.day.limit, o.queries);
}

/** One poll's spending against today's count. */
export class QuotaLedger {
  constructor(
    public day: QuotaDay,
    private readonly searching: boolean,
  ) {}

  private get readUsed() {
    return this.day.used - this.day.searchUsed;
  }

  /** Would `units` more list calls stay inside the reads' share? */
  canRead(units: number = UNITS.list): boolean {
    return (
      this.readUsed + units <= readShare(this.day.limit, this.searching) && this.day.used + units <= this.day.limit
    );
  }

  /** Would one more search stay inside the searches' share? */
  canSearch(): boolean {
    return (
      this.day.searchUsed + UNITS.search <= searchShare(this.day.limit) &&
      this.day.used + UNITS.search <= this.day.limit
    );
  }

  read(units: number = UNITS.list) {
    this.day = { ...this.day, used: this.day.used + units };
  }

  search() {
    this.day = { ...this.day, used: this.day.used + UNITS.search, searchUsed: this.day.searchUsed + UNITS.search };
  }

  /** The first read of a poll would go past the reads' share: wait for midnight Pacific, without calling. */
  readsSpent(): ConnectorError {
    const share = readShare(this.day.limit, this.searching);
    return new ConnectorError(
      'rate_limited',
      `YouTube: the ${share.toLocaleString('en-US')} units a day planned for reading comments are used up ` +
        `(daily quota ${this.day.limit.toLocaleString('en-US')}); polling resumes at midnight Pacific time`,
      { platform: 'youtube', resetAt: new Date(this.day.resetsAt) },
    );
  }
}
