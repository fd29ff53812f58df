/**
 * For `npm run bench` (webhooks section): sends N signed Meta `feed` events to a running app, evenly over S
 * seconds, alone in its process (so the server's work does not slow the sender's clock), and prints each
 * answer's time in ms as JSON.
 * Usage: tsx scripts/bench/webhooks-child.ts <base url> <secret> <page id> <n> <s> [first comment number]
 */
import { createHmac } from 'node:crypto';

async function main() {
  const [base, secret, page, n, seconds, first = '0'] = process.argv.slice(2) as [
    string,
    string,
    string,
    string,
    string,
  ];
  const events = Number(n);
  const send = async (k: number) => {
    const i = k + Number(first);
    const now = Math.floor(Date.now() / 1000);
    const value = {
      item: 'comment',
      verb: 'add',
      post_id: `${page}_1`,
      comment_id: `1_${i}`,
      parent_id: `${page}_1`,
      message: `Where is order ${i}? Nobody answers`,
      from: { id: String(10_000 + (i % 300)), name: `Visitor ${i % 300}` },
      created_time: now,
    };
    const body = JSON.stringify({
      object: 'page',
      entry: [{ id: page, time: now, changes: [{ field: 'feed', value }] }],
    });
    const t0 = performance.now();
    const res = await fetch(`${base}/webhooks/meta`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
      },
      body,
    });
    await res.text();
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    return performance.now() - t0;
  };
  // The sender's own sockets opened first (a sender that has been running a while, like Meta's): the burst
  // then measures the server's answers, not this process making its first connections.
  await Promise.all(Array.from({ length: 16 }, () => fetch(`${base}/health`).then((r) => r.text())));
  const started = performance.now();
  const pending: Promise<number>[] = [];
  for (let i = 0; i < events; i++) {
    const wait = started + (i * Number(seconds) * 1000) / events - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(send(i));
  }
  const times = await Promise.all(pending);
  process.stdout.write(JSON.stringify({ times, seconds: (performance.now() - started) / 1000 }));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
