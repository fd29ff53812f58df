import { eld } from 'eld/extrasmall';
import { ENGLISH_STOPWORDS, FOREIGN_STOPWORDS, OTHER, OTHER_LANGUAGES } from './lexicons';
import type { Token } from './tokens';

/**
 * Which language a post is in: ELD (Nito-ELD, a maintained n-gram detector over 60 languages),
 * with two shortcuts that keep analysis fast and sane on short social posts:
 * - text in Latin letters without accents that holds a word no other scored language uses is
 *   English: most mentions are like that, and it halves the cost; so is such text that holds an
 *   English stopword and none of the other languages' (n-gram detection costs ~12 µs a post);
 * - a post of six words or fewer in plain Latin letters is too short for n-grams ("Yay progress!"
 *   came out Tagalog, "I miss Tom Glavine" Croatian): unless the detector is sure it is one of the
 *   languages we score, it is taken as English, the default.
 */
export type LanguageCode = string;

// Words that are English and not German, Spanish, French, Portuguese, Italian or Dutch words too.
const ENGLISH_ONLY = new Set(
  `the and you your it's that this with have has are just what but my for not it be they them their there at get got
    all can will would if about from when our out up do know like love day today new good lol im i'm don't n't 's 'm
    're can't won't we're you're very really much more been being going want need think thanks thank great who how why
    where which miss suck sucks give 'em happy birthday tonight night home damn hey yay awesome tomorrow yesterday
    morning weekend school friend friends nice sad watching watch`.split(/\s+/),
);
export const SHORT_POST_WORDS = 6;
const ACCENTED = /[äöüßéèêëàâçñãõíóúìòùœ]/i;
const NON_LATIN = new RegExp(
  String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}` +
    String.raw`\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Greek}]`,
  'u',
);

export interface DetectedLanguage {
  code: LanguageCode | null;
  /** How it was decided (useful when a post is labelled unscored). */
  method: 'english-words' | 'detector' | 'default';
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the range starts at 0x00 on purpose (all of ASCII).
const NON_ASCII = /[^\x00-\x7f]/;

const knownElsewhere = (t: Token) => t.type === 'word' && OTHER_LANGUAGES.some((l) => OTHER[l].has(t.lower));

export function detectLanguage(text: string, tokens: Token[]): DetectedLanguage {
  // Most posts are plain ASCII: the Unicode script tests are only needed for the others.
  const ascii = !NON_ASCII.test(text);
  const nonLatin = !ascii && NON_LATIN.test(text);
  if (ascii || (!nonLatin && !ACCENTED.test(text))) {
    let words = 0;
    let english = false;
    let foreign = false;
    for (const t of tokens) {
      if (t.type !== 'word') continue;
      words++;
      if (ENGLISH_ONLY.has(t.lower)) return { code: 'en', method: 'english-words' };
      if (ENGLISH_STOPWORDS.has(t.lower)) english = true;
      else if (FOREIGN_STOPWORDS.has(t.lower)) foreign = true;
    }
    if (words === 0) return { code: null, method: 'default' };
    if (english && !foreign) return { code: 'en', method: 'english-words' };
    if (words <= SHORT_POST_WORDS) {
      // Only a confident answer naming one of the languages we score beats the English default,
      // and only a post with a word those languages know could be scored differently there.
      if (!foreign && !tokens.some(knownElsewhere)) return { code: 'en', method: 'default' };
      const r = eld.detect(text);
      return r.isReliable() && (OTHER_LANGUAGES as readonly string[]).includes(r.language)
        ? { code: r.language, method: 'detector' }
        : { code: 'en', method: 'default' };
    }
  }
  const result = eld.detect(text);
  if (result.language && (result.isReliable() || nonLatin)) return { code: result.language, method: 'detector' };
  return nonLatin ? { code: result.language || null, method: 'detector' } : { code: 'en', method: 'default' };
}
