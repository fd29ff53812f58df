/**
 * For `npm run bench` (outbound section): fetches a URL through the outbound guard, alone in its
 * process, and prints how far RSS rose while the guard read and refused the answer.
 * Usage: tsx scripts/bench/outbound-child.ts <url> [feed] [cap in bytes]
 * `feed` fetches with fetchFeed (OUTBOUND_FEED_MAX_BYTES's default cap) instead of fetch
 * (OUTBOUND_MAX_BYTES's); a cap given in bytes replaces either default.
 */
import { createNodeOutbound, DEFAULT_FEED_MAX_BYTES, DEFAULT_MAX_BYTES, parseAllowlist } from '../../src/http/outbound';

const MiB = 1024 * 1024;

async function main() {
  const url = process.argv[2]!;
  const args = process.argv.slice(3);
  const feed = args.includes('feed');
  const cap = args.find((a) => /^\d+$/.test(a));
  const maxBytes = Number(cap ?? DEFAULT_MAX_BYTES);
  const feedMaxBytes = Number(cap ?? DEFAULT_FEED_MAX_BYTES);
  const outbound = createNodeOutbound({ allow: parseAllowlist('127.0.0.1'), maxBytes, feedMaxBytes });
  const get = feed ? outbound.fetchFeed : outbound.fetch;
  // Warm up: the transport loads undici lazily; its code is not the answer's memory.
  const small = new URL(url);
  small.searchParams.set('bytes', '1024');
  await get(small).then((r) => r.arrayBuffer());
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  let outcome: string;
  try {
    const res = await get(url);
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
      capMiB: (feed ? feedMaxBytes : maxBytes) / MiB,
      feed,
      growthMiB: (peak - baseline) / MiB,
    })}\n`,
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
