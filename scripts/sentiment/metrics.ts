import { prng } from './logreg';
/** The evaluation convention of ../shared/data/sentiment/README.md, as pure functions. */
export type Label = 'positive' | 'neutral' | 'negative';

export interface Item {
  id: string;
  mean: number;
  text: string;
}

export const goldLabel = (mean: number): Label => (mean > 0.5 ? 'positive' : mean < -0.5 ? 'negative' : 'neutral');

export function readTsv(content: string): Item[] {
  return content
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const [id, mean, ...rest] = l.split('\t');
      return { id: id!, mean: Number(mean), text: rest.join('\t') };
    });
}

function f1(pred: Label[], gold: Label[], label: Label): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (pred[i] === label && gold[i] === label) tp++;
    else if (pred[i] === label) fp++;
    else if (gold[i] === label) fn++;
  }
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** Ternary macro-F1: the mean F1 of the three labels. */
export const macroF1 = (gold: Label[], pred: Label[]) =>
  (f1(pred, gold, 'positive') + f1(pred, gold, 'neutral') + f1(pred, gold, 'negative')) / 3;

export interface Scores {
  binaryAccuracy: number;
  binaryMacroF1: number;
  ternaryMacroF1: number;
  pearson: number;
}

/** Labels and scores of one analyzer over items, against the human means. */
export function evaluate(items: Item[], labels: Label[], scores: number[]): Scores {
  const gold = items.map((i) => goldLabel(i.mean));
  const polar = gold.map((g, i) => [g, labels[i]!] as const).filter(([g]) => g !== 'neutral');
  const binaryAccuracy = polar.filter(([g, p]) => g === p).length / polar.length;
  const pg = polar.map(([g]) => g);
  const pp = polar.map(([, p]) => p);
  const binaryMacroF1 = (f1(pp, pg, 'positive') + f1(pp, pg, 'negative')) / 2;
  const ternaryMacroF1 = macroF1(gold, labels);
  return {
    binaryAccuracy,
    binaryMacroF1,
    ternaryMacroF1,
    pearson: pearson(
      scores,
      items.map((i) => i.mean),
    ),
  };
}

export function pearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx && syy ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** Precision and recall of one label. */
export function precisionRecall(gold: Label[], pred: Label[], label: Label): { precision: number; recall: number } {
  let tp = 0;
  let predicted = 0;
  let actual = 0;
  for (let i = 0; i < gold.length; i++) {
    if (pred[i] === label) predicted++;
    if (gold[i] === label) actual++;
    if (pred[i] === label && gold[i] === label) tp++;
  }
  return { precision: predicted ? tp / predicted : 0, recall: actual ? tp / actual : 0 };
}

/**
 * The 95 % bootstrap interval of ternary macro-F1: items drawn with replacement, `rounds` times, with
 * a fixed seed (the same file gives the same interval).
 */
export function bootstrapMacroF1(gold: Label[], pred: Label[], rounds = 1000, seed = 7): [number, number] {
  const random = prng(seed);
  const values: number[] = [];
  const g: Label[] = new Array(gold.length);
  const p: Label[] = new Array(gold.length);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < gold.length; i++) {
      const k = Math.floor(random() * gold.length);
      g[i] = gold[k]!;
      p[i] = pred[k]!;
    }
    values.push(macroF1(g, p));
  }
  values.sort((x, y) => x - y);
  return [values[Math.floor(rounds * 0.025)]!, values[Math.ceil(rounds * 0.975) - 1]!];
}
