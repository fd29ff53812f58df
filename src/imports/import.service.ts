import { and, desc, eq, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { recordAudit } from '../accounts';
import type { Clock } from '../core/clock';
import { AppError, notFound } from '../core/errors';
import { startHeartbeat } from '../core/heartbeat';
import { failureNote } from '../core/redact-error';
import { cleanText } from '../core/safe-text';
import type { Db } from '../db/types';
import { importBatches, LeaseLost } from './batches';
import type { ImportDeps, ImportRow } from './import-types';
import { type ByteSource, storeFile } from './file-store';
import type { ColumnMapping, ImportFormat } from './parse';
import { importChunks, imports } from './schema';

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
// Short, with a heartbeat while the import runs: a killed runner holds its import for at most a minute.
export const LEASE_MS = 60_000;
const HEARTBEAT_MS = LEASE_MS / 3;
const FREE_LEASE = { leaseUntil: null, leaseToken: null, leaseHolder: null };

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
  errors: i.errors,
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
  const token = crypto.randomUUID();
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
        leaseUntil: new Date(clock().getTime() + LEASE_MS),
        leaseToken: token,
        leaseHolder: options.instanceId ?? null,
      })
      .returning();
    const details = { filename: created!.filename, format: created!.format };
    await recordAudit(tx, actor, { action: 'import.created', targetType: 'import', targetId: created!.id, details });
    return created!;
  });
  const heartbeat = keepLease(db, clock, row.id, token, options.heartbeatMs);
  try {
    const size = await storeFile(db, row.id, capped(input.content, MAX_IMPORT_BYTES));
    const [stored] = await db
      .update(imports)
      .set({ size, ...FREE_LEASE })
      .where(eq(imports.id, row.id))
      .returning();
    return stored!;
  } catch (err) {
    // A file cut off or too large leaves nothing half-stored behind (its pieces go with the row).
    await db.delete(imports).where(eq(imports.id, row.id));
    throw err;
  } finally {
    heartbeat.stop();
  }
}

/** Extends the lease `token` holds on an import while its upload or its run goes on. */
function keepLease(db: Db, clock: Clock, id: string, token: string, everyMs?: number, onError?: (e: unknown) => void) {
  return startHeartbeat(
    () =>
      db
        .update(imports)
        .set({ leaseUntil: new Date(clock().getTime() + LEASE_MS) })
        .where(and(eq(imports.id, id), eq(imports.leaseToken, token))),
    everyMs ?? HEARTBEAT_MS,
    onError,
  );
}

export const UPLOAD_CUT_OFF = 'The upload was cut off before the whole file arrived: upload the file again';

/**
 * Uploads whose uploader stopped holding them (its process died mid-upload): failed with the
 * reason, and their pieces deleted. Run with the resume job, and at start for this instance's own.
 */
export async function failAbandonedUploads(db: Db, now: Date): Promise<number> {
  const failed = await db
    .update(imports)
    .set({ status: 'failed', error: UPLOAD_CUT_OFF, finishedAt: now, ...FREE_LEASE })
    .where(
      and(
        isNull(imports.size),
        isNull(imports.content),
        eq(imports.status, 'queued'),
        or(isNull(imports.leaseUntil), lt(imports.leaseUntil, now)),
      ),
    )
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
    if (seen > max) throw new AppError('PAYLOAD_TOO_LARGE', 'Import files may be at most 50 MiB');
    yield chunk;
  }
}

// An import whose file is still being uploaded is not run yet.
const STORED = isNotNull(imports.size);

export async function getImport(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, id)));
  if (!row) throw notFound('Import');
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
  const now = deps.clock();
  const token = crypto.randomUUID();
  const [claimed] = await deps.db
    .update(imports)
    .set({
      status: 'running',
      leaseUntil: new Date(now.getTime() + LEASE_MS),
      leaseToken: token,
      leaseHolder: deps.instanceId ?? null,
    })
    .where(
      and(
        eq(imports.id, id),
        STORED,
        inArray(imports.status, ['queued', 'running']),
        or(isNull(imports.leaseUntil), lt(imports.leaseUntil, now)),
      ),
    )
    .returning();
  if (!claimed) return null;
  // A batch that takes long (a big page through the pipeline) must not lose the import to another runner.
  const heartbeat = keepLease(deps.db, deps.clock, id, token, options.heartbeatMs, (err) =>
    deps.logger.warn({ err, importId: id }, 'import lease heartbeat failed'),
  );
  try {
    let state = await importBatches(deps, claimed, token, onProgress);
    [state] = (await deps.db
      .update(imports)
      .set({ status: 'done', finishedAt: deps.clock(), ...FREE_LEASE })
      .where(eq(imports.id, id))
      .returning()) as [ImportRow];
    onProgress(state);
    return state;
  } catch (err) {
    // Another runner holds the import now (this one was too slow to extend its lease): its batch
    // was rolled back, and the import is that runner's to finish, not a failure.
    if (err instanceof LeaseLost) {
      deps.logger.warn({ importId: id }, 'import taken over by another runner');
      return (await deps.db.select().from(imports).where(eq(imports.id, id)))[0] ?? null;
    }
    deps.logger.error({ err, importId: id }, 'import failed');
    // Staff read one sentence; the statement and its detail stay in the log, under the import's id.
    const [state] = await deps.db
      .update(imports)
      .set({ status: 'failed', error: failureNote(err, 'The import', id), finishedAt: deps.clock(), ...FREE_LEASE })
      .where(eq(imports.id, id))
      .returning();
    return state ?? null;
  } finally {
    heartbeat.stop();
  }
}

/** At start: imports this instance was running when it stopped are resumable now, not in a minute. */
export async function releaseImportLeases(db: Db, holder: string): Promise<number> {
  const freed = await db
    .update(imports)
    .set(FREE_LEASE)
    .where(and(inArray(imports.status, ['queued', 'running']), eq(imports.leaseHolder, holder)))
    .returning({ id: imports.id });
  return freed.length;
}

/** Imports that were queued or cut short (lease run out): picked up by the jobs runner. */
export async function resumableImportIds(db: Db, now: Date) {
  const rows = await db
    .select({ id: imports.id })
    .from(imports)
    .where(
      and(
        STORED,
        inArray(imports.status, ['queued', 'running']),
        or(isNull(imports.leaseUntil), lt(imports.leaseUntil, now)),
      ),
    )
    .limit(10);
  return rows.map((r) => r.id);
}
