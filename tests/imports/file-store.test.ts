import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImport } from '../../src/imports/import.service';
import { readFile, storeFile } from '../../src/imports/file-store';
import { createTestContext, type TestContext } from '../helpers/test-app';

/** The stored file comes back byte for byte, from any offset, whatever the bytes are. */
let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;

beforeAll(async () => {
  t = await createTestContext();
  ws = await t.seedWorkspace('Files');
});
afterAll(() => t.close());

const collect = async (pieces: AsyncIterable<Uint8Array>) => {
  const parts: Uint8Array[] = [];
  for await (const p of pieces) parts.push(p);
  return new Uint8Array(Buffer.concat(parts));
};

describe('the import file store', () => {
  it('returns every byte value unchanged, from the start and from offsets inside and between pieces', async () => {
    // All 256 byte values (invalid UTF-8 among them), over two and a half pieces of 1,000 bytes.
    const bytes = new Uint8Array(2_500).map((_, i) => (i * 37 + 11) % 256);
    const row = await createImport(t.db, ws.actor, { filename: 'b.bin', format: 'csv', mapping: {}, content: '' });
    // Handed over in uneven slices of a larger buffer, as a network stream does.
    const source = (async function* () {
      const backing = new Uint8Array(3_000);
      backing.set(bytes, 200);
      for (let at = 0; at < bytes.length; at += 333)
        yield backing.subarray(200 + at, 200 + Math.min(at + 333, bytes.length));
    })();
    expect(await storeFile(t.db, `${row.id}`, source, 1_000)).toBe(2_500);
    for (const offset of [0, 1, 999, 1_000, 1_001, 2_499, 2_500]) {
      expect(await collect(readFile(t.db, row.id, offset))).toEqual(bytes.subarray(offset));
    }
  });
});
