/**
 * `npm run eval:intents [-- FILE]`: precision and recall per intent on a labelled file (default
 * tests/fixtures/intents.tsv, the measuring set), for the learned model (what analyze() returns) beside the
 * hand-written patterns it replaced, and for the community board's idea suggestions (a suggestion is right
 * when the post is labelled feature_request).
 */
import { readFileSync } from 'node:fs';
import { decodeHTML } from 'entities';
import { analyze } from '../../src/sentiment/analyze';
import { URL_RE } from '../../src/sentiment/hashtags';
import { ruleIntents } from '../../src/sentiment/intent-rules';
import { intentScores, readIntentFile } from './intent-metrics';

const file = process.argv.slice(2).find((a) => a !== '--') ?? 'tests/fixtures/intents.tsv';
const examples = readIntentFile(readFileSync(file, 'utf8'));
const rules = (post: string) => {
  const text = decodeHTML(post).replace(URL_RE, ' ');
  return ruleIntents(text.toLowerCase(), text, analyze(post).label);
};
const model = intentScores(examples);
const before = intentScores(examples, rules);
const suggestion = intentScores(examples, (post) =>
  analyze(post).suggestsIdea ? ['feature_request'] : [],
).feature_request;

const f = (x: number) => x.toFixed(3).padStart(9);
console.log(`${file}: ${examples.length} examples`);
console.log(`  ${''.padEnd(16)} ${'model'.padStart(19)} ${'patterns alone'.padStart(19)}`);
console.log(
  `  ${'intent'.padEnd(16)} ${'precision'.padStart(9)} ${'recall'.padStart(9)} ${'precision'.padStart(9)} ` +
    `${'recall'.padStart(9)} ${'support'.padStart(8)}`,
);
for (const [intent, s] of Object.entries(model)) {
  const b = before[intent as keyof typeof before];
  const support = String(s.support).padStart(8);
  console.log(`  ${intent.padEnd(16)} ${f(s.precision)} ${f(s.recall)} ${f(b.precision)} ${f(b.recall)} ${support}`);
}
console.log(`  ${'idea suggestion'.padEnd(16)} ${f(suggestion.precision)} ${f(suggestion.recall)}`);
