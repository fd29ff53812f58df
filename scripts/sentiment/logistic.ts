/**
 * One-vs-rest logistic regression for the intent model, trained full-batch with Adam: no sampling, so
 * the same examples give the same weights on every machine (the folds are the only randomness, and
 * they come from a seeded generator).
 */

export interface Example {
  /** Feature indices into the vocabulary, repeated when a feature occurs twice. */
  x: Int32Array;
  /** Each feature's value. */
  v: Float64Array;
  /** Gold per output (1 or 0). */
  y: Uint8Array;
}

export interface Model {
  outputs: number;
  bias: Float64Array;
  /** vocabulary size x outputs, row-major. */
  weights: Float64Array;
}

export interface TrainOptions {
  /** L2 penalty per weight (the bias is free). */
  l2: number;
  iterations: number;
  learningRate: number;
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { l2: 1e-3, iterations: 400, learningRate: 0.05 };

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function train(examples: Example[], vocabulary: number, outputs: number, options?: Partial<TrainOptions>) {
  const { l2, iterations, learningRate } = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const n = examples.length;
  const params = vocabulary * outputs + outputs;
  const theta = new Float64Array(params);
  // The bias starts at each output's base rate, so early steps learn words rather than frequency.
  for (let k = 0; k < outputs; k++) {
    const pos = examples.reduce((s, e) => s + e.y[k]!, 0);
    theta[vocabulary * outputs + k] = Math.log((pos + 1) / (n - pos + 1));
  }
  const m = new Float64Array(params);
  const v = new Float64Array(params);
  const grad = new Float64Array(params);
  const b1 = 0.9;
  const b2 = 0.999;
  const residual = new Float64Array(outputs);
  for (let it = 1; it <= iterations; it++) {
    grad.fill(0);
    for (const e of examples) {
      for (let k = 0; k < outputs; k++) residual[k] = theta[vocabulary * outputs + k]!;
      e.x.forEach((f, j) => {
        for (let k = 0; k < outputs; k++) residual[k]! += theta[f * outputs + k]! * e.v[j]!;
      });
      for (let k = 0; k < outputs; k++) residual[k] = (sigmoid(residual[k]!) - e.y[k]!) / n;
      e.x.forEach((f, j) => {
        for (let k = 0; k < outputs; k++) grad[f * outputs + k]! += residual[k]! * e.v[j]!;
      });
      for (let k = 0; k < outputs; k++) grad[vocabulary * outputs + k]! += residual[k]!;
    }
    for (let i = 0; i < vocabulary * outputs; i++) grad[i]! += l2 * theta[i]!;
    const c1 = 1 - b1 ** it;
    const c2 = 1 - b2 ** it;
    for (let i = 0; i < params; i++) {
      const g = grad[i]!;
      m[i] = b1 * m[i]! + (1 - b1) * g;
      v[i] = b2 * v[i]! + (1 - b2) * g * g;
      theta[i]! -= (learningRate * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + 1e-8);
    }
  }
  return {
    outputs,
    weights: theta.subarray(0, vocabulary * outputs),
    bias: theta.subarray(vocabulary * outputs),
  } satisfies Model;
}

export function predict(model: Model, { x, v }: Pick<Example, 'x' | 'v'>): number[] {
  const z = Array.from(model.bias);
  x.forEach((f, j) => {
    for (let k = 0; k < model.outputs; k++) z[k]! += model.weights[f * model.outputs + k]! * v[j]!;
  });
  return z.map(sigmoid);
}
