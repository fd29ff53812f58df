/**
 * `npm run eval:sentiment -- FILE [FILE...]`: our analyzer and its peers, side by side, on
 * human-rated texts (ID<TAB>MEAN<TAB>TEXT): binary accuracy and macro-F1 on the clearly positive
 * or negative items, ternary macro-F1, Pearson r against the human mean, and texts per second.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyze } from '../../src/sentiment/analyze';
import { evaluate, type Item, type Label, readTsv } from './metrics';
import { PEERS } from './peers';

interface Runner {
  name: string;
  run(text: string): { label: Label; score: number };
}

const ours: Runner = {
  name: 'ours (analyze)',
  run: (t) => {
    const a = analyze(t);
    return { label: a.label === 'unscored' ? 'neutral' : a.label, score: a.score };
  },
};

function measure(runner: Runner, items: Item[]) {
  // Warm the JIT first, so the first analyzer in the table is not the one that pays for it.
  for (const item of items.slice(0, 500)) runner.run(item.text);
  const labels: Label[] = [];
  const scores: number[] = [];
  const started = performance.now();
  for (const item of items) {
    const r = runner.run(item.text);
    labels.push(r.label);
    scores.push(r.score);
  }
  const perSecond = items.length / ((performance.now() - started) / 1000);
  return { ...evaluate(items, labels, scores), perSecond };
}

const files = process.argv.slice(2).filter((a) => a !== '--');
if (files.length === 0) {
  console.error('Usage: npm run eval:sentiment -- FILE [FILE...] (ID<TAB>MEAN<TAB>TEXT per line)');
  process.exit(1);
}
for (const file of files) {
  const items = readTsv(readFileSync(file, 'utf8'));
  console.log(`\n${basename(file)} (${items.length} items)`);
  console.log(
    `  ${'analyzer'.padEnd(24)} ${'binary acc'.padStart(10)} ${'binary F1'.padStart(10)} ` +
      `${'ternary F1'.padStart(10)} ${'r'.padStart(7)} ${'texts/s'.padStart(9)}`,
  );
  for (const runner of [ours, ...PEERS]) {
    process.stderr.write(`· ${runner.name}\n`);
    const m = measure(runner, items);
    console.log(
      `  ${runner.name.padEnd(24)} ${m.binaryAccuracy.toFixed(3).padStart(10)} ` +
        `${m.binaryMacroF1.toFixed(3).padStart(10)} ${m.ternaryMacroF1.toFixed(3).padStart(10)} ` +
        `${m.pearson.toFixed(3).padStart(7)} ${m.perSecond.toFixed(0).padStart(9)}`,
    );
  }
}
