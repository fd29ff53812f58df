import { yieldToEventLoop } from '../core/concurrency';
import { eq } from 'drizzle-orm';
import { failureNote, sqlState } from '../core/redact-error';
import { cleanText } from '../core/safe-text';
import { type ImportRun, MAX_REPORTED_ERRORS } from '../db/import-job';
import { type IngestTarget, type PreparedPage, preparePosts, storePrepared } from '../ingest';
import { activeTopics } from '../topics';
import type { ImportDeps, ImportRow } from './import-types';
import { readFile } from './file-store';
import {
  type ColumnMapping,
  MAX_IMPORT_ROWS,
  NO_TEXT_COLUMN,
  type ParsedRow,
  resolveMapping,
  type RowError,
  rowOf,
} from './parse';
import { readRecords } from './records';
import { rowProblem } from './row-problems';
import { imports } from './schema';

/**
 * How many rows go into one batch: one transaction holding the rows, the counts and the place in
 * the file, so a crash commits all of a batch or none of it. The size follows how long a batch
 * holds its transaction: on PGlite every other query (/health, the progress page) waits for it.
 */
export interface BatchOptions {
  first: number;
  min: number;
  max: number;
  targetMs: number;
  /**
   * A rest after each batch, as a share of the time it held the database: on PGlite a request
   * that needs one query (/health, the progress page) needs a few turns of the event loop to ask for
   * it, and one turn between batches is not enough for it to get in before the next batch.
   */
  restRatio: number;
  /**
   * Reads and prepares the next batch while the database stores this one. Only where the database
   * works beside us: PGlite runs on our thread, so there it would only stretch each batch's time.
   */
  overlap: boolean;
}

export const DEFAULT_BATCH: BatchOptions = {
  first: 100,
  min: 25,
  max: 500,
  targetMs: 50,
  restRatio: 0.25,
  overlap: false,
};

/**
 * PostgreSQL lets other queries run beside an open transaction, so there a batch is as large as
 * pays; PGlite runs one query at a time, so there it follows the time it holds the database.
 */
export const batchOptionsFor = (dbKind: ImportDeps['dbKind']): BatchOptions =>
  dbKind === 'postgres'
    ? { first: 500, min: 500, max: 500, targetMs: Infinity, restRatio: 0, overlap: true }
    : DEFAULT_BATCH;

/** The next batch's size from how long the last one held its transaction. */
export function nextBatchSize(o: BatchOptions, size: number, ms: number): number {
  if (ms > o.targetMs * 1.5) return Math.max(o.min, Math.floor(size / 2));
  if (ms < o.targetMs / 2) return Math.min(o.max, size * 2);
  return size;
}

/** Rows read since the last commit, and where in the file they end. */
interface Pending {
  rows: ParsedRow[];
  failures: RowError[];
  count: number;
  end: number;
  line: number;
}

/**
 * Reads the import's file from where its last batch ended and stores it batch by batch. `run` is the
 * runner's hold on the import: a batch commits only while it is still ours (null: no runner, a test).
 */
export async function importBatches(
  deps: ImportDeps,
  claimed: ImportRow,
  run: ImportRun<Partial<ImportRow>> | null,
  onProgress: (row: ImportRow) => void,
  options: BatchOptions = batchOptionsFor(deps.dbKind),
): Promise<ImportRow> {
  const topics = await activeTopics(deps.db, claimed.workspaceId);
  let state = claimed;
  let columns = claimed.columns ?? null;
  const from = {
    offset: claimed.readBytes,
    line: claimed.readLines,
    columns: claimed.format === 'csv' ? columns : null,
  };
  const bytes =
    claimed.content !== null
      ? legacyBytes(claimed.content, claimed.readBytes)
      : readFile(deps.db, claimed.id, claimed.readBytes);
  const records = readRecords(bytes, claimed.format, from, (header) => {
    columns = header;
  });
  let map: ColumnMapping | null = null;
  let size = options.first;
  let pending: Pending = { rows: [], failures: [], count: 0, end: from.offset, line: from.line };

  const target: IngestTarget = {
    workspaceId: claimed.workspaceId,
    sourceId: null,
    platform: 'import',
    topics,
    ...(claimed.openConversations ? {} : { threadIf: () => false }),
  };
  // Rows handed to batches so far, stored or not.
  let taken = claimed.processed;
  // The batch the database is storing while the next one is read and prepared: at most one, and
  // batches commit in file order, so the place in the file only ever moves forward.
  let storing: Promise<void> | null = null;

  const store = async (batch: Pending, prepared: PreparedBatch) => {
    const started = performance.now();
    state = await deps.db.transaction(async (tx) => {
      const r = await storeRows({ ...deps, db: tx }, target, prepared, claimed.id);
      const failures = [...batch.failures, ...r.failures].sort((a, b) => a.line - b.line);
      const progress = {
        total: state.processed + batch.count,
        processed: state.processed + batch.count,
        inserted: state.inserted + r.inserted,
        duplicates: state.duplicates + r.duplicates,
        failed: state.failed + failures.length,
        ...(failures.length > 0 && state.errors.length < MAX_REPORTED_ERRORS
          ? { errors: [...state.errors, ...failures].slice(0, MAX_REPORTED_ERRORS) }
          : {}),
        readBytes: batch.end,
        readLines: batch.line,
        columns,
      };
      // Another runner took the import over: this batch is rolled back, and is its to do.
      if (run) await run.save(tx, progress);
      else await tx.update(imports).set(progress).where(eq(imports.id, claimed.id));
      return { ...state, ...progress };
    });
    onProgress(state);
    const ms = performance.now() - started;
    size = nextBatchSize(options, size, ms);
    const rest = Math.min(25, ms * options.restRatio);
    await (rest >= 1 ? new Promise((resolve) => setTimeout(resolve, rest)) : yieldToEventLoop());
  };
  const settle = async () => {
    const last = storing;
    storing = null;
    await last;
  };
  const commit = async () => {
    if (pending.count === 0) return;
    const batch = pending;
    pending = { rows: [], failures: [], count: 0, end: batch.end, line: batch.line };
    taken += batch.count;
    const prepared = await prepareBatch(deps, target, batch.rows);
    await settle();
    storing = store(batch, prepared);
    if (!options.overlap) return settle();
    // Awaited by the next settle; until then a failure must not count as unhandled.
    storing.catch(() => {});
  };

  // Where it starts (0 %, or as far as the last run got), before the first batch is done.
  onProgress(state);
  try {
    for await (const raw of records) {
      if (raw.fatal) {
        pending.failures.push(rowProblem(raw.line, raw.error?.code ?? 'unreadable_row', raw.error?.values));
        pending.count++;
        break;
      }
      if (!map) {
        // JSON Lines name their fields in each object: the first one sets the mapping.
        if (claimed.format === 'jsonl' && !columns) {
          if (!raw.record) {
            pending.failures.push(rowProblem(raw.line, raw.error?.code ?? 'unreadable_row', raw.error?.values));
            pending.count++;
            pending.end = raw.end;
            pending.line = raw.line;
            continue;
          }
          columns = Object.keys(raw.record).map(cleanText);
        }
        map = resolveMapping(columns ?? [], claimed.mapping as ColumnMapping);
        if (!map.text) {
          pending.failures.push(NO_TEXT_COLUMN);
          pending.count++;
          break;
        }
      }
      if (taken + pending.count >= MAX_IMPORT_ROWS) {
        pending.failures.push(rowProblem(raw.line, 'rows_after_limit', { max: MAX_IMPORT_ROWS }));
        pending.count++;
        break;
      }
      const row = rowOf(raw, map);
      if ('message' in row) pending.failures.push(row);
      else pending.rows.push(row);
      pending.count++;
      pending.end = raw.end;
      pending.line = raw.line;
      if (pending.count >= size) await commit();
    }
    await commit();
    await settle();
  } finally {
    // Failed while a batch was being stored: the runner records the failure only after that batch is done.
    await settle().catch(() => {});
  }
  return state;
}

function legacyBytes(content: string, offset: number): AsyncIterable<Uint8Array> {
  return (async function* () {
    yield new TextEncoder().encode(content).subarray(offset);
  })();
}

// What one row's data can make go wrong (SQLSTATE classes: data exception, integrity, program limit),
// as against a database that is away, which fails the import so it resumes later.
const ROW_FAULT = /^(?:22|23|54)/;
const isRowFault = (err: unknown) =>
  err instanceof RangeError || err instanceof TypeError || ROW_FAULT.test(sqlState(err) ?? '');

type RowsResult = { inserted: number; duplicates: number; failures: RowError[] };

/** A batch's rows, a group per platform, each prepared for the pipeline (null: preparing it failed). */
type PreparedBatch = { platform: ParsedRow['platform']; rows: ParsedRow[]; page: PreparedPage | null }[];

/**
 * Matches and analyzes a batch's rows (CPU only), so it can run while the database stores the batch
 * before. A group that fails here is prepared again where the failure is handled, row by row.
 */
async function prepareBatch(deps: ImportDeps, target: IngestTarget, rows: ParsedRow[]): Promise<PreparedBatch> {
  const batch: PreparedBatch = [];
  for (const [platform, group] of groupByPlatform(rows)) {
    const posts = group.map((g) => g.post);
    const page = await preparePosts(deps, { ...target, platform }, posts).catch((err) => {
      if (!isRowFault(err)) throw err;
      return null;
    });
    batch.push({ platform, rows: group, page });
  }
  return batch;
}

/** A batch's rows through the pipeline, a group per platform. */
async function storeRows(
  deps: ImportDeps,
  target: IngestTarget,
  batch: PreparedBatch,
  importId: string,
): Promise<RowsResult> {
  const total: RowsResult = { inserted: 0, duplicates: 0, failures: [] };
  for (const { platform, rows, page } of batch) {
    const r = await ingestRows(deps, { ...target, platform }, rows, importId, page);
    total.inserted += r.inserted;
    total.duplicates += r.duplicates;
    total.failures.push(...r.failures);
  }
  return total;
}

/**
 * A group of rows through the pipeline. Rows its gate turns away are reported with the reason; if
 * the database refuses the group for something in the data, each row is tried alone, so the one at
 * fault is reported by line and the others are stored. Inside the batch's transaction the
 * pipeline's own transactions are savepoints, so a refused group leaves the batch intact.
 */
async function ingestRows(
  deps: ImportDeps,
  target: IngestTarget,
  group: ParsedRow[],
  importId: string,
  prepared: PreparedPage | null = null,
): Promise<RowsResult> {
  try {
    const page =
      prepared ??
      (await preparePosts(
        deps,
        target,
        group.map((g) => g.post),
      ));
    const r = await storePrepared(deps, target, page);
    // The gate names a post by its id (cut to 100 characters); the row it came from gives the line.
    const lineOf = (id: string) =>
      group.find((g) => g.post.externalId === id || g.post.externalId.startsWith(id))?.line ?? 0;
    const failures = r.rejected.map((x) => ({ line: lineOf(x.externalId), message: x.reason }));
    return { inserted: r.inserted, duplicates: r.duplicates, failures };
  } catch (err) {
    if (!isRowFault(err)) throw err;
    if (group.length === 1) {
      deps.logger.error({ err, importId, line: group[0]!.line }, 'import row failed');
      const message = failureNote(err, 'Storing this row', importId);
      return { inserted: 0, duplicates: 0, failures: [{ line: group[0]!.line, message }] };
    }
    const total: RowsResult = { inserted: 0, duplicates: 0, failures: [] };
    for (const row of group) {
      const r = await ingestRows(deps, target, [row], importId);
      total.inserted += r.inserted;
      total.duplicates += r.duplicates;
      total.failures.push(...r.failures);
    }
    return total;
  }
}

function groupByPlatform(rows: ParsedRow[]) {
  const groups = new Map<ParsedRow['platform'], ParsedRow[]>();
  for (const r of rows) {
    const group = groups.get(r.platform);
    if (group) group.push(r);
    else groups.set(r.platform, [r]);
  }
  return groups;
}
