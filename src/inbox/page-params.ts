import { localDay, zonedDay } from '../core/i18n/zoned-time';
import { InboxQuery } from './list';

/**
 * The inbox page's query string read leniently: a value that does not fit (a stale link, a hand
 * edited URL) is dropped rather than failing the page. Dates from date inputs (YYYY-MM-DD) cover
 * whole days on the viewer's clock (their time zone): from its midnight to the end of the day.
 */
export const FILTER_KEYS = [
  'view',
  'status',
  'assignee',
  'platform',
  'topic',
  'sentiment',
  'intent',
  'priority',
  'tag',
  'language',
  'from',
  'to',
  'q',
  'sort',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type InboxParams = Partial<Record<FilterKey | 'cursor', string>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readInboxQuery(
  query: Record<string, string>,
  limit = 25,
  timeZone = 'UTC',
): { query: InboxQuery; params: InboxParams } {
  const params: InboxParams = {};
  const input: Record<string, unknown> = { limit };
  for (const key of [...FILTER_KEYS, 'cursor'] as const) {
    const raw = query[key]?.trim();
    if (!raw) continue;
    let value = raw;
    if ((key === 'from' || key === 'to') && DAY.test(raw)) {
      const day = zonedDay(raw, timeZone);
      if (!day) continue;
      value = (key === 'from' ? day.first : day.last).toISOString();
    }
    const field = InboxQuery.shape[key];
    if (!field.safeParse(value).success) continue;
    params[key] = raw;
    input[key] = value;
  }
  return { query: InboxQuery.parse(input), params };
}

/** What a date field shows for a from/to param: its day, or the viewer's day of an instant a link named. */
export function dayField(raw: string | undefined, timeZone: string): string {
  if (!raw) return '';
  if (DAY.test(raw)) return raw;
  const at = new Date(raw);
  return Number.isNaN(at.getTime()) ? '' : localDay(at, timeZone);
}

/** The inbox URL for these params with some changed ('' removes one); a new filter starts at page one. */
export function inboxHref(params: InboxParams, change: InboxParams = {}): string {
  const merged: InboxParams = { ...params, ...change };
  if (!('cursor' in change)) delete merged.cursor;
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v) search.set(k, v);
  const s = search.toString();
  return s ? `/inbox?${s}` : '/inbox';
}
