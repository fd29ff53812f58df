import { inArray } from 'drizzle-orm';
import { workspaceView } from '../accounts';
import { dayNumber } from '../core/days';
import { localDay } from '../core/i18n/zoned-time';
import type { Db } from '../db/types';

/**
 * The calendar a workspace's reports count in: its IANA time zone (a report day runs from midnight to
 * midnight there, 23 or 25 hours on a daylight saving change) and the ISO weekday its weeks start on
 * (1 Monday … 7 Sunday). Days are stored in the rollups as that zone's dates; weeks are made of days only
 * when a report asks, so a new week start needs nothing recounted, a new zone does (rebuildRollups).
 */
export interface ReportCalendar {
  timeZone: string;
  weekStart: number;
}

export const UTC_CALENDAR: ReportCalendar = { timeZone: 'UTC', weekStart: 1 };

/** The calendars of these workspaces, read once for a batch (a workspace no longer there counts in UTC). */
export async function workspaceCalendars(
  db: Db,
  workspaceIds: readonly string[],
): Promise<Map<string, ReportCalendar>> {
  if (workspaceIds.length === 0) return new Map();
  const w = workspaceView('w');
  const found = await db
    .select({ id: w.id, timeZone: w.timeZone, weekStart: w.weekStart })
    .from(w)
    .where(inArray(w.id, [...new Set(workspaceIds)]));
  return new Map(found.map((r) => [r.id, { timeZone: r.timeZone, weekStart: r.weekStart }]));
}

/** One workspace's calendar. */
export async function workspaceCalendar(db: Db, workspaceId: string): Promise<ReportCalendar> {
  return (await workspaceCalendars(db, [workspaceId])).get(workspaceId) ?? UTC_CALENDAR;
}

/**
 * The date (YYYY-MM-DD) an instant falls on in a zone: what PostgreSQL's `(t at time zone zone)::date` gives
 * (both read the IANA database; tests/reports/rollups-property.test.ts holds them equal). The one the date
 * inputs use too (core/i18n/zoned-time.ts).
 */
export { localDay };

/** Today's day number in the calendar's zone. */
export const todayIn = (now: Date, cal: Pick<ReportCalendar, 'timeZone'>): number =>
  dayNumber(localDay(now, cal.timeZone));

/** ISO weekday (1 Monday … 7 Sunday) of a day number; 1970-01-01 (day 0) was a Thursday. */
const isoWeekday = (n: number) => ((((n + 3) % 7) + 7) % 7) + 1;

/** The first day (day number) of the week a day falls in, weeks starting on ISO weekday `weekStart`. */
export const weekStartOf = (n: number, weekStart: number): number => n - ((isoWeekday(n) - weekStart + 7) % 7);

// The calendar in SQL lives below the features (db/), so mentions and community count weeks the same way.
export { dayEndSql, dayStartSql, weekStartSql } from '../db/calendar-sql';

/** The zone a workspace's reports count days in (the flow reads it once a chunk, with the row held). */
export const reportTimeZone = async (db: Db, workspaceId: string): Promise<string> =>
  (await workspaceCalendar(db, workspaceId)).timeZone;
