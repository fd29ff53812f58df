import { hashFeature, intentFeatures, type SentimentVerdict, wordWeight } from '../../src/sentiment/intent-features';
import { verdictOf } from '../../src/sentiment/intents';
import { read } from '../../src/sentiment/reading';
import { maskBrands, PLACEHOLDER } from './design-brands';
import type { Model } from './logistic';

const PLACEHOLDER_WORD = hashFeature(`w:${PLACEHOLDER.toLowerCase()}`);

// Each post is read and judged once, however many folds score it.
const readings = new Map<string, { words: string; sentiment: SentimentVerdict }>();
function reading(raw: string) {
  let known = readings.get(raw);
  if (!known) {
    const r = read(raw);
    known = { words: r.words, sentiment: verdictOf(r) };
    readings.set(raw, known);
  }
  return known;
}

/**
 * A post's hashed features and their values, from the very text and verdict analyze() gives detectIntents;
 * `known`: the words the model knows (a capitalised word it does not is a name, as in intent-model.ts).
 * To learn from (`learning`), the post's brand names are one placeholder name besides.
 */
export function intentInputs(raw: string, known: (hash: number) => boolean, learning = false) {
  // As analyze() does: entities decoded, URLs out, the sentiment model's verdict beside the words.
  const { words, sentiment } = reading(raw);
  const text = learning ? maskBrands(words) : words;
  const features = intentFeatures({
    text: text.toLowerCase(),
    original: text,
    sentiment,
    known: learning ? (hash) => hash !== PLACEHOLDER_WORD && known(hash) : known,
  });
  const weight = wordWeight(features.words.length);
  return {
    hashes: [...features.words, ...features.cues],
    values: [...features.words.map(() => weight), ...features.cues.map(() => 1)],
  };
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/**
 * The weights as 16-bit integers times one scale, little-endian in base64: a third of the size of
 * JSON numbers, and the rounding (1/32767 of the largest weight) moves no score by a visible amount.
 */
export function quantise(vocabulary: Map<number, number>, model: Model) {
  let largest = 0;
  for (const w of model.weights) largest = Math.max(largest, Math.abs(w));
  const scale = largest / 32767;
  const hashes = new DataView(new ArrayBuffer(vocabulary.size * 4));
  const weights = new DataView(new ArrayBuffer(vocabulary.size * model.outputs * 2));
  for (const [hash, row] of vocabulary) {
    hashes.setUint32(row * 4, hash, true);
    for (let k = 0; k < model.outputs; k++) {
      weights.setInt16(
        (row * model.outputs + k) * 2,
        Math.round(model.weights[row * model.outputs + k]! / scale),
        true,
      );
    }
  }
  return {
    bias: Array.from(model.bias, (b) => Math.round(b * 1e6) / 1e6),
    scale,
    hashes: base64(new Uint8Array(hashes.buffer)),
    weights: base64(new Uint8Array(weights.buffer)),
  };
}
