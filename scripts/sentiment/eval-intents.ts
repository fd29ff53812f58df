/**
 * `npm run eval:intents [-- FILE]`: precision and recall per intent on a labelled file (default
 * tests/fixtures/intents.tsv).
 */
import { readFileSync } from 'node:fs';
import { intentScores, readIntentFile } from './intent-metrics';

const file = process.argv.slice(2).find((a) => a !== '--') ?? 'tests/fixtures/intents.tsv';
const examples = readIntentFile(readFileSync(file, 'utf8'));
console.log(`${file}: ${examples.length} examples`);
console.log(`  ${'intent'.padEnd(16)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'support'.padStart(8)}`);
for (const [intent, s] of Object.entries(intentScores(examples))) {
  console.log(
    `  ${intent.padEnd(16)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)} ` +
      String(s.support).padStart(8),
  );
}
