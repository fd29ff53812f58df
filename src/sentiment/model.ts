import { DENSE_FEATURES, type FeatureBuffer } from './features';

/**
 * A linear sentiment model (multinomial logistic regression), one per language, trained by
 * `npm run train:sentiment`. Weights of the hashed features are int8 with one scale per model
 * (quantised: a tenth of the size, no measurable loss); the dense features keep full floats.
 */
export const CLASSES = ['negative', 'neutral', 'positive'] as const;
export type ModelClass = (typeof CLASSES)[number];

export interface StoredModel {
  bits: number;
  /** Hashed weights: non-zero buckets only, as base64 of (varint gap, int8 × 3) records. */
  sparse: string;
  scale: number;
  /** [class][dense feature] */
  dense: number[][];
  /** Per class; holds the offsets fitted on cross-validated predictions for macro-F1 (see the trainer). */
  bias: number[];
  /** Named in the explanation: what was it trained on, and how well did it do when cross-validated. */
  about: string;
}

export interface LinearModel {
  bits: number;
  hashed: Int8Array;
  scale: number;
  dense: number[][];
  bias: number[];
}

export function encodeSparse(weights: Float32Array | Float64Array, bits: number): { sparse: string; scale: number } {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max / 127 || 1;
  const bytes: number[] = [];
  let last = -1;
  for (let b = 0; b < 1 << bits; b++) {
    const q = [0, 1, 2].map((c) => Math.round(weights[b * 3 + c]! / scale));
    if (q.every((x) => x === 0)) continue;
    let gap = b - last - 1;
    last = b;
    do {
      bytes.push((gap & 0x7f) | (gap > 0x7f ? 0x80 : 0));
      gap >>>= 7;
    } while (gap > 0);
    for (const x of q) bytes.push(x & 0xff);
  }
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return { sparse: btoa(binary), scale };
}

export function decodeModel(m: StoredModel): LinearModel {
  const hashed = new Int8Array(3 << m.bits);
  const binary = atob(m.sparse);
  let at = 0;
  let bucket = -1;
  while (at < binary.length) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = binary.charCodeAt(at++);
      gap |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    bucket += gap + 1;
    for (let c = 0; c < 3; c++) hashed[bucket * 3 + c] = (binary.charCodeAt(at++) << 24) >> 24;
  }
  return { bits: m.bits, hashed, scale: m.scale, dense: m.dense, bias: m.bias };
}

/** Log-odds per class. */
export function logits(model: LinearModel, sparse: FeatureBuffer, dense: Float64Array): number[] {
  const out = [model.bias[0]!, model.bias[1]!, model.bias[2]!];
  const { hashed, scale } = model;
  const { index, value } = sparse;
  for (let k = 0; k < sparse.length; k++) {
    const at = index[k]! * 3;
    const v = value[k]! * scale;
    out[0]! += hashed[at]! * v;
    out[1]! += hashed[at + 1]! * v;
    out[2]! += hashed[at + 2]! * v;
  }
  for (let c = 0; c < 3; c++) {
    const w = model.dense[c]!;
    for (let f = 0; f < DENSE_FEATURES.length; f++) out[c]! += w[f]! * dense[f]!;
  }
  return out;
}

export function softmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

/** The most likely class and its probability (the confidence shown). */
export function decide(z: number[]): { label: ModelClass; confidence: number; probs: number[] } {
  const probs = softmax(z);
  let best = 0;
  for (let c = 1; c < 3; c++) if (probs[c]! > probs[best]!) best = c;
  return { label: CLASSES[best]!, confidence: probs[best]!, probs };
}
