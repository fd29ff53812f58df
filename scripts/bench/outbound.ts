/**
 * The outbound guard's byte cap (issue 14 "must show"): a local server answers 200 MB; a process
 * of its own fetches it through the guard (scripts/bench/outbound-child.ts), and the bench prints
 * how far that process's RSS rose before the guard refused the answer at its cap.
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const ANSWER_BYTES = 200 * 1000 * 1000;

export async function benchOutbound(): Promise<[string, string][]> {
  const piece = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  const server = createServer((req, res) => {
    const want = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('bytes') ?? ANSWER_BYTES);
    res.writeHead(200, { 'content-type': 'application/json' });
    let left = want;
    const pump = () => {
      while (left > 0) {
        const n = Math.min(left, piece.length);
        left -= n;
        sent += n;
        if (!res.write(n === piece.length ? piece : piece.subarray(0, n))) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => (left = 0));
    pump();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  // The guard's memory follows its cap, not the answer: the same growth for 200 MB and 2 GB; a
  // smaller cap (OUTBOUND_MAX_BYTES) keeps less. V8 frees the refused bytes at its next collection.
  const run = async (bytes: number, cap?: number) => {
    sent = 0;
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/big?bytes=${bytes}`;
    const args = ['--expose-gc', 'scripts/bench/outbound-child.ts', url, ...(cap ? [String(cap)] : [])];
    // Three fresh processes: one run's growth swings with when V8 happens to collect.
    const runs: { outcome: string; ms: number; capMiB: number; growthMiB: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const { stdout } = await promisify(execFile)(TSX, args);
      runs.push(JSON.parse(stdout.trim().split('\n').pop()!));
    }
    const growths = runs.map((x) => x.growthMiB).sort((x, y) => x - y);
    const r = runs[0]!;
    const label = `a ${bytes / 1e6 >= 1000 ? `${bytes / 1e9} GB` : `${bytes / 1e6} MB`} answer, cap ${r.capMiB} MiB`;
    return [
      [label, `${r.outcome} (after ${r.ms.toFixed(0)} ms; the server got to send ${(sent / 3e6).toFixed(0)} MB a run)`],
      [
        '  RSS growth while it was read and refused',
        `median ${growths[1]!.toFixed(1)} MiB, runs ${growths.map((g) => g.toFixed(1)).join(' / ')} (target < 15 MB)`,
      ],
    ] as [string, string][];
  };
  try {
    return [
      ...(await run(ANSWER_BYTES)),
      ...(await run(10 * ANSWER_BYTES)),
      ...(await run(ANSWER_BYTES, 4 * 1024 * 1024)),
    ];
  } finally {
    server.close();
    server.closeAllConnections();
  }
}
