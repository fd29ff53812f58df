import { sql } from 'drizzle-orm';
import { createWorkspaceWithOwner } from '../../src/accounts/setup.service';
import { findSimilar } from '../../src/contacts/duplicates.service';
import { runMigrations } from '../../src/db/migrate';
import { openPglite } from '../../src/db/pglite';
import { rows } from '../../src/db/rows';
import type { DatabaseHandle } from '../../src/db/types';
import { withTempPostgres } from './temp-postgres';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 100_000);
const step = (m: string) => process.stderr.write(`· ${m}\n`);

const FIRST =
  `ana ben carla dev emil fatima gus hana ivan jun kai lena milo nora omar pia quinn rosa sam tara uma viktor wen xavi
  yara zane alex bea chen dana eli finn gita hugo ines jonas kira luca maya nils olga paul rhea sven tess ugo vera
  will yusuf zoe amir bruno celia dario elena felix greta henrik ida jakob karin leon mira noah otto petra rafael
  sofia timo ulla valentin wanda`.split(/\s+/);
const LAST =
  `silva smith garcia muller rossi dubois jansen kowalski novak horvat nielsen berg larsen costa moreau fischer weber
  wagner becker schulz hoffmann koch richter klein wolf schroder neumann schwarz zimmermann braun kruger hartmann
  lange schmitt werner krause meier lehmann schmid schulze maier kohler herrmann walter konig mayer huber kaiser fuchs
  peters lang scholz moller weiss jung hahn schubert vogel friedrich keller gunther frank berger winkler roth beck
  lorenz baumann franke albrecht schuster simon ludwig bohm winter kraus martin schumacher kramer vogt stein jager
  otto sommer gross seidel heinrich brandt haas schreiber graf schulte dietrich ziegler kuhn pohl engel horn busch
  bergmann thomas voigt sauer arnold wolff pfeiffer`.split(/\s+/);

/** Fills a workspace with CONTACTS contacts (names from a first x last grid, a few typos), set-based. */
async function seed(handle: DatabaseHandle): Promise<string> {
  const { workspace } = await createWorkspaceWithOwner(
    handle.db,
    { workspaceName: 'Bench contacts', email: `bench-c-${Date.now()}@example.com`, password: 'bench-password-123' },
    { m: 64, t: 1, p: 1 },
  );
  const batch = 20_000;
  for (let from = 0; from < CONTACTS; from += batch) {
    const to = Math.min(CONTACTS, from + batch) - 1;
    const first = `{${FIRST.join(',')}}`;
    const last = `{${LAST.join(',')}}`;
    const grid = FIRST.length * LAST.length;
    await handle.db.execute(sql`
      insert into contacts (workspace_id, name, emails)
      select ${workspace.id}::uuid,
        initcap((${first}::text[])[1 + g % ${FIRST.length}] || ' '
          || (${last}::text[])[1 + (g / ${FIRST.length}) % ${LAST.length}])
          || case when g % 7 = 0 then 'e' else '' end
          || case when g >= ${grid} then ' ' || (g / ${grid})::text else '' end,
        array['c' || g || '@example.com']
      from generate_series(${from}::int, ${to}::int) g`);
    step(`contacts: ${to + 1}/${CONTACTS} seeded`);
  }
  await handle.db.execute(sql`analyze contacts`);
  return workspace.id;
}

async function measure(handle: DatabaseHandle, label: string): Promise<[string, string]> {
  const workspaceId = await seed(handle);
  const sample = rows<{ id: string }>(
    await handle.db.execute(
      sql`select id from contacts where workspace_id = ${workspaceId}::uuid order by random() limit 25`,
    ),
  );
  await findSimilar(handle.db, workspaceId, sample[0]!.id);
  const times: number[] = [];
  let found = 0;
  for (const { id } of sample) {
    const t0 = performance.now();
    found += (await findSimilar(handle.db, workspaceId, id)).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p95 = times[Math.floor(times.length * 0.95)]!;
  return [
    `duplicate search over ${CONTACTS} contacts, ${label}`,
    `median ${median.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms ` +
      `(${sample.length} searches, ${(found / sample.length).toFixed(1)} candidates each; target < 200 ms)`,
  ];
}

export async function benchContacts(): Promise<[string, string][]> {
  const out: [string, string][] = [];
  step(`contacts: ${CONTACTS} contacts into a fresh PGlite`);
  const pglite = await openPglite();
  await runMigrations(pglite);
  out.push(await measure(pglite, 'PGlite'));
  await pglite.close();

  out.push(
    ...(await withTempPostgres(
      'bench_contacts',
      'duplicate search, PostgreSQL',
      async (pg) => [await measure(pg, 'PostgreSQL')],
      { max: 1 },
    )),
  );
  return out;
}
