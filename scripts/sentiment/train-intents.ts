/**
 * `npm run train:intents [-- --check]`: trains the intent model (src/sentiment/intent-model.ts) on the
 * design set tests/fixtures/intents-train.tsv and writes src/sentiment/intent-model.generated.json.
 * Prints k-fold cross-validated precision and recall per intent (seeded folds, repeated), and picks
 * each intent's threshold on those out-of-fold scores: the most recall at precision >= the target.
 * Brand names are learned from as one name (design-brands.ts); held-out posts are scored as at inference.
 * Never reads tests/fixtures/intents.tsv: that file measures (npm run eval:intents).
 * --check: cross-validate and print, write nothing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IntentExample } from './intent-file';
import { type Example, predict, train } from './logistic';
import { prng, shuffle } from './logreg';

const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), '../../src/sentiment/intent-model.generated.json');
// The intents module loads the model file: without one yet, an empty one (no intents found) lets the
// first training run start.
if (!existsSync(OUTPUT)) {
  const empty = { intents: [], thresholds: {}, suggestion: 1, bias: [], scale: 1, hashes: '', weights: '' };
  writeFileSync(OUTPUT, `${JSON.stringify(empty)}\n`);
}
const { readIntentFile } = await import('./intent-file');
const { intentInputs, quantise } = await import('./intent-training');
const { INTENTS } = await import('../../src/sentiment/intents');
const SEED = 20261207;
const FOLDS = 5;
const REPEATS = 3;
/** A feature must occur in this many training posts to get a weight (one-offs only memorise). */
const MIN_POSTS = 2;
const L2 = 3e-4;
const ITERATIONS = 300;
/** Precision each intent must keep out of fold: the aim, first; recall is what it leaves. */
const TARGET_PRECISION = 0.85;
/** The community board's idea suggestions: fewer, surer feature requests. */
const SUGGESTION_PRECISION = 0.95;

const examples = readIntentFile(readFileSync('tests/fixtures/intents-train.tsv', 'utf8'));
type Inputs = ReturnType<typeof intentInputs>;
// Every word known: how many posts have each feature, to tell which words a model will know.
const everything = examples.map((e) => intentInputs(e.text, () => true, true));

function postsWith(indices: number[], inputs: (i: number) => Inputs) {
  const posts = new Map<number, number>();
  for (const i of indices) for (const h of new Set(inputs(i).hashes)) posts.set(h, (posts.get(h) ?? 0) + 1);
  return posts;
}

/**
 * The posts as learned from: a capitalised word in fewer than MIN_POSTS of them is a name, as it will be
 * at inference (the model has no weight for it), and the features are those of MIN_POSTS posts or more.
 */
function learnable(indices: number[]) {
  const words = postsWith(indices, (i) => everything[i]!);
  const known = (hash: number) => (words.get(hash) ?? 0) >= MIN_POSTS;
  const inputs = new Map(indices.map((i) => [i, intentInputs(examples[i]!.text, known, true)]));
  const vocabulary = new Map<number, number>();
  const posts = postsWith(indices, (i) => inputs.get(i)!);
  for (const [h, n] of [...posts].sort((a, b) => a[0] - b[0])) if (n >= MIN_POSTS) vocabulary.set(h, vocabulary.size);
  return { inputs, vocabulary };
}

/** Post i's inputs over the model's vocabulary. */
function encode(i: number, vocabulary: Map<number, number>, inputs: Inputs): Example {
  const { hashes, values } = inputs;
  const known = hashes.flatMap((h, j) => (vocabulary.has(h) ? [j] : []));
  return {
    x: Int32Array.from(known, (j) => vocabulary.get(hashes[j]!)!),
    v: Float64Array.from(known, (j) => values[j]!),
    y: Uint8Array.from(INTENTS, (intent) => (examples[i]!.labels.includes(intent) ? 1 : 0)),
  };
}

function trainOn(indices: number[]) {
  const { inputs, vocabulary } = learnable(indices);
  const model = train(
    indices.map((i) => encode(i, vocabulary, inputs.get(i)!)),
    vocabulary.size,
    INTENTS.length,
    { l2: L2, iterations: ITERATIONS },
  );
  return { vocabulary, model };
}

// Out-of-fold scores: every post scored REPEATS times by models that never saw it.
const oof: { example: IntentExample; scores: number[] }[] = [];
const random = prng(SEED);
for (let r = 0; r < REPEATS; r++) {
  const order = shuffle(
    examples.map((_, i) => i),
    random,
  );
  for (let f = 0; f < FOLDS; f++) {
    const held = order.filter((_, k) => k % FOLDS === f);
    const heldSet = new Set(held);
    const { vocabulary, model } = trainOn(order.filter((i) => !heldSet.has(i)));
    // Scored as at inference: brand names are names only when capitalised and unknown to the model.
    const known = (hash: number) => vocabulary.has(hash);
    for (const i of held) {
      const scores = predict(model, encode(i, vocabulary, intentInputs(examples[i]!.text, known)));
      oof.push({ example: examples[i]!, scores });
    }
  }
  process.stderr.write(`· cross-validation round ${r + 1}/${REPEATS}\n`);
}

/** The lowest threshold whose predictions keep the target precision: the most recall there is at it. */
function threshold(k: number, target: number) {
  const scored = oof.map((o) => ({ s: o.scores[k]!, gold: o.example.labels.includes(INTENTS[k]!) }));
  scored.sort((a, b) => b.s - a.s);
  const support = scored.filter((x) => x.gold).length;
  let tp = 0;
  let best = { t: 1, precision: 1, recall: 0 };
  scored.forEach((x, i) => {
    if (x.gold) tp++;
    const next = scored[i + 1];
    // Only between distinct scores: a threshold cannot split ties.
    if (next && next.s === x.s) return;
    const precision = tp / (i + 1);
    if (precision >= target && tp / support >= best.recall) best = { t: x.s, precision, recall: tp / support };
  });
  return best;
}

console.log(
  `${examples.length} design posts, ${FOLDS}-fold cross-validation x ${REPEATS} (seed ${SEED}), ` +
    `precision target ${TARGET_PRECISION}`,
);
console.log(`  ${'intent'.padEnd(16)} ${'threshold'.padStart(9)} ${'precision'.padStart(9)} ${'recall'.padStart(7)}`);
const thresholds: Record<string, number> = {};
INTENTS.forEach((intent, k) => {
  const best = threshold(k, TARGET_PRECISION);
  thresholds[intent] = best.t;
  console.log(
    `  ${intent.padEnd(16)} ${best.t.toFixed(3).padStart(9)} ${best.precision.toFixed(3).padStart(9)} ` +
      best.recall.toFixed(3).padStart(7),
  );
});
const suggestion = threshold(INTENTS.indexOf('feature_request'), SUGGESTION_PRECISION);
console.log(
  `  ${'idea suggestion'.padEnd(16)} ${suggestion.t.toFixed(3).padStart(9)} ` +
    `${suggestion.precision.toFixed(3).padStart(9)} ${suggestion.recall.toFixed(3).padStart(7)}`,
);

if (!process.argv.includes('--check')) {
  const { vocabulary, model } = trainOn(examples.map((_, i) => i));
  const file = { intents: INTENTS, thresholds, suggestion: suggestion.t, ...quantise(vocabulary, model) };
  writeFileSync(OUTPUT, `${JSON.stringify(file)}\n`);
  console.log(`wrote ${OUTPUT} (${vocabulary.size} features)`);
}
