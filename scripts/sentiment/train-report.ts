import { CLASSES } from '../../src/sentiment/model';
import { type Label, macroF1 } from './metrics';
import type { Example } from './train-data';

/** One example's out-of-fold log-odds, and what the rules said of it. */
export interface Scored {
  example: Example;
  logits: number[];
  rulesLabel: Label;
  /** The dense (rule) features, for studying blends. */
  dense: number[];
}

const labelOf = (z: number[], offsets: number[]): Label => {
  let best = 0;
  for (let c = 1; c < 3; c++) if (z[c]! + offsets[c]! > z[best]! + offsets[best]!) best = c;
  return CLASSES[best]!;
};

function bySet(scored: Scored[]): Map<string, Scored[]> {
  const sets = new Map<string, Scored[]>();
  for (const s of scored) {
    const list = sets.get(s.example.set);
    if (list) list.push(s);
    else sets.set(s.example.set, [s]);
  }
  return sets;
}

const binaryAccuracy = (gold: Label[], pred: Label[]) => {
  const polar = gold.map((g, i) => [g, pred[i]] as const).filter(([g]) => g !== 'neutral');
  return polar.filter(([g, p]) => g === p).length / polar.length;
};

/**
 * Offsets added to the neutral and positive log-odds, chosen on cross-validated predictions to
 * maximise the mean macro-F1 over the data sets (each set counts once, whatever its size), so a large
 * set's class balance does not decide for all. A coarse grid: two numbers, not a fit to single items.
 */
export function fitOffsets(scored: Scored[]): number[] {
  const sets = [...bySet(scored).values()];
  let best = [0, 0, 0];
  let bestScore = -1;
  for (let neutral = -1.5; neutral <= 1.5001; neutral += 0.1) {
    for (let positive = -1.5; positive <= 1.5001; positive += 0.1) {
      const o = [0, neutral, positive];
      let sum = 0;
      for (const items of sets) {
        sum += macroF1(
          items.map((s) => s.example.label),
          items.map((s) => labelOf(s.logits, o)),
        );
      }
      if (sum > bestScore + 1e-9) {
        bestScore = sum;
        best = o;
      }
    }
  }
  return best;
}

/** Each set's gold labels, for peers to be scored against (their figures need no cross-validation). */
export const setsOf = (scored: Scored[]) =>
  [...bySet(scored)].map(([set, items]) => ({ set, examples: items.map((s) => s.example) }));

/** One line per data set: ours against the rules on the same items. */
export function setFigures(scored: Scored[], offsets: number[]): string[] {
  const lines = [
    `  ${'set'.padEnd(20)} ${'items'.padStart(6)} ${'ours F1'.padStart(8)} ${'rules F1'.padStart(8)} ` +
      `${'ours acc±'.padStart(9)} ${'rules acc±'.padStart(10)}`,
  ];
  for (const [set, items] of bySet(scored)) {
    const gold = items.map((s) => s.example.label);
    const ours = items.map((s) => labelOf(s.logits, offsets));
    const rules = items.map((s) => s.rulesLabel);
    lines.push(
      `  ${set.padEnd(20)} ${String(items.length).padStart(6)} ${macroF1(gold, ours).toFixed(3).padStart(8)} ` +
        `${macroF1(gold, rules).toFixed(3).padStart(8)} ${binaryAccuracy(gold, ours).toFixed(3).padStart(9)} ` +
        `${binaryAccuracy(gold, rules).toFixed(3).padStart(10)}`,
    );
  }
  return lines;
}
