import { Duplex, pipeline, Readable } from 'node:stream';
import zlib from 'node:zlib';
import { OutboundError } from './errors';

// How the Node transport hands an undici answer on: as a pull-based web stream, decoded as fetch
// would, with web Headers. Kept apart from the transport so each reads on its own.

/**
 * A web stream over a Node Readable that reads one chunk each time its reader asks (highWaterMark
 * 0), so the socket is paused while nobody reads. Readable.toWeb is not used: on Node 20 it keeps
 * reading ahead of its reader. Cancelling destroys the streams, which ends the connection.
 */
export function pullStream(body: Readable, owned: Readable[] = [body]): ReadableStream<Uint8Array> {
  const chunks = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  // The iterator listens for errors only once first read: a body cancelled unread (a redirect's)
  // must not throw its abort at the process. Read errors still reach the reader through the iterator.
  for (const s of owned) s.on('error', () => undefined);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      cancel(reason) {
        for (const s of owned) s.destroy(reason instanceof Error ? reason : undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

// Lenient as browsers and curl are with an answer cut short inside the compressed data.
const ZLIB_LENIENT = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
const BROTLI_LENIENT = {
  flush: zlib.constants.BROTLI_OPERATION_FLUSH,
  finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
};
export const ACCEPT_ENCODING = 'gzip, deflate, br';
/** More codings than this in one answer is an attack on the decoder, not compression (as undici's fetch). */
const MAX_CODINGS = 5;

/**
 * "deflate" is zlib-wrapped by the standard, raw in some servers' hands: the first byte tells them
 * apart. Written as a generator so the zlib stream's own backpressure holds (a deflate bomb is
 * inflated only as fast as the reader takes it).
 */
const inflateEither = () =>
  Duplex.from(async function* (source: AsyncIterable<Buffer>) {
    const input = source[Symbol.asyncIterator]();
    let first = await input.next();
    while (!first.done && first.value.length === 0) first = await input.next();
    if (first.done) return;
    const head = first.value;
    const inflate = (head[0]! & 0x0f) === 0x08 ? zlib.createInflate(ZLIB_LENIENT) : zlib.createInflateRaw(ZLIB_LENIENT);
    async function* all() {
      yield head;
      for (let next = await input.next(); !next.done; next = await input.next()) yield next.value;
    }
    const out = pipeline(Readable.from(all()), inflate, () => undefined);
    try {
      yield* out;
    } finally {
      out.destroy();
    }
  });

/**
 * The decoders for a Content-Encoding, outermost coding first; null when there is nothing to undo
 * or a coding we do not know (then the body is handed on as it came, as fetch does).
 */
export function decodersFor(contentEncoding: string | null): (() => Duplex)[] | null {
  const codings = (contentEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c && c !== 'identity');
  if (codings.length === 0) return null;
  if (codings.length > MAX_CODINGS) throw new OutboundError('unreachable', 'too many content codings');
  const make: (() => Duplex)[] = [];
  for (const coding of codings.reverse()) {
    if (coding === 'gzip' || coding === 'x-gzip') make.push(() => zlib.createGunzip(ZLIB_LENIENT));
    else if (coding === 'deflate') make.push(inflateEither);
    else if (coding === 'br') make.push(() => zlib.createBrotliDecompress(BROTLI_LENIENT));
    else return null;
  }
  return make;
}

/** undici's header object (string | string[] values) as web Headers; a value Headers refuses is left out. */
export function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      try {
        headers.append(name, v);
      } catch {
        // Not a valid header value for fetch's Headers (a NUL, say): fetch would not have kept it either.
      }
    }
  }
  return headers;
}
