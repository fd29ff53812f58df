import type { Context } from 'hono';

/**
 * Work that outlives the request (an import, a reply send). Workers must be told with waitUntil or
 * they stop it; Node simply keeps running it. Errors are logged by the work itself.
 */
export function runInBackground(c: Context, work: Promise<unknown>) {
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    // Node: no execution context, the promise keeps running on its own.
    void work;
  }
}
