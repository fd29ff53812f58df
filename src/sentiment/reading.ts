import { decodeHTML } from 'entities';
import { NEGATIONS as ENGLISH_NEGATIONS, type Hit, scoreEnglish } from './english';
import { URL_RE } from './hashtags';
import { detectLanguage } from './language';
import { NEGATIONS, OTHER_LANGUAGES, type OtherLanguage } from './lexicons';
import { scoreOtherLanguage } from './other-languages';
import { type Token, tokenize } from './tokens';

/**
 * One text read once: decoded, its links pulled out, tokenised, its language told and the rules'
 * score computed. analyze() builds on it, and the trainer (scripts/sentiment/train.ts) reads its
 * examples through the same function, so the model learns from exactly what it will see.
 */
export interface Reading {
  /** Entity-decoded text. */
  text: string;
  /** The text without its links (a "?" in a link asks nothing; "://" is no emoticon). */
  words: string;
  urls: string[];
  tokens: Token[];
  language: string | null;
  /** The rules' result, or null for a language they do not score. */
  rules: { compound: number; hits: Hit[] } | null;
}

const SCORED = new Set<string>(['en', ...OTHER_LANGUAGES]);

export const isScored = (language: string | null) => language === null || SCORED.has(language);

export function negationsFor(language: string | null): ReadonlySet<string> {
  return language === null || language === 'en' ? ENGLISH_NEGATIONS : NEGATIONS[language as OtherLanguage];
}

export function read(input: string, language?: string): Reading {
  const text = decodeHTML(input);
  const urls = text.match(URL_RE) ?? [];
  const words = urls.length ? text.replace(URL_RE, ' ') : text;
  const tokens = tokenize(words);
  const lang = language ?? detectLanguage(text, tokens).code;
  // No words at all (":) :) :)", "🔥🔥"): faces and emoji speak every language, read as English.
  const rules = !isScored(lang)
    ? null
    : lang === null || lang === 'en'
      ? scoreEnglish(tokens)
      : scoreOtherLanguage(lang as OtherLanguage, tokens);
  return { text, words, urls, tokens, language: lang, rules };
}
