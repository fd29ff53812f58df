/**
 * Child process of initPgliteDir (open.ts): makes a new PGlite data folder (initdb) and migrates
 * it, then exits. initdb and the first migrations grow PGlite's WASM memory to ~700 MiB, which a
 * WebAssembly instance never gives back; done here, the service opens a finished folder and keeps
 * ~170 MiB instead. Progress lines go to the parent over IPC.
 * Usage (by fork only): pglite-init.child.ts <folder>
 */
import { runMigrations } from './migrate';
import { openPglite } from './pglite';

async function main() {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: pglite-init.child.ts <folder>');
  const handle = await openPglite({ dataDir: dir });
  try {
    await runMigrations(handle, (message) => process.send?.({ progress: message }));
  } finally {
    await handle.close();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
