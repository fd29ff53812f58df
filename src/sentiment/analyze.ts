import { decodeHTML } from 'entities';
import { scoreEnglish } from './english';
import { tokenize } from './tokens';

export const ANALYSIS_VERSION = 1;

export type SentimentLabel = 'positive' | 'neutral' | 'negative' | 'unscored';

export interface Analysis {
  version: number;
  score: number;
  label: SentimentLabel;
}

export const URL_RE = /\b(?:https?:\/\/|www\.)\S+/gi;

/** The neutral band, fitted on ../shared/data/sentiment (see scripts/sentiment): any negative lean counts. */
export const THRESHOLDS = { positive: 0.03, negative: 0 };

export function analyze(input: string): Analysis {
  const text = decodeHTML(input);
  // URLs are pulled out before tokenising: their pieces ("://") would read as emoticons.
  const tokens = tokenize(text.replace(URL_RE, ' '));
  const en = scoreEnglish(tokens);
  const score = en.compound;
  const label: SentimentLabel = score > THRESHOLDS.positive ? 'positive' : score < THRESHOLDS.negative ? 'negative' : 'neutral';
  return { version: ANALYSIS_VERSION, score, label };
}
