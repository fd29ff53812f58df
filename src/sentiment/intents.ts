/**
 * What a mention wants. Several may hold at once ("love it, but please add dark mode?" is praise, a
 * feature request and a question). A learned model decides (intent-model.ts: words, the hand-written
 * patterns of intent-rules.ts and the sentiment verdict), trained on tests/fixtures/intents-train.tsv
 * and measured on tests/fixtures/intents.tsv (npm run eval:intents). The definitions the examples are
 * labelled by are in tests/fixtures/README.md.
 */
import type { SentimentVerdict } from './intent-features';
import { INTENT_THRESHOLDS, intentProbabilities, SUGGESTION_THRESHOLD } from './intent-model';
import { judge } from './judge';
import { type Reading, read } from './reading';

import { INTENTS, type Intent } from './intent-names';

export { INTENTS, type Intent } from './intent-names';

export interface IntentInput {
  /** Lower-cased, entity-decoded text. */
  text: string;
  /** The same text with its case (capitals tell names apart). */
  original?: string;
  /**
   * The sentiment verdict on the text, as analyze() has it: label, score (-1..1) and confidence (0..1).
   * Without all three the model reads the text's sentiment itself.
   */
  label?: SentimentVerdict['label'];
  score?: number;
  confidence?: number;
}

/** How sure the model is of each intent, 0..1, with the threshold each must pass to count. */
export type IntentConfidences = Record<Intent, { probability: number; threshold: number }>;

/** Every intent's probability and threshold: for ranking (e.g. priority) beyond the yes/no of detectIntents. */
export function intentConfidences(input: IntentInput): IntentConfidences {
  const p = probabilities(input);
  return Object.fromEntries(
    INTENTS.map((intent, k) => [intent, { probability: p[k]!, threshold: INTENT_THRESHOLDS[intent]! }]),
  ) as IntentConfidences;
}

/** The intents whose probability reaches their threshold, in the order of INTENTS. */
export function detectIntents(input: IntentInput): Intent[] {
  return intentsOf(input).intents;
}

const FEATURE_REQUEST = INTENTS.indexOf('feature_request');

/**
 * The intents, and whether the post is a feature request the community board should suggest as an idea: only
 * those the model is surer of than it must be to tag the intent (SUGGESTION_THRESHOLD, chosen by
 * cross-validation for precision 0.95), so the queue holds requests to the brand, not "I need a kit kat".
 */
export function intentsOf(input: IntentInput): { intents: Intent[]; suggestsIdea: boolean } {
  const p = probabilities(input);
  return {
    intents: INTENTS.filter((intent, k) => p[k]! >= INTENT_THRESHOLDS[intent]!),
    suggestsIdea: p[FEATURE_REQUEST]! >= SUGGESTION_THRESHOLD,
  };
}

function probabilities({ text, original = text, label, score, confidence }: IntentInput): number[] {
  const sentiment =
    label !== undefined && score !== undefined && confidence !== undefined
      ? { label, score, confidence }
      : verdictOf(read(original));
  return intentProbabilities({ text, original, sentiment });
}

const UNSCORED: SentimentVerdict = { label: 'unscored', score: 0, confidence: 0 };

/**
 * The sentiment model's verdict on a text, as analyze() gives it to detectIntents: for callers that
 * have none at hand (a label alone says too little: the model learned from the score too).
 */
export function verdictOf(reading: Reading): SentimentVerdict {
  const v = judge(reading);
  return v ? { label: v.label, score: v.score, confidence: v.confidence } : UNSCORED;
}
