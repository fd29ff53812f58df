import { parse as csvParser } from 'csv-parse';
import { cleanText } from '../core/safe-text';
import type { ImportFormat } from './parse';
import type { RawProblem } from './row-problems';

/**
 * Reads an import file's records one at a time from a stream of bytes, so a 24 MiB file never sits
 * in memory whole, parsed or not. Each record carries where it ends in the file (a byte offset) and
 * on which line, so an import cut short resumes from its last committed record instead of reading
 * the file again from the top.
 */
export interface RawRecord {
  line: number;
  record: Record<string, unknown> | null;
  error?: RawProblem;
  /** The file cannot be read past this point (CSV that breaks its own quoting): stop here. */
  fatal?: boolean;
  /** The byte just past this record (and its line break): where reading resumes after it. */
  end: number;
}

/** Where to start: the beginning of the file, or just past a committed record. */
export interface ReadFrom {
  /** Byte offset in the file; the stream handed in starts here. */
  offset: number;
  /** The line the last committed record ended on (0 at the start). */
  line: number;
  /** The CSV header, read on the first pass (resumed reads start below it). */
  columns: string[] | null;
}

export const FROM_START: ReadFrom = { offset: 0, line: 0, columns: null };

/** Reports the CSV header once, when the first pass reads it. */
export type OnColumns = (columns: string[]) => void;

export function readRecords(
  bytes: AsyncIterable<Uint8Array>,
  format: ImportFormat,
  from: ReadFrom = FROM_START,
  onColumns: OnColumns = () => {},
) {
  return format === 'jsonl' ? jsonlRecords(bytes, from) : csvRecords(bytes, from, onColumns);
}

async function* csvRecords(
  bytes: AsyncIterable<Uint8Array>,
  from: ReadFrom,
  onColumns: OnColumns,
): AsyncGenerator<RawRecord> {
  const columns = from.columns
    ? from.columns
    : (header: string[]) => {
        // Keys without NULs or broken Unicode, as the rows' text gets.
        const clean = header.map(cleanText);
        onColumns(clean);
        return clean;
      };
  // info: true gives each record its line (quoted fields may span lines) and its end in bytes.
  const parser = csvParser({
    columns,
    skip_empty_lines: true,
    relax_column_count: true,
    bom: from.offset === 0,
    info: true,
    trim: true,
  });
  // Flowing, into a queue of our own: a stream that fails drops what it buffered, and the good
  // records before a broken quote must still come out. The file is fed in small pieces only while
  // the queue is short, so no more than a piece's worth of records waits in memory.
  const queue: CsvItem[] = [];
  let ended = false;
  let failure: unknown = null;
  // One waiter each: the reader waits for records, the feeder for room in the queue.
  const waiters: (() => void)[] = [];
  const signal = () => {
    for (const w of waiters.splice(0)) w();
  };
  const wait = () => new Promise<void>((resolve) => waiters.push(resolve));
  parser.on('data', (r: CsvItem) => {
    queue.push(r);
    signal();
  });
  parser.on('error', (err) => {
    failure = err;
    signal();
  });
  parser.on('end', () => {
    ended = true;
    signal();
  });
  let stopped = false;
  const feeding = (async () => {
    for await (const chunk of bytes) {
      for (let at = 0; at < chunk.length && !stopped && !failure; at += FEED_BYTES) {
        while (queue.length > MAX_QUEUED && !stopped && !failure) await wait();
        parser.write(chunk.subarray(at, at + FEED_BYTES));
      }
      if (stopped || failure) return;
    }
    parser.end();
  })().catch((err: unknown) => {
    failure = err;
    signal();
  });
  let last = { line: from.line, end: from.offset };
  try {
    for (;;) {
      const r = queue.shift();
      if (r) {
        signal();
        last = { line: from.line + r.info.lines, end: from.offset + r.info.bytes };
        yield { ...last, record: r.record };
        continue;
      }
      if (failure) break;
      if (ended) return;
      await wait();
    }
    const code = (failure as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('CSV_')) throw failure;
    const line = from.line + Number((failure as { lines?: number }).lines ?? last.line - from.line + 1);
    yield {
      line,
      record: null,
      error: { code: 'not_valid_csv_on', values: { problem: (failure as Error).message } },
      fatal: true,
      end: last.end,
    };
  } finally {
    stopped = true;
    signal();
    parser.destroy();
    await feeding;
  }
}

type CsvItem = { record: Record<string, unknown>; info: { lines: number; bytes: number } };
// Pieces the parser is handed at a time, and how many parsed records may wait for the reader.
const FEED_BYTES = 64 * 1024;
const MAX_QUEUED = 2000;

const NEWLINE = 0x0a;

async function* jsonlRecords(bytes: AsyncIterable<Uint8Array>, from: ReadFrom): AsyncGenerator<RawRecord> {
  const decoder = new TextDecoder();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let offset = from.offset;
  let line = from.line;
  const take = (lineBytes: Uint8Array): RawRecord | null => {
    line++;
    offset += lineBytes.length;
    const text = decoder.decode(lineBytes);
    if (!text.trim()) return null;
    try {
      const value = JSON.parse(text) as unknown;
      if (!value || typeof value !== 'object' || Array.isArray(value))
        return { line, record: null, error: { code: 'not_json_object' }, end: offset };
      return { line, record: value as Record<string, unknown>, end: offset };
    } catch {
      return { line, record: null, error: { code: 'not_json' }, end: offset };
    }
  };
  const joined = (tail: Uint8Array) => {
    if (pending.length === 0) return tail;
    const all = new Uint8Array(pendingBytes + tail.length);
    let at = 0;
    for (const p of [...pending, tail]) {
      all.set(p, at);
      at += p.length;
    }
    pending = [];
    pendingBytes = 0;
    return all;
  };
  for await (const chunk of bytes) {
    let start = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      const r = take(joined(chunk.subarray(start, nl + 1)));
      start = nl + 1;
      if (r) yield r;
    }
    if (start < chunk.length) {
      // Copied: the caller may reuse its buffer for the next chunk.
      pending.push(chunk.slice(start));
      pendingBytes += chunk.length - start;
    }
  }
  if (pendingBytes > 0) {
    const r = take(joined(new Uint8Array(0)));
    if (r) yield r;
  }
}
