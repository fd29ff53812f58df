/**
 * `npm run eval:sentiment -- [--language de] FILE [FILE...]`: our analyzer and its peers, side by side,
 * on human-rated texts (ID<TAB>MEAN<TAB>TEXT, the mean on -4..4 or the gold as +2/0/-2): binary
 * accuracy on the clearly positive or negative items, ternary macro-F1 with its 95 % bootstrap
 * interval, precision and recall per label, Pearson r against the human mean, and texts per second.
 * The language of a file is taken from --language, else from its name (german_, spanish_, french_...).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../../src/sentiment/analyze';
import { bootstrapMacroF1, evaluate, goldLabel, type Item, type Label, precisionRecall, readTsv } from './metrics';
import { PEERS, type Peer } from './peers';

// Ours tells the language itself, as it does for every mention; the peers are told it.
const ours: Peer = {
  name: 'ours (analyze)',
  languages: 'all',
  run: (t) => {
    const a = analyze(t);
    return { label: a.label === 'unscored' ? 'neutral' : a.label, score: a.score };
  },
};

async function measure(runner: Peer, items: Item[], language: string) {
  // Warm the JIT first, so the first analyzer in the table is not the one that pays for it.
  for (const item of items.slice(0, 300)) await runner.run(item.text, language);
  const labels: Label[] = [];
  const scores: number[] = [];
  const started = performance.now();
  for (const item of items) {
    const r = await runner.run(item.text, language);
    labels.push(r.label);
    scores.push(r.score);
  }
  const perSecond = items.length / ((performance.now() - started) / 1000);
  const gold = items.map((i) => goldLabel(i.mean));
  const byLabel = (['positive', 'neutral', 'negative'] as const).map((l) => precisionRecall(gold, labels, l));
  return { ...evaluate(items, labels, scores), perSecond, interval: bootstrapMacroF1(gold, labels), byLabel };
}

const LANGUAGE_BY_NAME: [RegExp, string][] = [
  [/german|deutsch|_de\b/i, 'de'],
  [/spanish|_es\b/i, 'es'],
  [/french|_fr\b/i, 'fr'],
  [/italian|_it\b/i, 'it'],
  [/portuguese|_pt\b/i, 'pt'],
  [/dutch|_nl\b/i, 'nl'],
];

const { values: args, positionals: files } = parseArgs({
  options: { language: { type: 'string' } },
  allowPositionals: true,
});
if (files.length === 0) {
  console.error('Usage: npm run eval:sentiment -- [--language xx] FILE [FILE...] (ID<TAB>MEAN<TAB>TEXT per line)');
  process.exit(1);
}
const pct = (x: number) => x.toFixed(2);
for (const file of files) {
  const items = readTsv(readFileSync(file, 'utf8'));
  const language = args.language ?? LANGUAGE_BY_NAME.find(([re]) => re.test(basename(file)))?.[1] ?? 'en';
  console.log(`\n${basename(file)} (${items.length} items, ${language})`);
  console.log(
    `  ${'analyzer'.padEnd(22)} ${'bin acc'.padStart(7)} ${'macro-F1'.padStart(8)} ${'95 % interval'.padStart(13)} ` +
      `${'P/R pos'.padStart(9)} ${'P/R neu'.padStart(9)} ${'P/R neg'.padStart(9)} ${'r'.padStart(6)} ` +
      `${'texts/s'.padStart(8)}`,
  );
  for (const runner of [ours, ...PEERS]) {
    if (runner.languages !== 'all' && !runner.languages.includes(language)) continue;
    process.stderr.write(`· ${runner.name}\n`);
    const m = await measure(runner, items, language);
    const pr = m.byLabel.map((x) => `${pct(x.precision)}/${pct(x.recall)}`.padStart(9)).join(' ');
    const interval = `${m.interval[0].toFixed(3)}-${m.interval[1].toFixed(3)}`;
    console.log(
      `  ${runner.name.padEnd(22)} ${m.binaryAccuracy.toFixed(3).padStart(7)} ` +
        `${m.ternaryMacroF1.toFixed(3).padStart(8)} ${interval.padStart(13)} ` +
        `${pr} ${m.pearson.toFixed(3).padStart(6)} ${m.perSecond.toFixed(0).padStart(8)}`,
    );
  }
}
