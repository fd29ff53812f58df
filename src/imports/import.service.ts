import { and, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { recordAudit } from '../accounts';
import type { Clock } from '../core/clock';
import { cleanText } from '../core/safe-text';
import { importJobs } from '../db/import-job';
import type { Db } from '../db/types';
import { importBatches } from './batches';
import { IMPORT_ERRORS, importError } from './errors';
import type { ImportDeps, ImportRow } from './import-types';
import { type ByteSource, storeFile } from './file-store';
import type { ColumnMapping, ImportFormat } from './parse';
import { importChunks, imports } from './schema';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
// Short, with a heartbeat while the import runs: a killed runner holds its import for at most a minute.
export const LEASE_MS = 60_000;
// An import whose file is still being uploaded is not run yet.
const STORED = isNotNull(imports.size);
const jobs = importJobs(imports, { leaseMs: LEASE_MS, ready: () => STORED, label: 'The import' });

export const publicImport = (i: ImportRow) => ({
  id: i.id,
  filename: i.filename,
  format: i.format,
  mapping: i.mapping,
  openConversations: i.openConversations,
  status: i.status,
  total: i.total,
  processed: i.processed,
  inserted: i.inserted,
  duplicates: i.duplicates,
  failed: i.failed,
  // How far into the file: the row count is known only at the end (the file is read as a stream).
  progress: i.status === 'done' ? 100 : i.size ? Math.round((i.readBytes / i.size) * 1000) / 10 : 0,
  // The API's rows say what went wrong in English; the page says it from their codes (row-problems.ts).
  errors: i.errors.map(({ line, message }) => ({ line, message })),
  error: i.error,
  createdAt: i.createdAt.toISOString(),
  finishedAt: i.finishedAt?.toISOString() ?? null,
});

/**
 * Keeps the file (stored piece by piece as it arrives, see file-store.ts) and queues the import.
 * Until the whole file is stored the row has no size, and no runner picks it up.
 */
export interface NewImport {
  filename: string;
  format: ImportFormat;
  mapping: ColumnMapping;
  content: ByteSource;
  /** Open an inbox conversation for each imported mention (off: listening and reports only). */
  openConversations?: boolean;
}

/**
 * The uploader holds the row's lease while the file arrives: if its process dies mid-upload, the
 * lease runs out and the sweep (failAbandonedUploads) tells staff to upload again, instead of the
 * row waiting as "queued" for ever.
 */
export interface UploadOptions {
  clock?: Clock;
  instanceId?: string;
  heartbeatMs?: number;
}

export async function createImport(db: Db, actor: Actor, input: NewImport, options: UploadOptions = {}) {
  const clock = options.clock ?? (() => new Date());
  // Held, still queued, by the uploader until the whole file is stored.
  const lease = jobs.queue.heldBy(options.instanceId ?? null, clock(), { waiting: true });
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(imports)
      .values({
        workspaceId: actor.workspaceId,
        createdBy: actor.userId,
        filename: cleanText(input.filename).slice(0, 200),
        format: input.format,
        mapping: input.mapping as Record<string, string>,
        openConversations: input.openConversations ?? false,
        ...lease,
      })
      .returning();
    const details = { filename: created!.filename, format: created!.format };
    await recordAudit(tx, actor, { action: 'import.created', targetType: 'import', targetId: created!.id, details });
    return created!;
  });
  const heartbeat = jobs.queue.keepAlive(db, lease.leaseToken, clock, () => {}, options.heartbeatMs);
  try {
    const size = await storeFile(db, row.id, capped(input.content, MAX_IMPORT_BYTES));
    const stored = await jobs.queue.settle(db, { id: row.id, leaseToken: lease.leaseToken }, { size });
    // Too slow to keep its lease: the sweep has failed it meanwhile and deleted its pieces.
    if (!stored) throw importError('IMPORT_UPLOAD_CUT_OFF');
    return stored;
  } catch (err) {
    // A file cut off or too large leaves nothing half-stored behind (its pieces go with the row).
    await db.delete(imports).where(eq(imports.id, row.id));
    throw err;
  } finally {
    heartbeat.stop();
  }
}

export const UPLOAD_CUT_OFF = IMPORT_ERRORS.IMPORT_UPLOAD_CUT_OFF.en;

/**
 * Uploads whose uploader stopped holding them (its process died mid-upload): failed with the
 * reason, and their pieces deleted. Run with the resume job, and at start for this instance's own.
 */
export async function failAbandonedUploads(db: Db, now: Date): Promise<number> {
  const failed = await db
    .update(imports)
    .set({
      status: 'failed',
      error: UPLOAD_CUT_OFF,
      finishedAt: now,
      leaseUntil: null,
      leaseToken: null,
      leaseHolder: null,
    })
    .where(and(isNull(imports.size), isNull(imports.content), eq(imports.status, 'queued'), jobs.queue.unheld(now)))
    .returning({ id: imports.id });
  if (failed.length > 0)
    await db.delete(importChunks).where(
      inArray(
        importChunks.importId,
        failed.map((f) => f.id),
      ),
    );
  return failed.length;
}

/** The bytes of a source, refused once they pass `max`, however the source is handed in. */
async function* capped(source: ByteSource, max: number): AsyncGenerator<Uint8Array> {
  let seen = 0;
  for await (const chunk of typeof source === 'string' ? [new TextEncoder().encode(source)] : source) {
    seen += chunk.length;
    if (seen > max) throw importError('IMPORT_TOO_LARGE');
    yield chunk;
  }
}

export async function getImport(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, id)));
  if (!row) throw importError('IMPORT_NOT_FOUND');
  return row;
}

export async function listImports(db: Db, workspaceId: string) {
  return db
    .select()
    .from(imports)
    .where(eq(imports.workspaceId, workspaceId))
    .orderBy(desc(imports.createdAt))
    .limit(50);
}

/**
 * Runs (or resumes) an import in batches, saving progress after each, so the page and the CLI can
 * show how far it got. Each batch commits with its place in the file, so a crash repeats nothing.
 */
export async function runImport(
  deps: ImportDeps,
  id: string,
  onProgress: (row: ImportRow) => void = () => {},
  options: { heartbeatMs?: number } = {},
): Promise<ImportRow | null> {
  const done = await jobs.run(
    deps,
    id,
    (job, run) => importBatches(deps, job, run, onProgress).then(() => {}),
    options,
  );
  if (done?.status === 'done') onProgress(done);
  return done;
}

/** At start: imports this instance was running (or uploading) when it stopped are free now, not in a minute. */
export const releaseImportLeases = (db: Db, holder: string, now: Date) => jobs.release(db, holder, now);

/** Imports that were queued or cut short (lease run out): picked up by the jobs runner. */
export const resumableImportIds = (db: Db, now: Date) => jobs.resumableIds(db, now);
