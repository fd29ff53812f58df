import { and, asc, desc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import { importChunks } from './schema';

/**
 * An import's file kept in the database in pieces: written as it arrives and read back one piece
 * at a time, so neither the upload nor the import holds the file whole. The database rather than a
 * file under DATA_DIR: it is the one store PGlite, PostgreSQL and Workers all have, and it goes
 * where the import row goes (deleted with its workspace, present on every instance).
 */
export const FILE_CHUNK_BYTES = 1024 * 1024;

export type ByteSource = string | AsyncIterable<Uint8Array>;

/** Stores a file as pieces of `chunkBytes`; returns its size in bytes. Each piece commits alone. */
export async function storeFile(
  db: Db,
  importId: string,
  source: ByteSource,
  chunkBytes = FILE_CHUNK_BYTES,
): Promise<number> {
  let seq = 0;
  let size = 0;
  for await (const piece of rechunk(toBytes(source), chunkBytes)) {
    await db.insert(importChunks).values({ importId, seq, start: size, data: asBase64(piece) });
    seq++;
    size += piece.length;
  }
  return size;
}

/** The file's bytes from `offset` on, read one piece at a time. */
export async function* readFile(db: Db, importId: string, offset = 0): AsyncGenerator<Uint8Array> {
  const [first] = await db
    .select({ seq: importChunks.seq, start: importChunks.start })
    .from(importChunks)
    .where(and(eq(importChunks.importId, importId), lte(importChunks.start, offset)))
    .orderBy(desc(importChunks.seq))
    .limit(1);
  let seq = first?.seq ?? -1;
  let skip = first ? offset - first.start : 0;
  if (first) {
    const [row] = await db
      .select({ data: FROM_BASE64 })
      .from(importChunks)
      .where(and(eq(importChunks.importId, importId), eq(importChunks.seq, seq)));
    const data = fromBase64(row!.data);
    if (skip < data.length) yield data.subarray(skip);
    skip = 0;
  }
  for (;;) {
    const [row] = await db
      .select({ seq: importChunks.seq, data: FROM_BASE64 })
      .from(importChunks)
      .where(and(eq(importChunks.importId, importId), gt(importChunks.seq, seq)))
      .orderBy(asc(importChunks.seq))
      .limit(1);
    if (!row) return;
    seq = row.seq;
    yield fromBase64(row.data);
  }
}

/**
 * Pieces cross the driver as base64 text, turned into bytea by the database itself: PGlite
 * serialises a bytea parameter byte by byte in JavaScript (1 MiB took 1 s, holding every other
 * query up; as base64, 60 ms) and parses a bytea result the same way (116 ms; as base64, 18 ms).
 */
const asBase64 = (piece: Uint8Array) =>
  sql`decode(${Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString('base64')}, 'base64')`;
const FROM_BASE64 = sql<string>`encode(${importChunks.data}, 'base64')`;
// PostgreSQL's base64 breaks lines every 76 characters; Node's decoder skips them.
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

async function* toBytes(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (typeof source === 'string') {
    yield new TextEncoder().encode(source);
    return;
  }
  yield* source;
}

/** Pieces of exactly `size` bytes (the last one shorter), whatever sizes the source hands over. */
export async function* rechunk(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Uint8Array> {
  let buf = new Uint8Array(size);
  let used = 0;
  for await (const chunk of source) {
    let at = 0;
    while (at < chunk.length) {
      const n = Math.min(size - used, chunk.length - at);
      buf.set(chunk.subarray(at, at + n), used);
      used += n;
      at += n;
      if (used === size) {
        yield buf;
        buf = new Uint8Array(size);
        used = 0;
      }
    }
  }
  if (used > 0) yield buf.subarray(0, used);
}
