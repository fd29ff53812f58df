import { decodeHTML } from 'entities';
import { type Aspect, findAspects, keyTerms } from './aspects';
import { type Hit, scoreEnglish } from './english';
import { hashtagsIn, URL_RE } from './hashtags';
import { detectIntents, type Intent } from './intents';
import { detectLanguage } from './language';
import { OTHER_LANGUAGES, type OtherLanguage } from './lexicons';
import { scoreOtherLanguage } from './other-languages';
import { tokenize } from './tokens';

import { ANALYSIS_VERSION } from './version';

export { ANALYSIS_VERSION };

export type SentimentLabel = 'positive' | 'neutral' | 'negative' | 'unscored';

export interface Analysis {
  version: number;
  /** ISO 639-1 code, or null when there is no text to tell. */
  language: string | null;
  /** -1 (very negative) .. 1 (very positive); 0 when unscored. */
  score: number;
  label: SentimentLabel;
  intents: Intent[];
  aspects: Aspect[];
  keyTerms: string[];
  hashtags: string[];
  mentions: string[];
  urls: string[];
  emoji: string[];
}

export interface AnalyzeOptions {
  /** Skip detection and analyse as this language (e.g. a source known to be German). */
  language?: string;
}

/** The neutral band, fitted on ../shared/data/sentiment (scripts/sentiment/eval.ts): any negative lean counts. */
export const THRESHOLDS = { positive: 0.03, negative: 0 };

const SCORED = new Set<string>(['en', ...OTHER_LANGUAGES]);

export const labelFor = (score: number): Exclude<SentimentLabel, 'unscored'> =>
  score > THRESHOLDS.positive ? 'positive' : score < THRESHOLDS.negative ? 'negative' : 'neutral';

/**
 * Analyses one text: pure and synchronous (no I/O), so it runs inside the ingest transaction and
 * in tests without setup. Languages other than English and the six lexicon languages are labelled
 * `unscored`, never silently `neutral`.
 */
export function analyze(input: string, options: AnalyzeOptions = {}): Analysis {
  const text = decodeHTML(input);
  const urls = text.match(URL_RE) ?? [];
  // URLs are pulled out before tokenising: their pieces ("://") would read as emoticons.
  const words = urls.length ? text.replace(URL_RE, ' ') : text;
  const tokens = tokenize(words);
  const language = options.language ?? detectLanguage(text, tokens).code;

  let score = 0;
  let hits: Hit[] = [];
  let label: SentimentLabel = 'unscored';
  // No words at all (":) :) :)", "🔥🔥"): faces and emoji speak every language.
  if (language === null || SCORED.has(language)) {
    const result =
      language === null || language === 'en'
        ? scoreEnglish(tokens)
        : scoreOtherLanguage(language as OtherLanguage, tokens);
    score = Math.round(result.compound * 10000) / 10000;
    hits = result.hits;
    label = labelFor(score);
  }

  const mentions: string[] = [];
  const emoji: string[] = [];
  for (const t of tokens) {
    if (t.type === 'mention') mentions.push(t.value);
    else if (t.type === 'emoji') emoji.push(t.value);
  }
  return {
    version: ANALYSIS_VERSION,
    language,
    score,
    label,
    // Without URLs: a "?" in a link's query string asks nothing.
    intents: detectIntents({ text: words.toLowerCase(), original: words, label }),
    aspects: language === 'en' ? findAspects(tokens, hits) : [],
    keyTerms: keyTerms(tokens),
    // The one rule the report rollups count by, whatever the tokens made of them.
    hashtags: hashtagsIn(input),
    mentions,
    urls,
    emoji,
  };
}
