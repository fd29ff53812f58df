import type { Hit } from './english';
import { FNV_OFFSET, feed, step } from './fnv';
import { hasRunOfThree, type Token } from './tokens';

/**
 * What the learned model reads (the same code at training, scripts/sentiment/train.ts, and at
 * inference): hashed word unigrams and bigrams (negation-marked), character 3- to 5-grams of each
 * word, and a few dense features computed from the rules' result (lexicon score, negation, boosters
 * through the score, emoticons and emoji, ALL CAPS, elongation, "but"). Each hashed feature keeps the
 * token it came from, so the model's verdict can be explained word by word.
 */
export interface SparseFeatures {
  index: number[];
  value: number[];
  /** The token each feature came from (a bigram belongs to its second word). */
  token: number[];
}

export const DENSE_FEATURES = [
  'rules score',
  'rules intensity',
  'positive words',
  'negative words',
  'positive faces',
  'negative faces',
  'exclamation',
  'question',
  'ALL CAPS',
  'elongation',
  'negation',
  'contrast',
  'no opinion words',
  'length',
  'link',
] as const;
export type DenseFeature = (typeof DENSE_FEATURES)[number];

export interface RuleView {
  compound: number;
  hits: Hit[];
}

const NS_WORD = 0x9e3779b1;
const NS_BIGRAM = 0x85ebca77;
const NS_CHAR = 0xc2b2ae3d;

// Each kind of feature hashes from its own seed (fnv.ts), so a word and a bigram of the same letters differ.
const fnvStart = (seed: number) => (FNV_OFFSET ^ seed) >>> 0;
const SPACE = 32;
const bigramPrefix = (word: string) => step(feed(fnvStart(NS_BIGRAM), word), SPACE);
const START = bigramPrefix('<s>');
const LT = 60;
const GT = 62;

const TRIPLED = /(.)\1\1+/g;
const NUMBER = /^\d[\d.,:/-]*$/;

/** The word as the model sees it: lower case, elongation squashed, handles and numbers as classes. */
export function modelWord(t: Token): string | null {
  switch (t.type) {
    case 'word':
    case 'hashtag':
      // Most words hold no run of three: testing first spares the replace its cost.
      return hasRunOfThree(t.lower) ? t.lower.replace(TRIPLED, '$1$1') : t.lower;
    case 'emoji':
    case 'emoticon':
      return t.value;
    case 'mention':
      return '@user';
    case 'url':
    case 'email':
      return 'http';
    case 'number':
      return NUMBER.test(t.value) ? '0' : t.lower;
    case 'punctuation':
      // "!!!" and "?!" say something; "," and "." are everywhere.
      return /[!?]/.test(t.value) ? t.value.slice(0, 2) : null;
    default:
      return null;
  }
}

const SENTENCE_END = /[.!?;:]/;

/**
 * Where hashed features are written: one buffer reused call after call, so scoring a text allocates
 * nothing per feature (ingest scores thousands a second; the garbage was a tenth of the time).
 */
export class FeatureBuffer {
  index = new Int32Array(512);
  value = new Float64Array(512);
  /** The token each feature came from (a bigram belongs to its second word). */
  token = new Int32Array(512);
  length = 0;

  push(index: number, value: number, token: number): void {
    if (this.length === this.index.length) this.grow();
    this.index[this.length] = index;
    this.value[this.length] = value;
    this.token[this.length++] = token;
  }

  /** Drops the features of these tokens (a workspace's own term replaces the model's reading of its words). */
  drop(tokens: ReadonlySet<number>): void {
    let kept = 0;
    for (let k = 0; k < this.length; k++) {
      if (tokens.has(this.token[k]!)) continue;
      this.index[kept] = this.index[k]!;
      this.value[kept] = this.value[k]!;
      this.token[kept++] = this.token[k]!;
    }
    this.length = kept;
  }

  private grow(): void {
    const size = this.index.length * 2;
    const index = new Int32Array(size);
    const value = new Float64Array(size);
    const token = new Int32Array(size);
    index.set(this.index);
    value.set(this.value);
    token.set(this.token);
    Object.assign(this, { index, value, token });
  }
}

/**
 * The sparse part, written into `out` (emptied first). `negations` are the language's negation words:
 * the words after one, up to the end of the clause, are read as negated ("not good" is not "good").
 */
export function hashFeatures(
  tokens: Token[],
  negations: ReadonlySet<string>,
  bits: number,
  out: FeatureBuffer,
): FeatureBuffer {
  const mask = (1 << bits) - 1;
  out.length = 0;
  let norm = 0;
  let negated = false;
  let prefix = START;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'punctuation' && SENTENCE_END.test(t.value)) negated = false;
    const w = modelWord(t);
    if (w === null) continue;
    let unigram = feed(fnvStart(NS_WORD), w);
    if (negated && t.type === 'word') unigram = feed(unigram, '_NEG');
    out.push((unigram >>> 0) & mask, 1, i);
    out.push((feed(prefix, w) >>> 0) & mask, 1, i);
    norm += 2;
    prefix = bigramPrefix(w);
    if (t.type === 'word' && w.length > 2) {
      // Character n-grams within "<word>" ("<enttäusch" is in "enttäuschend" and "Enttäuschung").
      const n = w.length + 2;
      for (let a = 0; a + 3 <= n; a++) {
        let h = fnvStart(NS_CHAR);
        for (let k = 0; k < 5 && a + k < n; k++) {
          const at = a + k;
          h = step(h, at === 0 ? LT : at === n - 1 ? GT : w.charCodeAt(at - 1));
          if (k >= 2) {
            out.push((h >>> 0) & mask, 0.5, i);
            norm += 0.25;
          }
        }
      }
    }
    if (t.type === 'word' && negations.has(t.lower)) negated = true;
  }
  // Unit length: a long review and a short tweet weigh alike; the dense features carry the rest.
  const scale = norm ? 1 / Math.sqrt(norm) : 0;
  for (let k = 0; k < out.length; k++) out.value[k]! *= scale;
  return out;
}

/** The sparse part as plain arrays (for training, and for explaining one verdict). */
export function sparseFeatures(tokens: Token[], negations: ReadonlySet<string>, bits: number): SparseFeatures {
  const b = hashFeatures(tokens, negations, bits, new FeatureBuffer());
  return {
    index: Array.from(b.index.subarray(0, b.length)),
    value: Array.from(b.value.subarray(0, b.length)),
    token: Array.from(b.token.subarray(0, b.length)),
  };
}

const FACE_TYPES = new Set(['emoji', 'emoticon', 'punctuation', 'symbol']);
const CAPS = /^[A-ZÄÖÜ]{2,}$/;

/** The dense part, in DENSE_FEATURES order. */
export function denseFeatures(
  tokens: Token[],
  rules: RuleView,
  negations: ReadonlySet<string>,
  links: number,
): Float64Array {
  const d = new Float64Array(DENSE_FEATURES.length);
  d[0] = rules.compound;
  d[1] = Math.abs(rules.compound);
  for (const h of rules.hits) {
    const face = FACE_TYPES.has(tokens[h.index]?.type ?? '');
    const v = Math.max(-4, Math.min(4, h.valence)) / 4;
    const at = (face ? 4 : 2) + (v > 0 ? 0 : 1);
    d[at] = d[at]! + Math.abs(v);
  }
  let words = 0;
  let caps = 0;
  for (const t of tokens) {
    if (t.type === 'punctuation') {
      if (t.value.includes('!')) d[6] = 1;
      if (t.value.includes('?')) d[7] = 1;
    } else if (t.type === 'word') {
      words++;
      if (CAPS.test(t.value)) caps++;
      if (hasRunOfThree(t.lower)) d[9] = 1;
      if (negations.has(t.lower)) d[10] = 1;
      if (t.lower === 'but' || t.lower === 'aber' || t.lower === 'pero' || t.lower === 'mais') d[11] = 1;
    }
  }
  d[14] = links > 0 ? 1 : 0;
  d[8] = caps > 0 && caps < words ? 1 : 0;
  d[12] = rules.hits.length === 0 ? 1 : 0;
  d[13] = Math.log1p(words) / 4;
  // Sums of many words grow without bound: squash them to 0..1.
  for (const k of [2, 3, 4, 5]) d[k] = Math.tanh(d[k]!);
  return d;
}
