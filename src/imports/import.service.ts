import { and, desc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Actor } from '../accounts/actor';
import { recordAudit } from '../accounts/audit.service';
import type { Clock } from '../core/clock';
import { AppError, notFound } from '../core/errors';
import { failureNote, sqlState } from '../core/redact-error';
import { cleanText } from '../core/safe-text';
import type { Db } from '../db/types';
import { type IngestTarget, ingestPosts } from '../ingest/pipeline';
import type { Logger } from '../server/logger';
import type { Metrics } from '../server/metrics';
import { activeTopics } from '../topics/topics.service';
import { type ColumnMapping, type ImportFormat, parseImport, type ParsedRow, type RowError } from './parse';
import { imports } from './schema';

export type ImportRow = typeof imports.$inferSelect;

export interface ImportDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
}

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const BATCH = 500;
const LEASE_MS = 2 * 60_000;
// The report keeps the first errors; the count keeps them all.
const MAX_REPORTED_ERRORS = 1000;

export const publicImport = (i: ImportRow) => ({
  id: i.id,
  filename: i.filename,
  format: i.format,
  mapping: i.mapping,
  status: i.status,
  total: i.total,
  processed: i.processed,
  inserted: i.inserted,
  duplicates: i.duplicates,
  failed: i.failed,
  progress: i.total ? Math.round((i.processed / i.total) * 1000) / 10 : i.status === 'done' ? 100 : 0,
  errors: i.errors,
  error: i.error,
  createdAt: i.createdAt.toISOString(),
  finishedAt: i.finishedAt?.toISOString() ?? null,
});

export async function createImport(db: Db, actor: Actor, input: { filename: string; format: ImportFormat; mapping: ColumnMapping; content: string }) {
  if (input.content.length > MAX_IMPORT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', 'Import files may be at most 50 MiB');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(imports)
      // The file is kept for resumption in a text column, which cannot hold a NUL byte.
      .values({
        workspaceId: actor.workspaceId,
        createdBy: actor.userId,
        filename: cleanText(input.filename).slice(0, 200),
        format: input.format,
        mapping: input.mapping as Record<string, string>,
        content: cleanText(input.content),
      })
      .returning();
    await recordAudit(tx, actor, { action: 'import.created', targetType: 'import', targetId: row!.id, details: { filename: row!.filename, format: row!.format } });
    return row!;
  });
}

export async function getImport(db: Db, workspaceId: string, id: string) {
  const [row] = await db.select().from(imports).where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, id)));
  if (!row) throw notFound('Import');
  return row;
}

export async function listImports(db: Db, workspaceId: string) {
  return db.select().from(imports).where(eq(imports.workspaceId, workspaceId)).orderBy(desc(imports.createdAt)).limit(50);
}

/**
 * Runs (or resumes) an import in batches, saving progress after each, so the page and the CLI can
 * show how far it got and a crash costs at most one batch of re-work.
 */
export async function runImport(deps: ImportDeps, id: string, onProgress: (row: ImportRow) => void = () => {}): Promise<ImportRow | null> {
  const now = deps.clock();
  const [claimed] = await deps.db
    .update(imports)
    .set({ status: 'running', leaseUntil: new Date(now.getTime() + LEASE_MS) })
    .where(and(eq(imports.id, id), inArray(imports.status, ['queued', 'running']), or(isNull(imports.leaseUntil), lt(imports.leaseUntil, now))))
    .returning();
  if (!claimed) return null;
  try {
    const { rows, errors } = parseImport(claimed.content, claimed.format, claimed.mapping as ColumnMapping);
    const topics = await activeTopics(deps.db, claimed.workspaceId);
    let state = claimed;
    const total = rows.length + errors.length;
    if (state.processed === 0) {
      [state] = await deps.db
        .update(imports)
        .set({ total, failed: errors.length, errors: errors.slice(0, MAX_REPORTED_ERRORS) })
        .where(eq(imports.id, id))
        .returning() as [ImportRow];
      onProgress(state);
    }
    // Bad rows are counted up front; processed walks the good rows after them.
    for (let start = Math.max(0, state.processed - errors.length); start < rows.length; start += BATCH) {
      const batch = rows.slice(start, start + BATCH);
      let inserted = 0;
      let duplicates = 0;
      const failures: RowError[] = [];
      for (const [platform, group] of groupByPlatform(batch)) {
        const r = await ingestRows(deps, { workspaceId: claimed.workspaceId, sourceId: null, platform, topics }, group, id);
        inserted += r.inserted;
        duplicates += r.duplicates;
        failures.push(...r.failures);
      }
      [state] = (await deps.db
        .update(imports)
        .set({
          processed: errors.length + start + batch.length,
          inserted: state.inserted + inserted,
          duplicates: state.duplicates + duplicates,
          failed: state.failed + failures.length,
          errors: [...state.errors, ...failures].slice(0, MAX_REPORTED_ERRORS),
          leaseUntil: new Date(deps.clock().getTime() + LEASE_MS),
        })
        .where(eq(imports.id, id))
        .returning()) as [ImportRow];
      onProgress(state);
    }
    [state] = (await deps.db
      .update(imports)
      .set({ status: 'done', processed: total, finishedAt: deps.clock(), leaseUntil: null })
      .where(eq(imports.id, id))
      .returning()) as [ImportRow];
    onProgress(state);
    return state;
  } catch (err) {
    deps.logger.error({ err, importId: id }, 'import failed');
    // Staff read one sentence; the statement and its detail stay in the log, under the import's id.
    const [state] = await deps.db
      .update(imports)
      .set({ status: 'failed', error: failureNote(err, 'The import', id), finishedAt: deps.clock(), leaseUntil: null })
      .where(eq(imports.id, id))
      .returning();
    return state ?? null;
  }
}

// What one row's data can make go wrong (SQLSTATE classes: data exception, integrity, program limit),
// as against a database that is away, which fails the import so it resumes later.
const ROW_FAULT = /^(?:22|23|54)/;
const isRowFault = (err: unknown) => err instanceof RangeError || err instanceof TypeError || ROW_FAULT.test(sqlState(err) ?? '');

type RowsResult = { inserted: number; duplicates: number; failures: RowError[] };

/**
 * A group of rows through the pipeline. Rows its gate turns away are reported with the reason; if
 * the database refuses the group for something in the data, each row is tried alone, so the one at
 * fault is reported by line and the others are stored.
 */

async function ingestRows(deps: ImportDeps, target: IngestTarget, group: ParsedRow[], importId: string): Promise<RowsResult> {
  try {
    const r = await ingestPosts(deps, target, group.map((g) => g.post));
    // The gate names a post by its id (cut to 100 characters); the row it came from gives the line.
    const lineOf = (id: string) => group.find((g) => g.post.externalId === id || g.post.externalId.startsWith(id))?.line ?? 0;
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
  for (const r of rows) groups.set(r.platform, [...(groups.get(r.platform) ?? []), r]);
  return groups;
}

/** Imports that were queued or cut short (lease run out): picked up by the jobs runner. */
export async function resumableImportIds(db: Db, now: Date) {
  const rows = await db
    .select({ id: imports.id })
    .from(imports)
    .where(and(inArray(imports.status, ['queued', 'running']), or(isNull(imports.leaseUntil), lt(imports.leaseUntil, now))))
    .limit(10);
  return rows.map((r) => r.id);
}
