import { describe, expect, it } from 'vitest';
import { rechunk } from './file-store';
import { readRecords, type RawRecord } from './records';

async function* pieces(bytes: Uint8Array, size: number, pulled: { n: number } = { n: 0 }) {
  for (let i = 0; i < bytes.length; i += size) {
    pulled.n++;
    yield bytes.subarray(i, i + size);
  }
}

async function all(records: AsyncIterable<RawRecord>) {
  const out: RawRecord[] = [];
  for await (const r of records) out.push(r);
  return out;
}

const CSV = '\ufeffid,text\n1,"héllo, ""x"""\n\n2,"two\nlines ✨"\n3,three\n4,four';
const JSONL = '{"text":"a"}\n\nnot json\n{"text":"é ✨"}\n[1]\n{"text":"last"}';

describe('readRecords', () => {
  it('reads CSV records with their lines across pieces cut inside characters and quotes', async () => {
    let header: string[] = [];
    const rows = await all(
      readRecords(pieces(new TextEncoder().encode(CSV), 3), 'csv', undefined, (h) => (header = h)),
    );
    expect(header).toEqual(['id', 'text']);
    expect(rows.map((r) => [r.line, r.record])).toEqual([
      [2, { id: '1', text: 'héllo, "x"' }],
      [5, { id: '2', text: 'two\nlines ✨' }],
      [6, { id: '3', text: 'three' }],
      [7, { id: '4', text: 'four' }],
    ]);
  });

  describe.each([
    ['csv', CSV],
    ['jsonl', JSONL],
  ] as const)('%s', (format, text) => {
    it('resumes just past any record and reads exactly the records after it, on the same lines', async () => {
      const bytes = new TextEncoder().encode(text);
      let columns: string[] | null = null;
      const whole = await all(readRecords(pieces(bytes, 5), format, undefined, (h) => (columns = h)));
      for (const [i, r] of whole.entries()) {
        const rest = await all(
          readRecords(pieces(bytes.subarray(r.end), 2), format, { offset: r.end, line: r.line, columns }),
        );
        expect(rest).toEqual(whole.slice(i + 1));
      }
    });
  });

  it('reads JSON Lines, naming the lines that are not objects', async () => {
    const rows = await all(readRecords(pieces(new TextEncoder().encode(JSONL), 4), 'jsonl'));
    expect(rows.map((r) => [r.line, r.record ?? r.error?.code])).toEqual([
      [1, { text: 'a' }],
      [3, 'not_json'],
      [4, { text: 'é ✨' }],
      [5, 'not_json_object'],
      [6, { text: 'last' }],
    ]);
  });

  it.each(['csv', 'jsonl'] as const)('is fed the %s file as it reads, not all at once', async (format) => {
    const lines = Array.from({ length: 20_000 }, (_, i) =>
      format === 'csv' ? `${i},row ${i}` : JSON.stringify({ id: i, text: `row ${i}` }),
    );
    const bytes = new TextEncoder().encode(`${format === 'csv' ? 'id,text\n' : ''}${lines.join('\n')}\n`);
    const pulled = { n: 0 };
    const chunks = Math.ceil(bytes.length / 1024);
    const records = readRecords(pieces(bytes, 1024, pulled), format);
    const first = await records.next();
    expect(first.value).toMatchObject({ record: { text: 'row 0' } });
    expect(pulled.n).toBeLessThan(chunks / 4);
    await records.return(undefined);
  });

  it('stops at CSV that breaks its quoting, naming the line, after the good records', async () => {
    const rows = await all(
      readRecords(pieces(new TextEncoder().encode('text\nfine\n"open "quote\nnever read\n'), 4), 'csv'),
    );
    expect(rows[0]).toMatchObject({ line: 2, record: { text: 'fine' } });
    expect(rows[1]).toMatchObject({ line: 3, fatal: true, record: null });
    expect(rows[1]!.error).toMatchObject({ code: 'not_valid_csv_on', values: { problem: expect.any(String) } });
    expect(rows).toHaveLength(2);
  });
});

describe('rechunk', () => {
  it('cuts any pieces into pieces of one size, the last shorter', async () => {
    const out: number[][] = [];
    for await (const p of rechunk(pieces(Uint8Array.from([1, 2, 3, 4, 5, 6, 7]), 3), 2)) out.push([...p]);
    expect(out).toEqual([[1, 2], [3, 4], [5, 6], [7]]);
  });
});
