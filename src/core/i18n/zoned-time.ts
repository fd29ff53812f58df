import { tzOffset } from '@date-fns/tz';
import { addDays, dayNumber } from '../days';

/**
 * Wall clocks and instants in an IANA zone: what a person types into a date or datetime-local field means
 * their own clock, and is stored as the instant (UTC) it names. @date-fns/tz gives the zone's offset at an
 * instant (from the runtime's Intl data); the rest is arithmetic. Its TZDate is not used to read a wall
 * clock: a time that happens twice is resolved by the server's own zone there, and it must not depend on it.
 *
 * The rule at daylight-saving changes (the one Temporal calls "compatible", as java.time does):
 *  - a time the clocks skip (Berlin 2027-03-28 02:30) moves forward by the gap: 03:30 summer time;
 *  - a time that happens twice (Berlin 2026-10-25 02:30) is the earlier one: summer time, 00:30 UTC.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The zone's offset from UTC at an instant, in milliseconds (Berlin in winter: 3,600,000); NaN for no zone. */
const offsetMs = (zone: string, at: number): number => Math.round(tzOffset(zone, new Date(at)) * MINUTE_MS);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The wall clock an instant shows in a zone, as a datetime-local field holds it: `2026-12-08T09:00`. */
export function localDateTime(at: Date, zone: string): string {
  const wall = new Date(at.getTime() + offsetMs(zone, at.getTime()));
  return (
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}` +
    `T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`
  );
}

/** The calendar day an instant falls on in a zone, as a date field holds it: `2026-12-08`. */
export const localDay = (at: Date, zone: string): string => localDateTime(at, zone).slice(0, 10);

/**
 * The instant a wall-clock time (`2026-12-08T09:00`, seconds optional) names in a zone, or null when the
 * text is no real date and time or the zone is unknown. Skipped and repeated times follow the rule above.
 */
export function zonedInstant(local: string, zone: string): Date | null {
  const m = LOCAL.exec(local.trim());
  if (!m) return null;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  const day = dayNumber(`${m[1]}-${m[2]}-${m[3]}`);
  if (Number.isNaN(day) || hour > 23 || minute > 59 || second > 59) return null;
  // The wall clock read as if it were UTC; the instant is that minus the offset in force then.
  const wall = day * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
  // A zone's offset changes at most once around a given day: the offsets a day before and after are the
  // two it can be (the same one on most days).
  const before = offsetMs(zone, wall - DAY_MS);
  const after = offsetMs(zone, wall + DAY_MS);
  if (Number.isNaN(before) || Number.isNaN(after)) return null;
  const fits = [wall - before, wall - after].filter((t) => offsetMs(zone, t) === wall - t);
  // Two that fit: the time happened twice, take the earlier. None: the clocks skipped it, so it is read
  // with the offset before the change, which lands as far past the change as the time was past the gap.
  return new Date(fits.length ? Math.min(...fits) : wall - before);
}

/**
 * A calendar day in a zone as instants: its first moment and its last millisecond (a day is 23 or 25
 * hours long when the clocks change), or null for no real day.
 */
export function zonedDay(day: string, zone: string): { first: Date; last: Date } | null {
  if (Number.isNaN(dayNumber(day))) return null;
  const first = zonedInstant(`${day}T00:00`, zone);
  const next = zonedInstant(`${addDays(day, 1)}T00:00`, zone);
  return first && next ? { first, last: new Date(next.getTime() - 1) } : null;
}

/** ISO weekday of a `YYYY-MM-DD`: 1 Monday … 7 Sunday (1970-01-01 was a Thursday). */
const isoWeekday = (day: string): number => ((((dayNumber(day) + 3) % 7) + 7) % 7) + 1;

/** A time of day on a wall clock. */
export interface WallTime {
  hour: number;
  minute?: number;
}

/** `hour:minute` on the day `days` after today in a zone: tomorrow 09:00 is `daysAhead(now, zone, 1, {hour: 9})`. */
export function daysAhead(now: Date, zone: string, days: number, at: WallTime): Date | null {
  const day = addDays(localDay(now, zone), days);
  return zonedInstant(`${day}T${pad(at.hour)}:${pad(at.minute ?? 0)}`, zone);
}

/**
 * `hour:minute` on the next such weekday after today in a zone (ISO: 1 Monday … 7 Sunday): on a Monday,
 * next Monday is a week on.
 */
export function nextWeekday(now: Date, zone: string, weekday: number, at: WallTime): Date | null {
  const today = localDay(now, zone);
  const ahead = ((weekday - isoWeekday(today) + 6) % 7) + 1;
  return daysAhead(now, zone, ahead, at);
}
