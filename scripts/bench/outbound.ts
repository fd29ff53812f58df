/**
 * The outbound guard's byte caps (issue 14 "must show"): a local server answers 200 MB or 2 GB; a
 * process of its own fetches it through the guard (scripts/bench/outbound-child.ts), as an API
 * call (OUTBOUND_MAX_BYTES, 4 MiB by default) or as a feed (OUTBOUND_FEED_MAX_BYTES, 16 MiB), and
 * the bench prints how far that process's RSS rose before the guard refused the answer at its cap.
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
  // The guard's memory follows its cap, not the answer: the same growth for 200 MB and 2 GB. It
  // is about twice the cap: undici copies socket buffers, and V8 frees the originals (external
  // memory) only at its next collection, which a few MiB of it does not bring on.
  const run = async (bytes: number, kind: 'api' | 'feed') => {
    sent = 0;
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/big?bytes=${bytes}`;
    const args = ['--expose-gc', 'scripts/bench/outbound-child.ts', url, ...(kind === 'feed' ? ['feed'] : [])];
    // Three fresh processes: one run's growth swings with when V8 happens to collect.
    const runs: { outcome: string; ms: number; capMiB: number; growthMiB: number }[] = [];
    for (let i = 0; i < 3; i++) {
      const { stdout } = await promisify(execFile)(TSX, args);
      runs.push(JSON.parse(stdout.trim().split('\n').pop()!));
    }
    const growths = runs.map((x) => x.growthMiB).sort((x, y) => x - y);
    const r = runs[0]!;
    const size = bytes / 1e6 >= 1000 ? `${bytes / 1e9} GB` : `${bytes / 1e6} MB`;
    const label = `a ${size} answer, ${kind === 'feed' ? 'feed' : 'API'} cap ${r.capMiB} MiB`;
    // Issue 14's target is for API answers; a feed's cap is four times theirs.
    const target = kind === 'api' ? ' (target < 15 MB)' : '';
    return [
      [label, `${r.outcome} (after ${r.ms.toFixed(0)} ms; the server got to send ${(sent / 3e6).toFixed(0)} MB a run)`],
      [
        '  RSS growth while it was read and refused',
        `median ${growths[1]!.toFixed(1)} MiB, runs ${growths.map((g) => g.toFixed(1)).join(' / ')}${target}`,
      ],
    ] as [string, string][];
  };
  try {
    return [
      ...(await run(ANSWER_BYTES, 'api')),
      ...(await run(10 * ANSWER_BYTES, 'api')),
      ...(await run(ANSWER_BYTES, 'feed')),
    ];
  } finally {
    server.close();
    server.closeAllConnections();
  }
}
