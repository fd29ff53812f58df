import { z } from 'zod';
import { dayNumber, instantInBounds } from '../core/days';
import { PLATFORMS } from '../core/platforms';
import { INTENTS } from '../sentiment';
import type { MentionFilters } from './list';

/**
 * The mention stream's filters as its query string carries them. They come from links people edit and share
 * (and the reports' figures), so a bad value is dropped rather than refused. Pure: the page reads them, the
 * form and every link write them back whole, so no filter is lost on the way.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A bound of the range: a day (`2026-12-01`, a UTC day, as the page says) or an instant (the reports link the
 * workspace's midnights, `2026-11-30T23:00:00.000Z`), kept as given.
 */
const Bound = z
  .string()
  .trim()
  .refine((d) => (DAY.test(d) ? !Number.isNaN(dayNumber(d)) : d.length <= 40 && instantInBounds(d)))
  .optional()
  .catch(undefined);

const SOURCES = ['mentions', 'reviews', 'community'] as const;
export type StreamSource = (typeof SOURCES)[number];
export const STREAM_SENTIMENTS = ['positive', 'neutral', 'negative', 'unscored'] as const;

export const StreamFilters = z.object({
  q: z.string().trim().min(1).max(200).optional().catch(undefined),
  topic: z.uuid().optional().catch(undefined),
  platform: z.enum(PLATFORMS).optional().catch(undefined),
  sentiment: z.enum(STREAM_SENTIMENTS).optional().catch(undefined),
  intent: z.enum(INTENTS).optional().catch(undefined),
  from: Bound,
  to: Bound,
  language: z.string().trim().min(2).max(8).optional().catch(undefined),
  source: z
    .string()
    .transform((v) => {
      const picked = v.split(',').filter((x): x is StreamSource => (SOURCES as readonly string[]).includes(x));
      // In the order the page lists them, once each, so the same choice is always the same link.
      return SOURCES.filter((s) => picked.includes(s)).join(',') || undefined;
    })
    .optional()
    .catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
});
export type StreamFilters = z.infer<typeof StreamFilters>;

/** The filters in the order the form, the chips and the links carry them (the cursor is paging, not a filter). */
export const FILTER_KEYS = [
  'q',
  'topic',
  'platform',
  'sentiment',
  'intent',
  'from',
  'to',
  'language',
  'source',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Empty fields (a blank select, an empty date) mean "no filter". */
export function readStreamFilters(query: Record<string, string>): StreamFilters {
  return StreamFilters.parse(Object.fromEntries(Object.entries(query).filter(([, v]) => v.trim() !== '')));
}

export const isDay = (bound: string) => DAY.test(bound);

/** A bound as the query reads it: a day's first (from) or last (to) moment in UTC, an instant as it is. */
export function boundInstant(bound: string, end: 'from' | 'to'): Date {
  if (!isDay(bound)) return new Date(bound);
  return new Date(`${bound}${end === 'from' ? 'T00:00:00Z' : 'T23:59:59.999Z'}`);
}

/** What the list query takes from the filters. */
export function toMentionFilters(f: StreamFilters, limit: number): MentionFilters {
  return {
    limit,
    ...(f.topic ? { topicId: f.topic } : {}),
    ...(f.platform ? { platform: f.platform } : {}),
    ...(f.q ? { q: f.q } : {}),
    ...(f.cursor ? { cursor: f.cursor } : {}),
    ...(f.from ? { from: boundInstant(f.from, 'from') } : {}),
    ...(f.to ? { to: boundInstant(f.to, 'to') } : {}),
    ...(f.sentiment ? { sentiment: f.sentiment } : {}),
    ...(f.intent ? { intent: f.intent } : {}),
    ...(f.language ? { language: f.language } : {}),
    ...(f.source ? { source: f.source.split(',') as StreamSource[] } : {}),
  };
}

/**
 * The stream's address with these filters, changed by `change` (a key set to undefined is removed). A change
 * of filter starts from the newest page: the cursor is kept only when the change sets one.
 */
export function streamHref(f: StreamFilters, change: Partial<Record<FilterKey | 'cursor', string | undefined>> = {}) {
  const params = new URLSearchParams();
  const merged: Partial<Record<FilterKey | 'cursor', string | undefined>> = { ...f, cursor: undefined, ...change };
  for (const k of [...FILTER_KEYS, 'cursor'] as const) {
    const v = merged[k];
    if (v) params.set(k, v);
  }
  const q = params.toString();
  return q ? `/inbox/mentions?${q}` : '/inbox/mentions';
}

/** The filters in use, in order (the page shows each as a chip that removes it). */
export const activeFilters = (f: StreamFilters): { key: FilterKey; value: string }[] =>
  FILTER_KEYS.flatMap((key) => (f[key] ? [{ key, value: f[key]! }] : []));
