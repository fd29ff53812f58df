/**
 * The compiled Node entry (`npm start` runs it; `prestart` calls this first). esbuild bundles src/ into
 * dist/node/ as ES modules, split where the code loads lazily (the analyzer, PGlite, Inngest, nodemailer),
 * with node_modules left as they are. It takes well under a second, and is skipped when dist/node/ is newer
 * than every source file, so a start on an unchanged checkout pays only the check (a few milliseconds).
 *
 *   node scripts/build.mjs           build if anything changed
 *   node scripts/build.mjs --force   build anyway
 *
 * Plain JavaScript: it must run before anything is compiled. Development keeps tsx (`npm run dev`).
 */
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, 'dist', 'node');
const stamp = join(out, '.built');
/** What the bundle is made of: a change to any of these rebuilds it. */
const INPUTS = ['src', 'package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs'];
export const ENTRIES = { server: 'src/server/node.ts', 'pglite-init.child': 'src/db/pglite-init.child.ts' };

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = s.mtimeMs;
  for (const name of readdirSync(path)) t = Math.max(t, newest(join(path, name)));
  return t;
}

export function isStale() {
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return INPUTS.some((p) => existsSync(join(root, p)) && newest(join(root, p)) > built);
}

export async function build() {
  const { build: esbuild } = await import('esbuild');
  rmSync(out, { recursive: true, force: true });
  await esbuild({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir: out,
    // Chunks sit beside the entries, so paths made from import.meta.url are the same in every file.
    chunkNames: '[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

if (process.argv[1] === import.meta.filename) {
  const t0 = performance.now();
  if (process.argv.includes('--force') || isStale()) {
    await build();
    process.stderr.write(`built dist/node/ in ${Math.round(performance.now() - t0)} ms\n`);
  }
}
