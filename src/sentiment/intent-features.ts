/**
 * What the intent model sees of a post: its words, emoji, word openings and word pairs (with negation
 * marked), names as one word, and its cues (intent-cues.ts: shape, valence, word classes, patterns and the
 * sentiment verdict). Each feature is a name hashed to 32 bits (fnv.ts), so the model stores
 * weights for the features it learned and nothing else. Shared by the training script and inference:
 * the two can never see different inputs.
 */
import { cuesOf, type SentimentVerdict } from './intent-cues';
import { feed, prefix, step } from './fnv';
import { wordClasses } from './intent-lexicon';
import { EN, FOREIGN_STOPWORDS, OTHER, OTHER_LANGUAGES } from './lexicons';

export type { SentimentVerdict } from './intent-cues';
export { hashFeature } from './fnv';

const NEGATORS = new Set(
  (
    'not no never nothing nobody none nor cannot without kein keine keinen keinem keiner keines nicht nie niemand ' +
    'nichts pas jamais nunca nada niet geen non'
  ).split(' '),
);
const negates = (word: string) => NEGATORS.has(word) || (word.length > 3 && word.endsWith('t') && /n['’]t$/.test(word));
// Negation reaches to the next punctuation, at most three words ("doesn't work at all").
const NEGATION_REACH = 3;
const PREFIX = 5;

const WORD = prefix('w:');
const NEGATED = prefix('n:');
const PAIR = prefix('b:');
const OPENING = prefix('p:');
const EMOJI = prefix('e:');
const SPACE = 0x20;
// A name the model does not know (of a brand, mostly) counts as this one word: what is said about a
// brand tells the intent, not which brand it is.
const NAME = '‹name›';
const NAME_WORD = feed(WORD, NAME) >>> 0;

export interface FeatureInput {
  /** Lower-cased, entity-decoded text. */
  text: string;
  /** The same with its case. */
  original: string;
  sentiment: SentimentVerdict;
  /**
   * Whether the model knows a word (by the hash of its feature): a capitalised word it does not know is
   * taken for a name. Without it, no word is.
   */
  known?: (hash: number) => boolean;
}

export interface Features {
  /** Words, emoji, word openings, word pairs and names (hashed): each counts wordWeight(their number). */
  words: number[];
  /** Cues (hashed): each counts 1. */
  cues: number[];
}

// Letters and digits of any script (lower-cased text: no A-Z needed, but harmless); an apostrophe
// between letters stays in the word ("don't", "can’t"). Emoji and other symbols separate words.
const isLetter = (c: number) =>
  (c >= 97 && c <= 122) ||
  (c >= 48 && c <= 57) ||
  (c >= 65 && c <= 90) ||
  (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);
const isApostrophe = (c: number) => c === 39 || c === 0x2019;
// '?' and '!' are words of their own: how a post asks or exclaims is half of what it wants.
const QUESTION_MARK = 63;
const EXCLAMATION = 33;
// Punctuation that ends a clause: negation stops there, and the next word pairs with the clause start `|`.
const isClauseEnd = (c: number) => c === 44 || c === 46 || c === 59 || c === 58 || c === 40 || c === 41;
// Emoji and pictographs (🙃 👏 🙏 ❤ ⭐ ✈): each is a word of its own. Skin tones (U+1F3FB..F) only colour one.
const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isSymbol = (c: number) => c >= 0x2190 && c <= 0x2bff;
const isSkinTone = (body: string, i: number) =>
  body.charCodeAt(i) === 0xd83c && body.charCodeAt(i + 1) >= 0xdffb && body.charCodeAt(i + 1) <= 0xdfff;
const NEGATED_CLASS = new Map<string, string>();
const negatedClass = (name: string) => NEGATED_CLASS.get(name) ?? NEGATED_CLASS.set(name, `!${name}`).get(name)!;

/** The post's features (inference looks the hashes up; the training script learns their weights). */
export function intentFeatures({ text, original, sentiment, known }: FeatureInput): Features {
  const words: number[] = [];
  // Handles that open a reply say whom it is addressed to, not what it says.
  const body = text.replace(/^(?:(?:@[\w.]+|rt)[\s:,]+)+/, '');
  // Where the body starts in the original (capitals tell names apart), if lower-casing kept the length.
  const shift = known && original.length === text.length ? text.length - body.length : -1;
  let afterName = false;
  let negated = 0;
  // The hash of "b:" + the previous word + " ", ready for the next pair.
  let pair = step(feed(PAIR, '^'), SPACE);
  let count = 0;
  let positive = 0;
  let negative = 0;
  let firstValence = 0;
  let firstEnds = false;
  const classes = new Map<string, number>();
  const n = body.length;
  let i = 0;
  while (i < n) {
    const c = body.charCodeAt(i);
    if (c === QUESTION_MARK || c === EXCLAMATION || isClauseEnd(c)) {
      if (count === 1) firstEnds = true;
      negated = 0;
      afterName = false;
      if (isClauseEnd(c)) pair = step(feed(PAIR, '|'), SPACE);
      else {
        words.push(step(WORD, c) >>> 0, step(pair, c) >>> 0);
        pair = step(step(PAIR, c), SPACE);
      }
      i++;
      continue;
    }
    if (c === 64 /* @ */) {
      // A handle inside the text: skipped whole, as the person it names says nothing about intent.
      i++;
      while (i < n && (isLetter(body.charCodeAt(i)) || body.charCodeAt(i) === 95 || body.charCodeAt(i) === 46)) i++;
      continue;
    }
    if (isHighSurrogate(c) || isSymbol(c)) {
      const end = isHighSurrogate(c) ? i + 2 : i + 1;
      if (!isSkinTone(body, i)) words.push(feed(EMOJI, body, i, end) >>> 0);
      i = end;
      continue;
    }
    if (!isLetter(c)) {
      i++;
      continue;
    }
    const start = i;
    while (
      i < n &&
      (isLetter(body.charCodeAt(i)) || (isApostrophe(body.charCodeAt(i)) && isLetter(body.charCodeAt(i + 1))))
    )
      i++;
    const word = body.slice(start, i);
    const hash = feed(WORD, word) >>> 0;
    if (shift >= 0 && original.charCodeAt(shift + start) !== c && !known!(hash)) {
      // Names in a row ("Lumen Coffee") are one.
      if (!afterName) {
        count++;
        words.push(NAME_WORD, feed(pair, NAME) >>> 0);
        pair = step(feed(PAIR, NAME), SPACE);
      }
      afterName = true;
      negated = negated > 0 ? negated - 1 : 0;
      continue;
    }
    afterName = false;
    count++;
    words.push(negated > 0 ? feed(NEGATED, word) >>> 0 : hash, feed(pair, word) >>> 0);
    // The opening letters stand for the word's family: "crashed" and "crashing", "storniert" and "storno".
    if (word.length > PREFIX + 1) words.push(feed(OPENING, word, 0, PREFIX) >>> 0);
    const wordClass = wordClasses(word);
    if (wordClass) {
      for (const k of wordClass) {
        const key = negated > 0 ? negatedClass(k) : k;
        classes.set(key, (classes.get(key) ?? 0) + 1);
      }
    }
    const v = (valences().get(word) ?? 0) * (negated > 0 ? -0.5 : 1);
    if (count === 1) firstValence = v;
    if (v > 0) positive += v;
    else negative -= v;
    negated = negates(word) ? NEGATION_REACH : negated > 0 ? negated - 1 : 0;
    pair = step(feed(PAIR, word), SPACE);
  }
  words.push(step(pair, 36 /* $ */) >>> 0);
  const post = {
    body,
    reply: body.length !== text.length,
    words: count,
    positive,
    negative,
    firstValence,
    firstEnds,
    classes,
  };
  return { words, cues: cuesOf(post, text, original, sentiment) };
}

/** What each word feature counts: together they have length 8 (Euclidean) whatever the post's length. */
export const wordWeight = (words: number) => (words ? 8 / Math.sqrt(words) : 0);

// Every lexicon's valences in one map, on VADER's -4..4: English first, then the other lexicon languages
// (scaled from -1..1) but for their stopwords ("die", "was": English words with other meanings).
let VALENCES: Map<string, number> | undefined;
function valences(): Map<string, number> {
  if (VALENCES) return VALENCES;
  VALENCES = new Map([...EN].filter(([word]) => !FOREIGN_STOPWORDS.has(word)));
  for (const language of OTHER_LANGUAGES) {
    for (const [word, v] of OTHER[language])
      if (!VALENCES.has(word) && !FOREIGN_STOPWORDS.has(word)) VALENCES.set(word, v * 4);
  }
  return VALENCES;
}
