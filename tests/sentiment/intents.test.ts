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

describe('intent detection on the measuring set (rules are designed on intents-train.tsv only)', () => {
  // Floors just under today's figures (see the issue note): a rule change that loses ground fails here.
  // The aim is 0.85 each; these rules do not reach it on held-out phrasing yet.
  const floors = {
    question: [0.8, 0.7],
    complaint: [0.6, 0.42],
    praise: [0.6, 0.5],
    feature_request: [0.8, 0.5],
    purchase_intent: [0.7, 0.5],
    churn_risk: [0.7, 0.52],
  } as const;
  const scores = intentScores(examples);
  for (const intent of INTENTS) {
    it(`finds ${intent} with precision >= ${floors[intent][0]} and recall >= ${floors[intent][1]}`, () => {
      expect(scores[intent].precision).toBeGreaterThanOrEqual(floors[intent][0]);
      expect(scores[intent].recall).toBeGreaterThanOrEqual(floors[intent][1]);
    });
  }
});
