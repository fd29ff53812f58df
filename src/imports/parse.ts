import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { parse as parseCsv } from 'csv-parse/sync';
import type { SocialPost } from '../core/social-post';
import type { RowError } from '../db/import-job';
import { cleanJson, cleanText, jsonDepth, MAX_JSON_DEPTH } from '../core/safe-text';
import { PLATFORMS, type Platform } from '../core/platforms';
import { importError } from './errors';
import { type RawProblem, rowProblem } from './row-problems';

/**
 * Turns an exported file of mentions (CSV or JSON Lines) into posts, one per row, or a reason per
 * bad row with its line number. A row the database could not take (a number past its column, JSON
 * nested too deep) is refused alone; NULs and broken Unicode are cleaned out, so the row survives.
 * Pure: no I/O, so it is tested with plain strings. Imports read files as streams (records.ts) and
 * turn each record into a row with rowOf; parseImport does the same for a whole string.
 */
export const IMPORT_FIELDS = [
  'externalId',
  'text',
  'createdAt',
  'url',
  'title',
  'lang',
  'platform',
  'authorId',
  'authorHandle',
  'authorName',
  'authorFollowers',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ColumnMapping = Partial<Record<ImportField, string>>;
export type ImportFormat = 'csv' | 'jsonl';

/** Column names other tools export, tried when no mapping is given for a field. */
const GUESSES: Record<ImportField, string[]> = {
  externalId: ['id', 'external_id', 'post_id', 'tweet_id', 'status_id', 'guid'],
  text: ['text', 'content', 'message', 'body', 'full_text', 'post', 'mention'],
  createdAt: ['created_at', 'date', 'timestamp', 'time', 'published', 'posted_at', 'createdAt'],
  url: ['url', 'link', 'permalink', 'post_url'],
  title: ['title', 'subject', 'headline'],
  lang: ['lang', 'language'],
  platform: ['platform', 'network', 'source', 'channel'],
  authorId: ['author_id', 'user_id', 'authorId'],
  authorHandle: ['author', 'username', 'screen_name', 'handle', 'user', 'author_handle'],
  authorName: ['name', 'author_name', 'display_name', 'full_name'],
  authorFollowers: ['followers', 'followers_count', 'author_followers', 'reach'],
};

export interface ParsedRow {
  line: number;
  platform: Platform;
  post: SocialPost;
}
export type { RowError };

export const MAX_IMPORT_ROWS = 200_000;
// The followers column is a PostgreSQL integer.
const MAX_FOLLOWERS = 2_147_483_647;

type Record_ = Record<string, unknown>;

type RawRecord = { line: number; record: Record_ | null; error?: RawProblem };

function records(content: string, format: ImportFormat): RawRecord[] {
  if (format === 'jsonl') {
    return content.split(/\r?\n/).flatMap((text, i): RawRecord[] => {
      if (!text.trim()) return [];
      try {
        const value = JSON.parse(text) as unknown;
        if (!value || typeof value !== 'object' || Array.isArray(value))
          return [{ line: i + 1, record: null, error: { code: 'not_json_object' } }];
        return [{ line: i + 1, record: value as Record_ }];
      } catch {
        return [{ line: i + 1, record: null, error: { code: 'not_json' } }];
      }
    });
  }
  // info: true gives each record its line number in the file (quoted fields may span lines).
  const rows = parseCsv(content, {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
    bom: true,
    info: true,
    trim: true,
  }) as {
    record: Record_;
    info: { lines: number };
  }[];
  return rows.map((r) => ({ line: r.info.lines, record: r.record }));
}

function pick(record: Record_, path: string | undefined): unknown {
  if (!path) return undefined;
  if (path in record) return record[path];
  // JSON exports nest authors: "user.screen_name".
  return path
    .split('.')
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record_)[k] : undefined), record);
}

/** Each field's column: the mapping given, else a column name other tools use for it. */
export function resolveMapping(columns: string[], mapping: ColumnMapping): ColumnMapping {
  const lower = new Map(columns.map((c) => [c.toLowerCase(), c]));
  const resolved: ColumnMapping = {};
  for (const field of IMPORT_FIELDS) {
    const chosen = mapping[field] ?? GUESSES[field].map((g) => lower.get(g.toLowerCase())).find(Boolean);
    if (chosen) resolved[field] = chosen;
  }
  return resolved;
}

function parseDate(v: unknown): Date | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'number' || /^\d{9,13}$/.test(String(v))) {
    const n = Number(v);
    // 1e300 is a number but no date: an Invalid Date would throw in toISOString() later.
    const d = new Date(n < 1e11 ? n * 1000 : n);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const d = new Date(String(v));
  return Number.isNaN(d.getTime()) ? null : d;
}

const str = (v: unknown) => (v === undefined || v === null || v === '' ? null : String(v));

export function parseImport(
  content: string,
  format: ImportFormat,
  mapping: ColumnMapping = {},
): { rows: ParsedRow[]; errors: RowError[]; mapping: ColumnMapping } {
  let all: ReturnType<typeof records>;
  try {
    all = records(cleanText(content), format);
  } catch (err) {
    return {
      rows: [],
      errors: [rowProblem(1, 'not_valid_file', { format: format.toUpperCase(), problem: (err as Error).message })],
      mapping,
    };
  }
  if (all.length > MAX_IMPORT_ROWS)
    return {
      rows: [],
      errors: [rowProblem(1, 'too_many_rows', { rows: all.length, max: MAX_IMPORT_ROWS })],
      mapping,
    };
  const firstRecord = all.find((r) => r.record)?.record ?? {};
  const map = resolveMapping(Object.keys(firstRecord).map(cleanText), mapping);
  const rows: ParsedRow[] = [];
  const errors: RowError[] = [];
  if (!map.text) return { rows, errors: [NO_TEXT_COLUMN], mapping: map };
  for (const raw of all) {
    const r = rowOf(raw, map);
    if ('message' in r) errors.push(r);
    else rows.push(r);
  }
  return { rows, errors, mapping: map };
}

export const NO_TEXT_COLUMN: RowError = rowProblem(1, 'no_text_column', { example: 'text=<column>' });

/** One record of the file as a post, or why it cannot be one. `map` comes from resolveMapping. */
export function rowOf(
  { line, record: found, error }: { line: number; record: Record_ | null; error?: RawProblem },
  map: ColumnMapping,
): ParsedRow | RowError {
  if (!found) return rowProblem(line, error?.code ?? 'unreadable_row', error?.values);
  if (jsonDepth(found) > MAX_JSON_DEPTH) return rowProblem(line, 'too_deep', { max: MAX_JSON_DEPTH });
  const record = cleanJson(found) as Record_;
  const text = str(pick(record, map.text));
  if (!text) return rowProblem(line, 'empty_text', { column: map.text ?? '' });
  const createdAt = map.createdAt ? parseDate(pick(record, map.createdAt)) : null;
  if (map.createdAt && !createdAt) {
    return rowProblem(line, 'unreadable_date', {
      value: JSON.stringify(str(pick(record, map.createdAt))),
      column: map.createdAt,
    });
  }
  const followersRaw = str(pick(record, map.authorFollowers));
  const followers = followersRaw === null ? null : Number(followersRaw.replace(/[,_\s]/g, ''));
  if (followers !== null && Number.isNaN(followers))
    return rowProblem(line, 'followers_not_number', { value: JSON.stringify(followersRaw) });
  if (followers !== null && (!Number.isInteger(followers) || followers < 0 || followers > MAX_FOLLOWERS)) {
    return rowProblem(line, 'followers_out_of_range', { max: MAX_FOLLOWERS, value: JSON.stringify(followersRaw) });
  }
  const platformRaw = str(pick(record, map.platform))?.toLowerCase() ?? null;
  const platform: Platform =
    platformRaw && (PLATFORMS as readonly string[]).includes(platformRaw) ? (platformRaw as Platform) : 'import';
  const handle = str(pick(record, map.authorHandle))?.replace(/^@/, '') ?? null;
  const when = createdAt ?? new Date(0);
  // Without an id, the same row always hashes to the same id, so importing a file twice is harmless.
  const externalId =
    str(pick(record, map.externalId)) ??
    `h-${bytesToHex(sha256(new TextEncoder().encode(`${handle}|${when.toISOString()}|${text}`))).slice(0, 32)}`;
  return {
    line,
    platform,
    post: {
      externalId,
      url: str(pick(record, map.url)),
      kind: 'post',
      title: str(pick(record, map.title)),
      text,
      lang: str(pick(record, map.lang)),
      createdAt: createdAt ?? new Date(),
      author: {
        externalId: str(pick(record, map.authorId)),
        handle,
        name: str(pick(record, map.authorName)),
        followers,
        bio: null,
        url: null,
        avatarUrl: null,
        verified: false,
      },
      replyToExternalId: null,
      threadExternalId: null,
      metrics: {},
      deleted: false,
      raw: record,
    },
  };
}

/** The format a file name says (".csv", ".jsonl", ".json", ".ndjson"), or null when it says nothing. */
export function formatFromFilename(name: string): ImportFormat | null {
  if (/\.(?:jsonl?|ndjson)$/i.test(name)) return 'jsonl';
  return /\.csv$/i.test(name) ? 'csv' : null;
}

/**
 * "text=Message, createdAt=Date" -> { text: 'Message', createdAt: 'Date' }: the mapping as people
 * type it on the imports page and the command line. `entry` names a bad pair in the error.
 */
export function parseMappingText(
  text: string,
  entry: (pair: string) => string = (pair) => `Mapping "${pair}"`,
): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [field, ...rest] = pair.split('=');
    const column = rest.join('=').trim();
    const name = field?.trim() ?? '';
    if (!column || !(IMPORT_FIELDS as readonly string[]).includes(name)) {
      throw importError('IMPORT_MAPPING_INVALID', { entry: entry(pair), fields: IMPORT_FIELDS.join(', ') });
    }
    mapping[name as ImportField] = column;
  }
  return mapping;
}
