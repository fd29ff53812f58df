/**
 * Runs `work` over `items`, at most `limit` at a time, in order of start. An item whose work throws is
 * handed to `onError` and the others go on: one bad item never stops, or hides, the rest.
 */
export async function forEachLimit<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<unknown>,
  onError: (err: unknown, item: T) => void,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) {
      const item = items[i]!;
      try {
        await work(item);
      } catch (err) {
        onError(err, item);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** One turn of the event loop: long CPU work (analysis, batches) lets requests in between its steps. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
