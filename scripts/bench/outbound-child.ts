/**
 * For `npm run bench` (outbound section): fetches a URL through the outbound guard, alone in its
 * process, and prints how far RSS rose while the guard read and refused the answer.
 * Usage: tsx scripts/bench/outbound-child.ts <url> [cap in bytes, OUTBOUND_MAX_BYTES's default without]
 */
import { createNodeOutbound, DEFAULT_MAX_BYTES, parseAllowlist } from '../../src/http/outbound';

const MiB = 1024 * 1024;

async function main() {
  const url = process.argv[2]!;
  const maxBytes = Number(process.argv[3] ?? DEFAULT_MAX_BYTES);
  const outbound = createNodeOutbound({ allow: parseAllowlist('127.0.0.1'), maxBytes });
  // Warm up: the transport loads undici lazily; its code is not the answer's memory.
  await outbound.fetch(`${url}?bytes=1024`).then((r) => r.arrayBuffer());
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  let outcome: string;
  try {
    const res = await outbound.fetch(url);
    const body = await res.arrayBuffer();
    outcome = `accepted ${body.byteLength} bytes`;
  } catch (err) {
    outcome = `refused: ${(err as Error).message}`;
  }
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  process.stdout.write(
    `${JSON.stringify({
      outcome,
      ms: performance.now() - started,
      capMiB: maxBytes / MiB,
      growthMiB: (peak - baseline) / MiB,
    })}\n`,
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
