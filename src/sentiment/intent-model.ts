/**
 * The learned intent model: one logistic regression per intent over the post's features
 * (intent-features.ts), trained on tests/fixtures/intents-train.tsv by `npm run train:intents`.
 * Pure and synchronous, no I/O: the weights come in as imported JSON, so it runs in a Worker too.
 */
import { type FeatureInput, intentFeatures, wordWeight } from './intent-features';
import data from './intent-model.generated.json' with { type: 'json' };

interface ModelFile {
  intents: string[];
  thresholds: Record<string, number>;
  suggestion: number;
  bias: number[];
  scale: number;
  hashes: string;
  weights: string;
}

const file = data as ModelFile;
const OUTPUTS = file.intents.length;

const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

// Decoded on first use: importing the module (as the community board does) costs no startup time.
// The features' rows sit in an open-addressing table (hash -> row + 1, 0 = empty), a quarter full: a
// look-up is an array read or two, faster than a Map's on this hot path.
let slots: Uint32Array | undefined;
let keys: Uint32Array | undefined;
let weights: Float32Array | undefined;
function load() {
  const hashes = new DataView(bytes(file.hashes).buffer);
  const quantised = new DataView(bytes(file.weights).buffer);
  const features = hashes.byteLength / 4;
  let size = 1;
  while (size < features * 4) size <<= 1;
  slots = new Uint32Array(size);
  keys = new Uint32Array(size);
  for (let r = 0; r < features; r++) {
    const hash = hashes.getUint32(r * 4, true);
    let at = hash & (size - 1);
    while (slots[at]) at = (at + 1) & (size - 1);
    slots[at] = r + 1;
    keys[at] = hash;
  }
  weights = new Float32Array(quantised.byteLength / 2);
  for (let i = 0; i < weights.length; i++) weights[i] = quantised.getInt16(i * 2, true) * file.scale;
}

function rowOf(hash: number): number {
  const mask = slots!.length - 1;
  for (let at = hash & mask; slots![at]; at = (at + 1) & mask) if (keys![at] === hash) return slots![at]! - 1;
  return -1;
}

// A capitalised word the model has no weight for is a name (intent-features.ts).
const known = (hash: number) => rowOf(hash) >= 0;

/** The model's probability per intent (in the order of the model file's `intents`). */
export function intentProbabilities(input: FeatureInput): number[] {
  if (!slots) load();
  const { words, cues } = intentFeatures({
    text: input.text,
    original: input.original,
    sentiment: input.sentiment,
    known,
  });
  const z = file.bias.slice();
  const weight = wordWeight(words.length);
  for (let f = 0; f < words.length + cues.length; f++) {
    const row = rowOf(f < words.length ? words[f]! : cues[f - words.length]!);
    if (row < 0) continue;
    const value = f < words.length ? weight : 1;
    for (let k = 0; k < OUTPUTS; k++) z[k]! += weights![row * OUTPUTS + k]! * value;
  }
  for (let k = 0; k < OUTPUTS; k++) z[k] = 1 / (1 + Math.exp(-z[k]!));
  return z;
}

/** Each intent's threshold, chosen by cross-validation for precision first. */
export const INTENT_THRESHOLDS: Readonly<Record<string, number>> = file.thresholds;

/** The stricter threshold a feature request must pass to be suggested to the community board. */
export const SUGGESTION_THRESHOLD = file.suggestion;
