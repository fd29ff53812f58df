import { describe, expect, it } from 'vitest';
import { INGEST_CHUNK, nextChunkSize } from './pipeline';

describe('nextChunkSize', () => {
  it.each([
    [25, 5, 50, 'doubles while transactions are short'],
    [100, 5, 100, 'never exceeds the maximum'],
    [40, 200, 20, 'halves when a transaction held the database too long'],
    [5, 500, INGEST_CHUNK.min, 'never drops below the minimum'],
    [30, INGEST_CHUNK.targetMs, 30, 'keeps its size near the target'],
  ])('from %i posts after %i ms gives %i (%s)', (size, ms, next) => {
    expect(nextChunkSize(size, ms)).toBe(next);
  });
});
