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
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/big`;
    const { stdout } = await promisify(execFile)(TSX, ['--expose-gc', 'scripts/bench/outbound-child.ts', url]);
    const r = JSON.parse(stdout.trim().split('\n').pop()!) as {
      outcome: string;
      ms: number;
      capMiB: number;
      growthMiB: number;
    };
    return [
      [
        'a 200 MB answer through the guard',
        `${r.outcome} (after ${r.ms.toFixed(0)} ms; cap ${r.capMiB} MiB; ` +
          `the server got to send ${(sent / 1e6).toFixed(0)} MB)`,
      ],
      ['  RSS growth while it was read and refused', `${r.growthMiB.toFixed(1)} MiB (target < 15 MB)`],
    ];
  } finally {
    server.close();
    server.closeAllConnections();
  }
}
