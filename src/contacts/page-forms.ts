import { z } from 'zod';
import { PLATFORMS } from '../core/platforms';
import { CHOOSABLE_FIELDS, type ChoosableField } from './merge.service';
import { CONTACT_SORTS } from './filter';
import type { ListQuery } from './routes';

/**
 * What the contacts pages read from query strings and forms. Query strings come from links people
 * edit and share, so a bad value is dropped rather than refused; forms are validated strictly.
 */

export const PAGE_SIZE = 50;

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const ListParams = z.object({
  q: optional(z.string().trim().max(200)),
  stage: optional(z.string().trim().max(40)),
  tag: optional(z.string().trim().max(60)),
  platform: optional(z.enum(PLATFORMS)),
  minFollowers: optional(z.coerce.number().int().min(0)),
  sentiment: optional(z.enum(['positive', 'neutral', 'negative'])),
  activeWithinDays: optional(z.coerce.number().int().min(1).max(3650)),
  segment: optional(z.uuid()),
  sort: z.enum(CONTACT_SORTS).catch('recent'),
  offset: z.coerce.number().int().min(0).max(1_000_000).catch(0),
});
export type ListParams = z.infer<typeof ListParams>;

/** The filter fields of the list, in the order the form and links carry them. */
export const FILTER_KEYS = [
  'q',
  'stage',
  'tag',
  'platform',
  'minFollowers',
  'sentiment',
  'activeWithinDays',
  'segment',
] as const;

/** Empty form fields mean "no filter", not "0" or "". */
export function readListParams(query: Record<string, string>): ListParams {
  return ListParams.parse(Object.fromEntries(Object.entries(query).filter(([, v]) => v.trim() !== '')));
}

export const toListQuery = (p: ListParams): ListQuery => ({ ...p, limit: PAGE_SIZE });

/** A list URL with these parameters (empty ones left out). */
export function listHref(p: Partial<Record<keyof ListParams, string | number | undefined>>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(p))
    if (v !== undefined && v !== '' && !(k === 'sort' && v === 'recent') && !(k === 'offset' && v === 0))
      params.set(k, String(v));
  const s = params.toString();
  return s ? `/contacts?${s}` : '/contacts';
}

const nullable = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => s || null);

const list = (separator: RegExp) => (s: string) =>
  s
    .split(separator)
    .map((x) => x.trim())
    .filter(Boolean);

export const ProfileForm = z.object({
  name: z.string().trim().max(300),
  emails: z
    .string()
    .max(8000)
    .transform(list(/[\s,;]+/))
    .pipe(z.array(z.email('not a valid email address').max(320)).max(20, 'at most 20')),
  company: nullable(200),
  title: nullable(200),
  location: nullable(200),
  lifecycleStage: z.string().trim().min(1, 'required').max(40),
  tags: z
    .string()
    .max(4000)
    .transform(list(/,/))
    .pipe(z.array(z.string().max(60, 'at most 60 characters each')).max(50, 'at most 50')),
});

export const NoteForm = z.object({ body: z.string().trim().min(1, 'write something first').max(10_000) });

export const SegmentForm = z.object({ name: z.string().trim().min(1, 'required').max(80) });

/** The queue's merge form: who survives, and per field whose value is kept. */
export function readMergeChoices(body: Record<string, unknown>, pair: [string, string]) {
  const into = body.into === pair[1] ? pair[1] : pair[0];
  const fields: Partial<Record<ChoosableField, string>> = {};
  for (const f of CHOOSABLE_FIELDS) {
    const v = body[`field.${f}`];
    if (typeof v === 'string' && pair.includes(v)) fields[f] = v;
  }
  return { into, from: pair.find((id) => id !== into)!, fields };
}
