/**
 * The rules' neutral band, fitted on ../shared/data/sentiment (scripts/sentiment/eval.ts): any negative
 * lean counts.
 */
export const THRESHOLDS = { positive: 0.03, negative: 0 };

export type Polarity = 'positive' | 'neutral' | 'negative';

/** The rules' label for their score (languages without a model, and the model's own rule feature). */
export const labelFromRules = (score: number): Polarity =>
  score > THRESHOLDS.positive ? 'positive' : score < THRESHOLDS.negative ? 'negative' : 'neutral';
