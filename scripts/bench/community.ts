/** Community sign-up: how long the answer takes for a taken email and for a new one (production argon2id). */
import { createWorkspaceWithOwner } from '../../src/accounts/setup.service';
import { communityBySlug, signUp } from '../../src/community/members.service';
import { runMigrations } from '../../src/db/migrate';
import { openPglite } from '../../src/db/pglite';
import { createLogger } from '../../src/http/logger';

const ROUNDS = Number(process.env.BENCH_SIGNUPS ?? 5);
const step = (m: string) => process.stderr.write(`· ${m}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchCommunity(): Promise<[string, string][]> {
  step('community: sign-ups into a fresh PGlite, OWASP argon2id parameters');
  const handle = await openPglite();
  await runMigrations(handle);
  try {
    const owner = { workspaceName: 'Bench board', email: 'bench-board@example.com', password: 'bench-password-123' };
    const { workspace } = await createWorkspaceWithOwner(handle.db, owner, { m: 64, t: 1, p: 1 });
    const community = await communityBySlug(handle.db, workspace.slug);
    const deps = { db: handle.db, logger: createLogger('silent'), mailer: { configured: true, send: async () => {} } };
    let ip = 0;
    // Each sign-up from its own address, so the per-address limit does not stop the run.
    const timed = async (email: string) => {
      const t0 = performance.now();
      const input = { email, password: 'bench-member-pass', displayName: 'Bench' };
      await signUp(deps, community, input, { ip: `bench-${++ip}`, baseUrl: 'http://localhost', now: new Date() });
      return performance.now() - t0;
    };
    await timed('taken@bench.test');
    const taken: number[] = [];
    const fresh: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      taken.push(await timed('taken@bench.test'));
      fresh.push(await timed(`new-${i}@bench.test`));
    }
    const ms = (xs: number[]) => `median ${median(xs).toFixed(0)} ms (${ROUNDS} sign-ups)`;
    return [
      ['member sign-up, email already has an account', ms(taken)],
      ['member sign-up, new email', ms(fresh)],
    ];
  } finally {
    await handle.close();
  }
}
