import type { OtherLanguage } from '../lexicons';
import { tokenize } from '../tokens';
import { DE } from './de';
import { ES } from './es';
import type { SocialLexicon } from './forms';
import { FR } from './fr';
import { IT } from './it';
import { NL } from './nl';
import { PT } from './pt';

/** One language's social layer, as the scorer looks it up (Maps and Sets, phrases by their first word). */
export interface Social {
  words: Map<string, number>;
  /** Keyed by the phrase's tokens, lower-cased and joined by one space, as tokenize() splits them. */
  phrases: Map<string, number>;
  phraseStarts: Set<string>;
  longestPhrase: number;
  working: Set<string>;
  unlessNext: Set<string>;
  unflipped: Set<string>;
  contrast: Set<string>;
}

function compile(lex: SocialLexicon): Social {
  const phrases = new Map<string, number>();
  let longestPhrase = 0;
  for (const [text, v] of Object.entries(lex.phrases)) {
    // Tokenised as posts are, so "merci d'avance" is keyed as its three tokens "merci d' avance".
    const lowers = tokenize(text).map((t) => t.lower);
    phrases.set(lowers.join(' '), v);
    longestPhrase = Math.max(longestPhrase, lowers.length);
  }
  return {
    words: new Map(Object.entries(lex.words)),
    phrases,
    phraseStarts: new Set([...phrases.keys()].map((k) => k.split(' ')[0]!)),
    longestPhrase,
    working: new Set(lex.working),
    unlessNext: new Set(lex.unlessNext ?? []),
    unflipped: new Set(lex.unflipped),
    contrast: new Set(lex.contrast),
  };
}

/** The curated social layer of each scored language other than English. */
export const SOCIAL: Record<OtherLanguage, Social> = {
  de: compile(DE),
  es: compile(ES),
  fr: compile(FR),
  it: compile(IT),
  pt: compile(PT),
  nl: compile(NL),
};
