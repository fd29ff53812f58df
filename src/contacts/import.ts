import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { unguardCell } from '../core/csv';
import { contactError } from './errors';
import { said } from '../http/input-words';
import { type ContactProblem, type ContactRowProblem, contactProblemEnglish, importWords } from './import-problems';

/**
 * Reading a CSV of contacts exported from another CRM: the header is matched to our fields
 * (common HubSpot and Salesforce column names are recognised), each row is validated with zod into
 * a contact or a reason with its line number, and rows are folded together and into existing
 * contacts by email. Pure: no I/O, so it is tested with plain strings.
 */

export const CONTACT_IMPORT_FIELDS = [
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'company',
  'title',
  'location',
  'lifecycleStage',
  'tags',
  'ownerEmail',
] as const;
export type ContactImportField = (typeof CONTACT_IMPORT_FIELDS)[number];

/** `custom:<key>` fills the contact's custom field <key> from a column. */
export const CUSTOM_PREFIX = 'custom:';
const FIELD_OR_CUSTOM = new RegExp(`^(?:${CONTACT_IMPORT_FIELDS.join('|')}|${CUSTOM_PREFIX}.{1,60})$`);

/** Field (or custom:<key>) -> column name; null leaves a guessed column out. */
export const ContactMapping = z.record(
  z
    .string()
    .regex(
      FIELD_OR_CUSTOM,
      said(importWords.mappingField, { fields: CONTACT_IMPORT_FIELDS.join(', '), custom: `${CUSTOM_PREFIX}<key>` }),
    ),
  z.string().min(1).max(200).nullable(),
);
export type ContactMapping = z.infer<typeof ContactMapping>;
/** The mapping in effect: only fields that are read, each from one column of the file. */
export type ResolvedMapping = Record<string, string>;

// Column names compare without case, spaces or punctuation: "First Name" = "first_name" = "FirstName".
const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Column names other CRMs export (HubSpot, Salesforce, Pipedrive, plain sheets), best first. */
const GUESSES: Record<ContactImportField, string[]> = {
  name: ['name', 'full name', 'contact name', 'display name'],
  firstName: ['first name', 'given name'],
  lastName: ['last name', 'surname', 'family name'],
  email: ['email', 'emails', 'email address', 'e-mail', 'primary email', 'work email'],
  phone: ['phone', 'phones', 'phone number', 'mobile', 'mobile phone', 'mobile phone number', 'telephone'],
  company: ['company', 'company name', 'account name', 'organization', 'organisation', 'associated company'],
  title: ['title', 'job title', 'position'],
  location: ['location', 'city', 'mailing city', 'country', 'country/region', 'mailing country'],
  lifecycleStage: ['lifecycle stage', 'lifecycle_stage', 'stage'],
  tags: ['tags', 'tag', 'labels'],
  ownerEmail: ['owner email', 'contact owner email'],
};

/**
 * The mapping for a file's header: explicit choices first, then guesses; headers already named
 * `custom:<key>` (our own export) map to that custom field. Refuses a mapping that names a column
 * the file lacks, or a file with neither a name nor an email column.
 */
export function resolveContactMapping(columns: string[], mapping: ContactMapping = {}): ResolvedMapping {
  const bySquash = new Map<string, string>();
  for (const c of columns) if (!bySquash.has(squash(c))) bySquash.set(squash(c), c);
  const resolved: ResolvedMapping = {};
  for (const [field, column] of Object.entries(mapping)) {
    if (column === null) continue;
    if (!columns.includes(column))
      throw contactError('CONTACT_IMPORT_COLUMN_MISSING', { column, field }, { field: 'mapping', columns });
    resolved[field] = column;
  }
  for (const field of CONTACT_IMPORT_FIELDS) {
    if (field in mapping) continue;
    const guess = GUESSES[field].map((g) => bySquash.get(squash(g))).find(Boolean);
    if (guess) resolved[field] = guess;
  }
  for (const c of columns) {
    const key = c.startsWith(CUSTOM_PREFIX) ? c.slice(CUSTOM_PREFIX.length).trim() : '';
    if (key && !(`${CUSTOM_PREFIX}${key}` in mapping)) resolved[`${CUSTOM_PREFIX}${key}`] = c;
  }
  if (!resolved.name && !resolved.firstName && !resolved.lastName && !resolved.email) {
    throw contactError('CONTACT_IMPORT_NEEDS_NAME_OR_EMAIL', { field: 'mapping', columns });
  }
  return resolved;
}

export interface CsvRecord {
  /** The line of the file the record starts on (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

const CSV_OPTIONS = { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true } as const;

/** The header row's column names. */
export function readCsvHeader(content: string): string[] {
  let header: string[][];
  try {
    header = parseCsv(content, { ...CSV_OPTIONS, to: 1 }) as string[][];
  } catch (err) {
    throw contactError('CONTACT_IMPORT_NOT_CSV', { problem: (err as Error).message }, { field: 'content' });
  }
  const columns = header[0]?.filter(Boolean) ?? [];
  if (columns.length === 0) throw contactError('CONTACT_IMPORT_EMPTY', { field: 'content' });
  return columns;
}

/** Every record under the header, with the line it starts on; rows with no value at all are skipped. */
export function readCsv(content: string): CsvRecord[] {
  // One line ending, so csv-parse's line count is the file's: with CRLF it counts one too many.
  const text = content.replace(/\r\n?/g, '\n');
  let parsed: { record: Record<string, string>; raw: string; info: { lines: number } }[];
  try {
    parsed = parseCsv(text, {
      ...CSV_OPTIONS,
      columns: true,
      info: true,
      raw: true,
      skip_records_with_empty_values: true,
    }) as typeof parsed;
  } catch (err) {
    throw contactError('CONTACT_IMPORT_NOT_CSV', { problem: (err as Error).message }, { field: 'content' });
  }
  // info.lines is the line a record ends on; quoted line breaks inside it move its start up.
  return parsed.map((r) => ({
    line: r.info.lines - (r.raw.replace(/^\n+|\n+$/g, '').match(/\n/g)?.length ?? 0),
    values: r.record,
  }));
}

/** One valid row, as the contact it describes. */
export interface ImportedContact {
  line: number;
  name: string;
  emails: string[];
  phones: string[];
  company: string | null;
  title: string | null;
  location: string | null;
  lifecycleStage: string | null;
  ownerId: string | null;
  tags: string[];
  customFields: Record<string, string>;
}

const MAX_CUSTOM_FIELDS = 50;

export interface RowContext {
  /** The workspace's lifecycle stages (lower-case). */
  stages: string[];
  /** Active staff by lower-case email, for an owner column. */
  owners: Map<string, string>;
}

// The checks carry no words: a failed one is told by its issue (toProblem), as a code said when read.
const text = (max: number) => z.string().max(max);
const Row = z
  .object({
    name: text(300),
    emails: z.array(z.email().max(320)).max(20),
    phones: z.array(z.string().min(3).max(40).regex(/\d/)).max(20),
    company: text(200).nullable(),
    title: text(200).nullable(),
    location: text(200).nullable(),
    tags: z.array(text(60)).max(50),
    customFields: z.record(text(60), text(2000)).refine((o) => Object.keys(o).length <= MAX_CUSTOM_FIELDS),
  })
  .refine((r) => r.name !== '' || r.emails.length > 0, { path: [] });

const TOO_MANY: Record<string, ContactRowProblem> = {
  emails: 'too_many_emails',
  phones: 'too_many_phones',
  tags: 'too_many_tags',
};

/** What a failed check of Row means, as a problem code (its numbers from the check). */
function toProblem(issue: z.core.$ZodIssue): { code: ContactRowProblem; max?: number } {
  // A custom field's name that fails its check: the name's own issue says why.
  if (issue.code === 'invalid_key' && issue.issues[0]) return toProblem({ ...issue.issues[0], path: issue.path });
  const [key, index] = issue.path;
  const inList = typeof index === 'number';
  const max = issue.code === 'too_big' ? Number(issue.maximum) : undefined;
  if (issue.code === 'too_big' && !inList && typeof key === 'string' && TOO_MANY[key])
    return { code: TOO_MANY[key], max };
  if (key === 'phones' && inList) {
    if (issue.code === 'too_small') return { code: 'phone_too_short' };
    if (issue.code === 'too_big') return { code: 'phone_too_long' };
    if (issue.code === 'invalid_format') return { code: 'not_phone' };
  }
  if (key === 'emails' && issue.code === 'invalid_format') return { code: 'not_email' };
  if (issue.code === 'too_big') return { code: 'too_long', max };
  if (issue.code === 'custom')
    return key === 'customFields'
      ? { code: 'too_many_custom_fields', max: MAX_CUSTOM_FIELDS }
      : { code: 'no_name_or_email' };
  return { code: 'not_valid' };
}

const list = (v: string) => [
  ...new Set(
    v
      .split(/[;,]/)
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];
const FIELD_OF: Record<string, ContactImportField> = {
  name: 'name',
  emails: 'email',
  phones: 'phone',
  company: 'company',
  title: 'title',
  location: 'location',
  tags: 'tags',
};

/** Why a row is not a contact: the problem's code and values, and its English. */
export interface RefusedRow extends ContactProblem {
  ok: false;
  message: string;
}

const refused = (code: ContactRowProblem, values: Record<string, string | number>): RefusedRow => ({
  ok: false,
  code,
  values,
  message: contactProblemEnglish({ code, values }),
});

/** A row as a contact, or why it cannot be one (naming the column at fault). */
export function validateRow(
  record: CsvRecord,
  map: ResolvedMapping,
  ctx: RowContext,
): { ok: true; contact: ImportedContact } | RefusedRow {
  const get = (field: string) => {
    const column = map[field];
    // Our export guards cells against spreadsheet formulas with a leading apostrophe; take it off again.
    return column === undefined ? '' : unguardCell(record.values[column] ?? '');
  };
  const customFields: Record<string, string> = {};
  for (const field of Object.keys(map)) {
    if (!field.startsWith(CUSTOM_PREFIX)) continue;
    const value = get(field);
    if (value) customFields[field.slice(CUSTOM_PREFIX.length)] = value;
  }
  const name = get('name') || [get('firstName'), get('lastName')].filter(Boolean).join(' ');
  const candidate = {
    name,
    emails: list(get('email').toLowerCase()),
    phones: list(get('phone')),
    company: get('company') || null,
    title: get('title') || null,
    location: get('location') || null,
    tags: list(get('tags')),
    customFields,
  };
  const parsed = Row.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [key, index] = issue.path;
    const value = typeof index === 'number' ? (candidate[key as 'emails'] as string[])[index] : undefined;
    const column =
      key === 'customFields'
        ? map[`${CUSTOM_PREFIX}${String(index)}`]
        : (map[FIELD_OF[String(key)] ?? ''] ?? (key === 'name' ? map.firstName : undefined));
    const { code, max } = toProblem(issue);
    return refused(code, {
      ...(value !== undefined ? { value: JSON.stringify(value) } : {}),
      ...(column ? { column } : {}),
      ...(max !== undefined ? { max } : {}),
    });
  }
  const stageRaw = get('lifecycleStage').toLowerCase();
  if (stageRaw && !ctx.stages.includes(stageRaw)) {
    const column = map.lifecycleStage ?? '';
    return refused('unknown_stage', { value: JSON.stringify(stageRaw), column, known: ctx.stages.join(', ') });
  }
  const ownerRaw = get('ownerEmail').toLowerCase();
  const ownerId = ownerRaw ? ctx.owners.get(ownerRaw) : null;
  if (ownerId === undefined)
    return refused('unknown_owner', { value: JSON.stringify(ownerRaw), column: map.ownerEmail ?? '' });
  return { ok: true, contact: { line: record.line, ...parsed.data, lifecycleStage: stageRaw || null, ownerId } };
}

/** An existing contact the file may add to (found by email). */
export type ExistingContact = Omit<ImportedContact, 'line' | 'lifecycleStage'> & { id: string };

export type NewContact = Omit<ImportedContact, 'line' | 'lifecycleStage'> & { lifecycleStage: string };

export interface ImportPlan {
  inserts: NewContact[];
  /** Existing contacts with the values they end up with (only those that change). */
  updates: ExistingContact[];
  /** New contacts made. */
  imported: number;
  /** Rows that went into an existing contact or into an earlier row with the same email. */
  merged: number;
}

type Draft = Omit<ImportedContact, 'line'>;

/**
 * Adds what `row` knows to `into` without overwriting: empty fields are filled, lists joined, new custom keys
 * added.
 */
function absorb(into: Draft, row: Draft) {
  into.name ||= row.name;
  into.company ??= row.company;
  into.title ??= row.title;
  into.location ??= row.location;
  into.lifecycleStage ??= row.lifecycleStage;
  into.ownerId ??= row.ownerId;
  into.emails = [...new Set([...into.emails, ...row.emails])];
  into.phones = [...new Set([...into.phones, ...row.phones])];
  into.tags = [...new Set([...into.tags, ...row.tags])];
  for (const [k, v] of Object.entries(row.customFields)) if (!(k in into.customFields)) into.customFields[k] = v;
}

// absorb() only fills and adds, so equal sizes mean nothing was added.
const sameContact = (a: ExistingContact, b: ExistingContact) =>
  a.name === b.name &&
  a.company === b.company &&
  a.title === b.title &&
  a.location === b.location &&
  a.ownerId === b.ownerId &&
  a.emails.length === b.emails.length &&
  a.phones.length === b.phones.length &&
  a.tags.length === b.tags.length &&
  Object.keys(a.customFields).length === Object.keys(b.customFields).length;

const copy = (d: Draft): Draft => ({
  ...d,
  emails: [...d.emails],
  phones: [...d.phones],
  tags: [...d.tags],
  customFields: { ...d.customFields },
});

/**
 * What the valid rows do to the workspace. Rows sharing an email (directly or through a chain)
 * are one person; a person whose email an existing contact has goes into that contact (the
 * oldest, when several do), filling its empty fields; everyone else becomes a new contact.
 * `existing` comes oldest first.
 */
export function planImport(rows: ImportedContact[], existing: ExistingContact[], defaultStage: string): ImportPlan {
  // Union-find over rows, joined by shared emails.
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const firstWithEmail = new Map<string, number>();
  rows.forEach((r, i) => {
    for (const e of r.emails) {
      const j = firstWithEmail.get(e);
      if (j === undefined) firstWithEmail.set(e, i);
      else {
        const [a, b] = [find(i), find(j)].sort((x, y) => x - y) as [number, number];
        parent[b] = a;
      }
    }
  });
  const groups = new Map<number, ImportedContact[]>();
  for (const [i, r] of rows.entries()) {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(r);
    else groups.set(root, [r]);
  }

  const ownerOfEmail = new Map<string, ExistingContact>();
  for (const c of existing) for (const e of c.emails) if (!ownerOfEmail.has(e)) ownerOfEmail.set(e, c);
  const rank = new Map(existing.map((c, i) => [c.id, i]));

  const updated = new Map<string, Draft>();
  const inserts: NewContact[] = [];
  let merged = 0;
  for (const members of groups.values()) {
    const matches = members.flatMap((m) =>
      m.emails.flatMap((e) => (ownerOfEmail.has(e) ? [ownerOfEmail.get(e)!] : [])),
    );
    const target = matches.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!)[0];
    if (target) {
      const draft = updated.get(target.id) ?? copy({ ...target, lifecycleStage: null });
      for (const m of members) absorb(draft, m);
      updated.set(target.id, draft);
      merged += members.length;
      continue;
    }
    const [first, ...rest] = members as [ImportedContact, ...ImportedContact[]];
    const { line: _line, ...start } = first;
    const draft = copy(start);
    for (const m of rest) absorb(draft, m);
    inserts.push({ ...draft, lifecycleStage: draft.lifecycleStage ?? defaultStage });
    merged += rest.length;
  }
  const updates: ExistingContact[] = [];
  for (const c of existing) {
    const d = updated.get(c.id);
    const next: ExistingContact | undefined = d && {
      id: c.id,
      name: d.name,
      emails: d.emails,
      phones: d.phones,
      company: d.company,
      title: d.title,
      location: d.location,
      ownerId: d.ownerId,
      tags: d.tags,
      customFields: d.customFields,
    };
    // A row that tells an existing contact nothing new leaves it (and its updated_at) alone.
    if (next && !sameContact(next, c)) updates.push(next);
  }
  return { inserts, updates, imported: inserts.length, merged };
}

/**
 * "email=E-mail, custom:plan=Plan" -> { email: 'E-mail', 'custom:plan': 'Plan' }: the mapping as
 * typed on the command line. `entry` names a bad pair in the error.
 */
export function parseContactMappingText(
  text: string,
  entry: (pair: string) => string = (pair) => `Mapping "${pair}"`,
): ContactMapping {
  const mapping: ContactMapping = {};
  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [field, ...rest] = pair.split('=');
    const column = rest.join('=').trim();
    const name = field?.trim() ?? '';
    if (!column || !FIELD_OR_CUSTOM.test(name)) {
      throw contactError('CONTACT_IMPORT_MAPPING_INVALID', {
        entry: entry(pair),
        fields: CONTACT_IMPORT_FIELDS.join(', '),
      });
    }
    mapping[name] = column;
  }
  return mapping;
}
