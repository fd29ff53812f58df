import { readFileSync } from 'node:fs';
import winkSentiment from 'wink-sentiment';
import { analyze } from '../../src/sentiment/analyze';

const step = (m: string) => process.stderr.write(`· ${m}\n`);

/** Texts per second on one core (this process), after a warm-up: analyze() against raw wink-sentiment. */
export async function benchSentiment(): Promise<[string, string][]> {
  const file = new URL('../../../shared/data/sentiment/tweets_dev.tsv', import.meta.url);
  let texts: string[];
  try {
    texts = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t')[2]!);
  } catch {
    return [['sentiment', 'skipped: ../shared/data/sentiment/tweets_dev.tsv not found']];
  }
  const rate = (fn: (t: string) => unknown) => {
    for (let r = 0; r < 2; r++) for (const t of texts) fn(t);
    const reps = 10;
    const started = performance.now();
    for (let r = 0; r < reps; r++) for (const t of texts) fn(t);
    return (texts.length * reps) / ((performance.now() - started) / 1000);
  };
  step('sentiment: raw wink-sentiment');
  const wink = rate((t) => winkSentiment(t));
  step('sentiment: analyze()');
  const ours = rate((t) => analyze(t));
  return [
    ['analyze() on tweets_dev (tweet-length), one core', `${ours.toFixed(0)} texts/s (target >= 10000)`],
    ['raw wink-sentiment on the same texts', `${wink.toFixed(0)} texts/s`],
    ['analyze() / raw wink-sentiment', `${(ours / wink).toFixed(2)} (target >= 0.50)`],
  ];
}
