import { INTENTS, type Intent } from '../../src/sentiment/intents';

/** Precision and recall per intent over a labelled file (`labels<TAB>text`, labels comma-separated or "-"). */
export interface IntentExample {
  line: number;
  labels: Intent[];
  text: string;
}

export function readIntentFile(content: string): IntentExample[] {
  return content
    .split('\n')
    .map((l, i) => ({ l, line: i + 1 }))
    .filter(({ l, line }) => l.trim() && line > 1)
    .map(({ l, line }) => {
      const [labels, ...rest] = l.split('\t');
      const parsed = labels!.trim() === '-' ? [] : labels!.split(',').map((s) => s.trim());
      for (const p of parsed)
        if (!(INTENTS as readonly string[]).includes(p)) throw new Error(`line ${line}: unknown intent ${p}`);
      return { line, labels: parsed as Intent[], text: rest.join('\t') };
    });
}
