/**
 * Calendar days (UTC) as whole numbers. Arithmetic happens on day numbers and is turned into text
 * only at the edge: `'+010000-01-01' < '9999-12-31'` as strings, which once made a report loop forever.
 */
export const DAY_MS = 86_400_000;

/** The first day any date range may start on; nothing this service stores is older. */
export const EARLIEST_DAY = '2000-01-01';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a `YYYY-MM-DD` that names a real day, else NaN. */
export function dayNumber(day: string): number {
  const m = DAY.exec(day);
  if (!m) return Number.NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  // Date.UTC rolls 2026-02-30 over into March; a real day survives the round trip.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return Number.NaN;
  return t / DAY_MS;
}

/** The `YYYY-MM-DD` of a day number. */
export const dayString = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The UTC day number of an instant. */
export const dayOf = (at: Date): number => Math.floor(at.getTime() / DAY_MS);

export const addDays = (day: string, n: number): string => dayString(dayNumber(day) + n);

/** Monday of a day's ISO week (as date_trunc('week') counts it); 1970-01-01 was a Thursday. */
export const mondayOf = (n: number): number => n - ((n + 3) % 7);

/** The instants a filter may name: from EARLIEST_DAY to the year 2100, where nothing absurd is asked of SQL. */
export const instantInBounds = (iso: string): boolean => {
  const t = Date.parse(iso);
  return t >= Date.UTC(2000, 0, 1) && t < Date.UTC(2100, 0, 1);
};
export const INSTANT_BOUNDS_MESSAGE = 'a time from 2000-01-01 to 2099-12-31';
