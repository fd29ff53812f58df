import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/**
 * Days and weeks in a workspace's calendar, in SQL: its IANA time zone and the ISO weekday its weeks start on
 * (1 Monday … 7 Sunday). Here, below the features, so those under reports (mentions, community) count weeks
 * as the reports do; reports/calendar.ts holds the calendar itself.
 */
export interface SqlCalendar {
  timeZone: string;
  weekStart: number;
}

/** For a `date`: the date its week starts on. */
export const weekStartSql = (day: SQLWrapper, weekStart: number): SQL =>
  sql`(${day} - ((extract(isodow from ${day})::int - ${weekStart}::int + 7) % 7))`;

/** The instant a day (YYYY-MM-DD) starts in a zone: its midnight there. */
export const dayStartSql = (day: string, timeZone: string): SQL =>
  sql`(${day}::date::timestamp at time zone ${timeZone}::text)`;

/** The instant the day after `day` starts in a zone (a range's exclusive end). */
export const dayEndSql = (day: string, timeZone: string): SQL =>
  sql`((${day}::date + 1)::timestamp at time zone ${timeZone}::text)`;

/** The week an instant (a `timestamptz`) falls in, as the YYYY-MM-DD of its first day in the calendar. */
export const localWeekSql = (at: SQLWrapper, cal: SqlCalendar): SQL<string> => {
  const day = sql`(${at} at time zone ${cal.timeZone}::text)::date`;
  return sql<string>`to_char(${weekStartSql(day, cal.weekStart)}, 'YYYY-MM-DD')`;
};
