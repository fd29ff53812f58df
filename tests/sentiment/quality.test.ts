import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, type Label, readTsv } from '../../scripts/sentiment/metrics';
import { PEERS } from '../../scripts/sentiment/peers';
import { analyze } from '../../src/sentiment/analyze';

/**
 * The quality bar of the sentiment issue, on the human-rated dev files in ../shared/data: our
 * analyzer beats VADER and raw wink-sentiment on binary accuracy and ternary macro-F1, file by file.
 */
const DATA = join(process.cwd(), '../shared/data/sentiment');
const FILES = ['tweets_dev.tsv', 'movie_snippets.tsv', 'nyt_snippets.tsv'];

describe.each(FILES)('on %s', (file) => {
  const path = join(DATA, file);
  it('has the human-rated file to measure on', () => {
    expect(existsSync(path)).toBe(true);
  });
  if (!existsSync(path)) return;
  const items = readTsv(readFileSync(path, 'utf8'));
  const run = (fn: (t: string) => { label: Label; score: number }) => {
    const results = items.map((i) => fn(i.text));
    return evaluate(items, results.map((r) => r.label), results.map((r) => r.score));
  };
  const ours = run((t) => {
    const a = analyze(t);
    return { label: a.label === 'unscored' ? 'neutral' : a.label, score: a.score };
  });

  it.each(PEERS.filter((p) => p.name !== 'sentiment (AFINN)').map((p) => [p.name, p] as const))('beats %s on binary accuracy and ternary macro-F1', (_name, peer) => {
    const theirs = run(peer.run);
    expect(ours.binaryAccuracy).toBeGreaterThan(theirs.binaryAccuracy);
    expect(ours.ternaryMacroF1).toBeGreaterThan(theirs.ternaryMacroF1);
  });
});
