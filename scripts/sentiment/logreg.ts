import { seededRandom } from '../../src/core/seeded-random';
/**
 * Multinomial logistic regression by AdaGrad SGD over hashed sparse features plus a few dense ones,
 * with L2 regularisation applied to the weights an example touches. Deterministic for a seed.
 */
export interface Encoded {
  index: Int32Array;
  value: Float32Array;
  dense: Float64Array;
  /** 0 negative, 1 neutral, 2 positive */
  y: number;
  weight: number;
}

export interface TrainOptions {
  bits: number;
  epochs: number;
  rate: number;
  /** L2 on the hashed weights. */
  l2: number;
  /** L2 on the dense weights (lighter: they are few and generalise across domains). */
  l2Dense: number;
  seed: number;
}

export interface Trained {
  hashed: Float64Array;
  dense: number[][];
  bias: number[];
}

/** mulberry32 (core/seeded-random), so a training run is reproducible. */
export const prng = seededRandom;

export function shuffle<T>(xs: T[], random: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

export function scoreLogits(m: Trained, e: Encoded, out = new Float64Array(3)): Float64Array {
  for (let c = 0; c < 3; c++) out[c] = m.bias[c]!;
  for (let k = 0; k < e.index.length; k++) {
    const at = e.index[k]! * 3;
    const v = e.value[k]!;
    out[0] = out[0]! + m.hashed[at]! * v;
    out[1] = out[1]! + m.hashed[at + 1]! * v;
    out[2] = out[2]! + m.hashed[at + 2]! * v;
  }
  for (let c = 0; c < 3; c++) {
    const w = m.dense[c]!;
    for (let f = 0; f < e.dense.length; f++) out[c] = out[c]! + w[f]! * e.dense[f]!;
  }
  return out;
}

export function train(examples: Encoded[], o: TrainOptions): Trained {
  const size = 3 << o.bits;
  const hashed = new Float64Array(size);
  const g2 = new Float64Array(size);
  const nDense = examples[0]?.dense.length ?? 0;
  const dense = [0, 1, 2].map(() => new Array<number>(nDense).fill(0));
  const dg2 = [0, 1, 2].map(() => new Array<number>(nDense).fill(0));
  const bias = [0, 0, 0];
  const bg2 = [0, 0, 0];
  const model: Trained = { hashed, dense, bias };
  const random = prng(o.seed);
  const z = new Float64Array(3);
  const g = new Float64Array(3);
  const eps = 1e-8;
  let order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    order = shuffle(order, random);
    for (const i of order) {
      const e = examples[i]!;
      scoreLogits(model, e, z);
      const m = Math.max(z[0]!, z[1]!, z[2]!);
      const s = Math.exp(z[0]! - m) + Math.exp(z[1]! - m) + Math.exp(z[2]! - m);
      for (let c = 0; c < 3; c++) g[c] = (Math.exp(z[c]! - m) / s - (c === e.y ? 1 : 0)) * e.weight;
      for (let k = 0; k < e.index.length; k++) {
        const base = e.index[k]! * 3;
        const v = e.value[k]!;
        for (let c = 0; c < 3; c++) {
          const at = base + c;
          const grad = g[c]! * v + o.l2 * hashed[at]!;
          const sum = g2[at]! + grad * grad;
          g2[at] = sum;
          hashed[at] = hashed[at]! - (o.rate * grad) / Math.sqrt(sum + eps);
        }
      }
      for (let c = 0; c < 3; c++) {
        const w = dense[c]!;
        const acc = dg2[c]!;
        for (let f = 0; f < nDense; f++) {
          const grad = g[c]! * e.dense[f]! + o.l2Dense * w[f]!;
          acc[f] = acc[f]! + grad * grad;
          w[f] = w[f]! - (o.rate * grad) / Math.sqrt(acc[f]! + eps);
        }
        bg2[c] = bg2[c]! + g[c]! * g[c]!;
        bias[c] = bias[c]! - (o.rate * g[c]!) / Math.sqrt(bg2[c]! + eps);
      }
    }
  }
  return model;
}
