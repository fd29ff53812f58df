/**
 * `npm run bench`: the figures the issues ask for, measured on this machine and printed.
 * Benchmarks are not tests: they report, they do not pass or fail. BENCH_ONLY picks sections, from
 * startup,ingest,feed,sentiment,contacts,inbox,live,reports,community,ideas,imports,outbound,faults,polling,
 * webhooks.
 */
import { benchCommunity } from './community';
import { benchContacts } from './contacts';
import { benchFaults } from './faults';
import { benchFeed } from './feed';
import { benchIdeaStatus } from './idea-status';
import { benchImports } from './imports';
import { benchOutbound } from './outbound';
import { benchPolling } from './polling';
import { benchInbox } from './inbox';
import { benchLive } from './live';
import { benchReports } from './reports';
import { benchIngest } from './ingest';
import { benchSentiment } from './sentiment';
import { benchStartup } from './startup';
import { benchWebhooks } from './webhooks';

const SECTIONS: Record<string, () => Promise<[string, string][]>> = {
  startup: benchStartup,
  ingest: benchIngest,
  feed: benchFeed,
  sentiment: benchSentiment,
  contacts: benchContacts,
  inbox: benchInbox,
  live: benchLive,
  reports: benchReports,
  community: benchCommunity,
  ideas: benchIdeaStatus,
  imports: benchImports,
  outbound: benchOutbound,
  faults: benchFaults,
  polling: benchPolling,
  webhooks: benchWebhooks,
};

async function main() {
  const only = process.env.BENCH_ONLY?.split(',');
  const results: [string, [string, string][]][] = [];
  for (const [name, fn] of Object.entries(SECTIONS)) {
    if (only && !only.includes(name)) continue;
    results.push([name, await fn()]);
  }
  const width = Math.max(...results.flatMap(([, rows]) => rows.map((r) => r[0].length)));
  for (const [name, rows] of results) {
    console.log(`\n${name} (this machine: 2 cores):`);
    for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
