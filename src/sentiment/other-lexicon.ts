import { DE_NOUN_ONLY, OTHER, OTHER_STOPWORDS, type OtherLanguage } from './lexicons';

/**
 * A word's valence in natural's lexicons (-1..1), scaled to VADER's -4..4. Four repairs:
 * - Function words (stopwords-iso) carry no opinion here: senticon rates Spanish "un" -0.375 and
 *   "todo" +0.25, pattern-fr "plus" and "tout" +0.2. The few that are opinions ("gut", "bien",
 *   "bon", "male") are weighed in the curated layer (./social), which is read first. Measured on
 *   the training files, rules-only ternary macro-F1: InterTASS 0.47 -> 0.51, DEFT 0.44 -> 0.45.
 * - German nouns count only where the post capitalises them: "sucht" is "searches", not "Sucht"
 *   (addiction), "gefahren" is "driven", not "Gefahren" (dangers).
 * - SentiWS (behind natural's German list) rates about 2,000 words ±0.004: "polar, strength not
 *   rated". They are left out: read at any fixed strength (±0.1 to ±0.4) they labelled more
 *   neutral tweets polar than they caught opinions, on both SB10k and PotTS (ternary macro-F1
 *   0.52 / 0.66 left out, 0.41 / 0.63 at ±0.25; scripts/sentiment/language-check.ts). The opinion
 *   words among them ("schön", "geil", "Idiot", "schade") are weighed in ./social/de.ts.
 * - The Spanish, Portuguese, Italian, French and Dutch lists hold mostly one form of a word
 *   ("malo", "bello", "déçu", "slecht"): other genders and numbers fall back to it.
 */
const SCALE = 4;
// Below this a lexicon value means "strength not rated".
const UNRATED = 0.01;

// Endings to try, in order, and what replaces them.
const FALLBACKS: Partial<Record<OtherLanguage, [string, string][]>> = {
  es: [
    ['as', 'o'],
    ['os', 'o'],
    ['a', 'o'],
    ['s', ''],
  ],
  pt: [
    ['as', 'o'],
    ['os', 'o'],
    ['a', 'o'],
    ['s', ''],
  ],
  it: [
    ['a', 'o'],
    ['i', 'o'],
    ['e', 'o'],
    ['i', 'e'],
  ],
  fr: [
    ['es', ''],
    ['e', ''],
    ['s', ''],
  ],
  nl: [['e', '']],
};

// A capital first letter ("Sucht", "#Störung", "STÖRUNG"): a German noun may be meant.
const CAPITALISED = /^#?\p{Lu}/u;

function lookup(lang: OtherLanguage, word: string, value: string): number | undefined {
  if (OTHER_STOPWORDS[lang].has(word)) return undefined;
  if (lang === 'de' && DE_NOUN_ONLY.has(word) && !CAPITALISED.test(value)) return undefined;
  const lexicon = OTHER[lang];
  const p = lexicon.get(word);
  if (p !== undefined) return p;
  const fallbacks = FALLBACKS[lang];
  if (!fallbacks || word.length < 4) return undefined;
  for (const [end, base] of fallbacks) {
    if (!word.endsWith(end)) continue;
    const q = lexicon.get(word.slice(0, -end.length) + base);
    if (q !== undefined) return q;
  }
  return undefined;
}

export function baseValence(lang: OtherLanguage, word: string, value: string): number | undefined {
  const p = lookup(lang, word, value);
  return p === undefined || Math.abs(p) < UNRATED ? undefined : p * SCALE;
}
