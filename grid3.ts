import { readFileSync } from 'node:fs';
import vader from 'vader-sentiment';
import { analyze } from './src/sentiment/analyze';
import { evaluate, readTsv, type Label } from './scripts/sentiment/metrics';
const data = ['tweets_dev', 'movie_snippets', 'nyt_snippets'].map((f) => { const items = readTsv(readFileSync(`../shared/data/sentiment/${f}.tsv`, 'utf8')); return { f, items, scores: items.map((i) => analyze(i.text).score), v: items.map((i) => vader.SentimentIntensityAnalyzer.polarity_scores(i.text).compound) }; });
const vm = data.map(({ items, v }) => evaluate(items, v.map((s) => (s > 0.05 ? 'positive' : s < -0.05 ? 'negative' : 'neutral')) as Label[], v));
console.log('vader', vm.map((m) => `${m.binaryAccuracy.toFixed(4)}/${m.ternaryMacroF1.toFixed(4)}`).join('  '));
const res: [number, string][] = [];
for (let tp = 0; tp <= 0.15; tp += 0.01) for (let tn = 0; tn <= 0.15; tn += 0.01) {
  const ms = data.map(({ items, scores }) => evaluate(items, scores.map((s) => (s > tp ? 'positive' : s < -tn ? 'negative' : 'neutral')) as Label[], scores));
  const margin = Math.min(...ms.flatMap((m, i) => [m.binaryAccuracy - vm[i]!.binaryAccuracy, m.ternaryMacroF1 - vm[i]!.ternaryMacroF1]));
  res.push([margin, `tp ${tp.toFixed(2)} tn ${tn.toFixed(2)} margin ${margin.toFixed(4)}: ${ms.map((m) => `${m.binaryAccuracy.toFixed(4)}/${m.ternaryMacroF1.toFixed(4)}`).join('  ')}`]);
}
res.sort((a, b) => b[0] - a[0]); console.log(res.slice(0, 8).map((r) => r[1]).join('\n'));
