import { z } from 'zod';
import { PLATFORMS } from '../core/platforms';
import { ContactInput, MergeInput, SegmentInput } from './contact.input';
import type { ChoosableField } from './merge.service';
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

/**
 * The profile form: the API's contact change with every field the form shows (a blank company clears it);
 * emails and tags are typed into one box each (`lists` in PROFILE_FORM).
 */
export const ProfileForm = ContactInput.required({
  name: true,
  emails: true,
  company: true,
  title: true,
  location: true,
  lifecycleStage: true,
  tags: true,
});
export const PROFILE_FORM = { lists: { emails: /[\s,;]+/, tags: ',' } };

/** The segment form names the segment; its filter is the list's, posted beside it. */
export const SegmentForm = SegmentInput.pick({ name: true });

/** The queue's merge form (a `field.<name>` radio per field): who survives, and per field whose value is kept. */
export const MergeForm = z.object({ into: MergeInput.shape.into.optional(), field: MergeInput.shape.fields });

/** Choices the pair does not offer fall back to the first contact, or to the merge's default. */
export function mergeChoices(form: z.infer<typeof MergeForm>, pair: [string, string]) {
  const into = form.into === pair[1] ? pair[1] : pair[0];
  const fields: Partial<Record<ChoosableField, string>> = {};
  for (const [f, v] of Object.entries(form.field ?? {}) as [ChoosableField, string][])
    if (pair.includes(v)) fields[f] = v;
  return { into, from: pair.find((id) => id !== into)!, fields };
}

/**
 * The contacts list's import form: the file (a CSV, as the API's `content`) and, optionally, the mapping typed as
 * `field=column` pairs (`parseContactMappingText`), as on the command line.
 */
export const ImportPageForm = z.object({
  file: z.instanceof(File).optional(),
  map: z.string().max(5000).optional(),
});
