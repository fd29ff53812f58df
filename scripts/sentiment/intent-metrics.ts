import { analyze } from '../../src/sentiment/analyze';
import { INTENTS, type Intent } from '../../src/sentiment/intents';
import type { IntentExample } from './intent-file';

export { type IntentExample, readIntentFile } from './intent-file';

/** `predict` gives a post's intents: analyze()'s by default (the learned model). */
export function intentScores(examples: IntentExample[], predict = (text: string): string[] => analyze(text).intents) {
  const predictions = examples.map((e) => predict(e.text));
  return Object.fromEntries(
    INTENTS.map((intent) => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      examples.forEach((e, i) => {
        const gold = e.labels.includes(intent);
        const pred = predictions[i]!.includes(intent);
        if (gold && pred) tp++;
        else if (pred) fp++;
        else if (gold) fn++;
      });
      return [
        intent,
        { precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, support: tp + fn },
      ];
    }),
  ) as Record<Intent, { precision: number; recall: number; support: number }>;
}
