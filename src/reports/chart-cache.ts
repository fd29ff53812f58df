import { createHash } from 'node:crypto';

/**
 * The dashboard's drawn charts, kept so a page shows them without drawing them again (ECharts' server-side
 * renderer is most of a dashboard's time). A slot is one chart of one view: workspace, range, filters, the
 * viewer's language and the workspace's zone and week start, the chart and its width. It holds the picture
 * and a fingerprint of the numbers it was drawn from, which are read from the rollups on every request: when
 * the rollups change (on this instance or any other, by ingest, a correction, a re-analysis or a recount),
 * the numbers differ, the fingerprint does not match and the chart is drawn anew. Nothing has to be told to
 * forget, so nothing can be forgotten to be told. Bounded by slots and by bytes; the least recently used go.
 */
export interface ChartCacheStats {
  hits: number;
  misses: number;
  slots: number;
  bytes: number;
}

interface Entry {
  fingerprint: string;
  picture: string;
}

export class ChartCache {
  private readonly slots = new Map<string, Entry>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(
    private readonly maxSlots = 600,
    private readonly maxBytes = 48 * 1024 * 1024,
  ) {}

  /** The slot's picture when it was drawn from these numbers; else draws it, keeps it and answers it. */
  async get(slot: string, numbers: unknown, draw: () => Promise<string>): Promise<string> {
    const fingerprint = fingerprintOf(numbers);
    const found = this.slots.get(slot);
    if (found && found.fingerprint === fingerprint) {
      // A Map keeps insertion order: taking the slot out and putting it back makes it the newest.
      this.slots.delete(slot);
      this.slots.set(slot, found);
      this.hits++;
      return found.picture;
    }
    this.misses++;
    const picture = await draw();
    this.put(slot, { fingerprint, picture });
    return picture;
  }

  stats(): ChartCacheStats {
    return { hits: this.hits, misses: this.misses, slots: this.slots.size, bytes: this.bytes };
  }

  private put(slot: string, entry: Entry) {
    this.drop(slot);
    // A picture larger than the whole budget is answered but not kept.
    if (entry.picture.length > this.maxBytes) return;
    this.slots.set(slot, entry);
    this.bytes += entry.picture.length;
    for (const oldest of this.slots.keys()) {
      if (this.slots.size <= this.maxSlots && this.bytes <= this.maxBytes) break;
      this.drop(oldest);
    }
  }

  private drop(slot: string) {
    const old = this.slots.get(slot);
    if (!old) return;
    this.slots.delete(slot);
    this.bytes -= old.picture.length;
  }
}

/** A short, stable digest of the numbers a chart is drawn from (JSON keeps their order, which is the chart's). */
export const fingerprintOf = (numbers: unknown): string =>
  createHash('sha256').update(JSON.stringify(numbers)).digest('base64url');

/** One cache per running app (its deps object): a second app in the same process is a second instance. */
const perApp = new WeakMap<object, ChartCache>();
export const chartCacheOf = (deps: object): ChartCache => {
  const found = perApp.get(deps);
  if (found) return found;
  const cache = new ChartCache();
  perApp.set(deps, cache);
  return cache;
};
