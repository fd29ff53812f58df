import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { initPgliteDir, openDatabase } from '../../src/db/open';

/**
 * The first start makes PGlite's folder in a child process (its initdb memory stays there) and
 * renames it into place only when made and migrated: a start killed half-way leaves no half-made
 * database that the next start would take for a finished one.
 */
const made: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'social-crm-first-start-'));
  made.push(d);
  return d;
};
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('PGlite first start', () => {
  it('makes and migrates the folder in a child process, then the service opens it', async () => {
    const dataDir = tempDir();
    const progress: string[] = [];
    const handle = await openDatabase({ DATABASE_URL: undefined, DATA_DIR: dataDir }, (m) => progress.push(m));
    try {
      expect(existsSync(join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
      expect(readdirSync(dataDir)).toEqual(['pglite']);
      expect(progress[0]).toMatch(/creating the embedded database/);
      // The child migrated; the parent's own run found nothing left to apply.
      expect(progress.filter((m) => /applying \d+ of \d+ migrations/.test(m))).toHaveLength(1);
      const rows = await handle.db.execute(sql`select count(*)::int as n from users`);
      expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
      // A small buffer pool: WASM memory never shrinks, so PostgreSQL's 128 MB default would stay resident.
      const shown = await handle.db.execute(sql`show shared_buffers`);
      expect((shown as unknown as { rows: { shared_buffers: string }[] }).rows[0]!.shared_buffers).toBe('32MB');
    } finally {
      await handle.close();
    }
  });

  it('replaces what a killed first start left half-made', async () => {
    const dataDir = tempDir();
    // A kill during initdb leaves the side folder; one without PG_VERSION in place is not a database either.
    mkdirSync(join(dataDir, 'pglite.new'), { recursive: true });
    writeFileSync(join(dataDir, 'pglite.new', 'half'), 'x');
    mkdirSync(join(dataDir, 'pglite'), { recursive: true });
    writeFileSync(join(dataDir, 'pglite', 'postgresql.conf'), '# half-made');
    await initPgliteDir(join(dataDir, 'pglite'), () => {});
    expect(existsSync(join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(dataDir, 'pglite.new'))).toBe(false);
    expect(existsSync(join(dataDir, 'pglite', 'half'))).toBe(false);
  });

  it('fails the start with the folder named when the child cannot make it', async () => {
    const dataDir = tempDir();
    // A file where the side folder's parent must be: initdb cannot create anything there.
    writeFileSync(join(dataDir, 'blocked'), 'not a folder');
    await expect(initPgliteDir(join(dataDir, 'blocked', 'pglite'), () => {})).rejects.toThrow(
      /creating the embedded database in .*blocked.* failed/,
    );
  });
});
