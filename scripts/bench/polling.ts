/**
 * A platform that answers "200" and trickles its body at 1 byte per second (issue 14 item 3), with
 * the real default deadline: how long each connector's call takes to fail, and with what words.
 * Before the total deadline such a call never ended and held the polling job for minutes.
 */
import { hackernewsConnector } from '../../src/connectors/hackernews/hackernews.connector';
import { redditConnector } from '../../src/connectors/reddit/reddit.connector';
import type { Connector } from '../../src/connectors/types';
import { xConnector } from '../../src/connectors/x/x.connector';
import { createNodeOutbound, DEFAULT_DEADLINE_MS, DEFAULT_MAX_BYTES, parseAllowlist } from '../../src/http/outbound';
import { startTrickleServer } from '../../tests/fakes/trickle-server';

const step = (msg: string) => process.stderr.write(`· ${msg}\n`);

export async function benchPolling(): Promise<[string, string][]> {
  const trickle = await startTrickleServer(1000);
  const http = createNodeOutbound({ allow: parseAllowlist('127.0.0.1'), maxBytes: DEFAULT_MAX_BYTES });
  const cases: [string, Connector, Record<string, unknown>, Record<string, unknown>][] = [
    ['X', xConnector, { baseUrl: trickle.url }, { bearerToken: 't' }],
    [
      'Reddit',
      redditConnector,
      { baseUrl: trickle.url, authBaseUrl: trickle.url, subreddits: ['acme'] },
      { clientId: 'c', clientSecret: 's' },
    ],
    ['Hacker News', hackernewsConnector, { baseUrl: trickle.url }, {}],
  ];
  const rows: [string, string][] = [['total deadline (OUTBOUND_DEADLINE_MS default)', `${DEFAULT_DEADLINE_MS} ms`]];
  try {
    // At once: each call has its own deadline, so together they take one deadline, not three.
    step(`three connectors against a 1 byte/s answer (about ${DEFAULT_DEADLINE_MS / 1000} s)`);
    const results = await Promise.all(
      cases.map(async ([name, connector, config, credentials]) => {
        const started = performance.now();
        const err = await connector
          .poll({
            config: connector.configSchema.parse({ ...config, timeoutMs: 120_000 }),
            credentials: connector.credentialsSchema.parse(credentials),
            cursor: null,
            plan: { queries: ['acme'], hashtags: [] },
            now: new Date(),
            http,
          })
          .then(
            () => null,
            (e: unknown) => e as Error,
          );
        return [name, `${((performance.now() - started) / 1000).toFixed(1)} s, "${err?.message ?? 'no error'}"`] as [
          string,
          string,
        ];
      }),
    );
    for (const [name, text] of results) rows.push([`${name} on a trickling answer`, text]);
  } finally {
    await trickle.close();
  }
  return rows;
}
