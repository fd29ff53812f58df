import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { intentScores, readIntentFile } from '../../scripts/sentiment/intent-metrics';
import { INTENTS } from '../../src/sentiment/intents';

const examples = readIntentFile(readFileSync('tests/fixtures/intents.tsv', 'utf8'));

describe('the labelled intent set (tests/fixtures/intents.tsv)', () => {
  it('has at least 300 examples with every intent well represented, and posts with no intent', () => {
    expect(examples.length).toBeGreaterThanOrEqual(300);
    const scores = intentScores(examples);
    for (const intent of INTENTS) expect(scores[intent].support).toBeGreaterThanOrEqual(55);
    expect(examples.filter((e) => e.labels.length === 0).length).toBeGreaterThanOrEqual(80);
  });
});
