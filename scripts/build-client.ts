/**
 * Bundles the browser script (src/http/web/client/*.ts, typed and linted like the rest) into
 * src/http/web/client-bundle.generated.json, which the app serves from /static with a hashed URL. The
 * bundle is committed, so the Node service, the Worker and tests all carry the same bytes without a
 * build step; `tests/architecture/client-bundle.test.ts` fails when it differs from what its sources bundle to.
 *
 *   npm run build:client
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
export const CLIENT_BUNDLE = join(root, 'src/http/web/client-bundle.generated.json');

/** The script as the browser gets it: one IIFE, ES2020, readable (served once per version, cached a year). */
export async function bundleClient(): Promise<string> {
  const out = await build({
    absWorkingDir: root,
    entryPoints: ['src/http/web/client/main.ts'],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return out.outputFiles[0]!.text;
}

export const bundleJson = (script: string) => `${JSON.stringify({ script }, null, 2)}\n`;

if (process.argv[1] === import.meta.filename) {
  writeFileSync(CLIENT_BUNDLE, bundleJson(await bundleClient()));
  process.stderr.write(`wrote ${CLIENT_BUNDLE}\n`);
}
