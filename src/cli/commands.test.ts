import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_PASSWORD_PARAMS, type TestContext } from '../../tests/helpers/test-app';
import { createLogger } from '../http/logger';
import { createMetrics } from '../http/metrics';
import { mentions } from '../mentions/schema';
import { runCommand } from './commands';

let t: TestContext;
let lines: string[];

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const cli = async (...argv: string[]) => {
  lines = [];
  await runCommand(argv, {
    db: t.db,
    out: (l) => lines.push(l),
    passwordParams: TEST_PASSWORD_PARAMS,
    defaultWorkspaceName: 'Cli Co',
    jobDeps: { ...t.deps, metrics: createMetrics(), logger: createLogger('silent') },
  });
  return lines;
};

describe('cli', () => {
  it('refuses a non-owner as the very first user', async () => {
    await expect(cli('create-user', '--email', 'a@cli.test', '--role', 'agent')).rejects.toThrow(
      /first user must have --role owner/,
    );
  });

  it('creates the first workspace with its owner, who can then sign in', async () => {
    expect(
      await cli('create-user', '--email', 'boss@cli.test', '--role', 'owner', '--password', 'boss-password-123'),
    ).toEqual(['Created workspace cli-co and owner boss@cli.test']);
    expect(await t.login('boss@cli.test', 'boss-password-123')).toBeTruthy();
  });

  it('generates and prints a password when none is given', async () => {
    const out = await cli('create-user', '--email', 'agent@cli.test', '--role', 'agent');
    expect(out[0]).toBe('Created agent agent@cli.test in workspace cli-co');
    const password = out[1]!.replace('Password: ', '');
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(await t.login('agent@cli.test', password)).toBeTruthy();
  });

  it('resets a password and ends the old sessions', async () => {
    const token = await t.login('boss@cli.test', 'boss-password-123');
    await cli('reset-password', '--email', 'boss@cli.test', '--password', 'new-boss-password');
    expect((await t.request('GET', '/api/v1/me', { token })).status).toBe(401);
    expect(await t.login('boss@cli.test', 'new-boss-password')).toBeTruthy();
  });

  it('prints an API key that works once', async () => {
    const out = await cli('create-api-key', '--name', 'etl', '--role', 'analyst');
    const me = await t.request('GET', '/api/v1/me', { token: out[1]! });
    expect(me.json).toMatchObject({ role: 'analyst', workspaceSlug: 'cli-co' });
  });

  it('imports a file of mentions with progress lines and a bad-row report', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cli-import-')), 'm.csv');
    const posts = Array.from({ length: 30 }, (_, i) => `post ${i},2026-11-0${(i % 9) + 1}`).join('\n');
    writeFileSync(file, `body,when\n${posts}\n,2026-11-01\n`);
    const out = await cli('import-mentions', '--file', file, '--map', 'text=body,createdAt=when');
    const size = statSync(file).size;
    expect(out[0]).toBe(`0% (0/${size} bytes read: 0 rows, 0 new, 0 already stored, 0 bad)`);
    expect(out).toContain(`100% (${size}/${size} bytes read: 31 rows, 30 new, 0 already stored, 1 bad)`);
    expect(out).toContain('line 32: empty text (column body)');
    expect(out.at(-1)).toBe(`Imported 30 new mentions from ${file} (0 already stored, 1 bad rows)`);
  });

  it('imports contacts from a CSV with progress lines and a bad-row report', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cli-contacts-')), 'people.csv');
    const people = Array.from({ length: 30 }, (_, i) => `Person ${i},p${i}@cli.test,pro`).join('\n');
    writeFileSync(
      file,
      `Full Name,E-mail,Plan\n${people}\nBroken,not-an-email,free\nPerson 0 again,P0@cli.test,free\n`,
    );
    const out = await cli('import-contacts', file, '--map', 'email=E-mail,custom:plan=Plan');
    expect(out[0]).toBe('Columns: name=Full Name, email=E-mail, custom:plan=Plan');
    expect(out[1]).toMatch(/^0% \(0\/32 rows checked/);
    expect(out).toContain('100% (32/32 rows checked, 1 bad)');
    expect(out).toContain('line 32: "not-an-email": not an email address (column E-mail)');
    expect(out.at(-1)).toBe(`Imported 30 new contacts from ${file} (1 rows merged by email, 1 bad rows)`);
  });

  it('re-analyses stale mentions with progress', async () => {
    await t.db.update(mentions).set({ analysisVersion: null });
    const out = await cli('reanalyze');
    expect(out[0]).toMatch(/^0% \(0\/30 mentions\)$/);
    expect(out).toContain('100% (30/30 mentions)');
    expect(out.at(-1)).toMatch(/^Re-analysed 30 mentions with analyzer version \d+$/);
  });

  it('rebuilds the report rollups with progress', async () => {
    const out = await cli('rebuild-reports');
    expect(out.some((l) => /^100% \(\d+\/\d+ months of /.test(l))).toBe(true);
    expect(out.at(-1)).toMatch(/^Rebuilt the report rollups of [\w-]+ \(\d+ months\)$/);
  });

  it('runs a scheduled job by id', async () => {
    expect(await cli('run-job', 'session-cleanup')).toEqual([JSON.stringify({ deleted: 0 })]);
  });

  it.each([
    [['create-user', '--email', 'bad', '--role', 'agent'], /Invalid --email/],
    [['create-user', '--email', 'x@cli.test', '--role', 'king'], /Invalid --role/],
    [['reset-password', '--email', 'nobody@cli.test'], /No user with email/],
    [['frobnicate'], /Unknown command frobnicate/],
    [['import-mentions', '--file', '/nope.csv'], /Cannot read \/nope.csv/],
    [['import-mentions', '--file', 'x.csv', '--map', 'colour=x'], /Invalid --map entry colour=x/],
    [['import-contacts'], /Missing --file/],
    [['import-contacts', 'x.csv', '--map', 'colour=x'], /Invalid --map entry colour=x/],
    [['create-user', '--bogus'], /Unknown option/],
  ])('explains bad input in one message: %o', async (argv, message) => {
    await expect(cli(...argv)).rejects.toThrow(message);
  });
});
