/**
 * `npx tsx scripts/sentiment/language-check.ts [--errors=de]`: how the rule analyser does on the
 * training files of ../shared/data/sentiment (read here, never copied into the repository):
 * - per file, the share of items detected as the file's language (English files: as English), and
 *   that share among the items ELD alone (no shortcuts, whole text) reliably calls that language:
 *   the sets hold posts in other languages too (SB10k about 8 %: English, Indonesian, spam);
 * - per non-English file, the ternary macro-F1 of the rules-only path (scoreOtherLanguage on the
 *   analyzer's tokens, the file's language given), and of the rules with the language detected
 *   (English lexicon when detected English, unscored counted neutral), labelled by analyze's
 *   THRESHOLDS, gold from the file's +2 / 0 / -2.
 * `--errors=de` lists the German items detected as something else (for reading, not for tuning).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eld } from 'eld/extrasmall';
import { decodeHTML } from 'entities';
import { scoreEnglish } from '../../src/sentiment/english';
import { URL_RE } from '../../src/sentiment/hashtags';
import { detectLanguage } from '../../src/sentiment/language';
import { OTHER_LANGUAGES, type OtherLanguage } from '../../src/sentiment/lexicons';
import { scoreOtherLanguage } from '../../src/sentiment/other-languages';
import { tokenize } from '../../src/sentiment/tokens';
import { labelFromRules } from '../../src/sentiment/decide';
import type { Label } from './metrics';

// The rules' own band (decide.ts, light: it loads no model).
const labelFor = (score: number): Label => labelFromRules(score);

/** The rules on the detected language, as analyze() ran them before its learned model. */
function rulesDetected(code: string | null, tokens: ReturnType<typeof tokenize>): Label {
  if (code === null || code === 'en') return labelFor(scoreEnglish(tokens).compound);
  if (!(OTHER_LANGUAGES as readonly string[]).includes(code)) return 'neutral';
  return labelFor(scoreOtherLanguage(code as OtherLanguage, tokens).compound);
}

const DATA = new URL('../../../shared/data/sentiment/', import.meta.url).pathname;

interface Row {
  gold: Label;
  text: string;
}

const toLabel = (gold: string): Label => {
  if (gold === 'positive' || gold === 'negative' || gold === 'neutral') return gold;
  const n = Number(gold);
  return n > 0.5 ? 'positive' : n < -0.5 ? 'negative' : 'neutral';
};

// SemEval texts keep JSON-style escapes ("\u2019"): undo them as the platform would have.
const unescapeJson = (t: string) =>
  t.replace(/\\u([0-9a-fA-F]{4})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16)));

export function readRows(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const [, gold, ...rest] = l.split('\t');
      return { gold: toLabel(gold!), text: unescapeJson(rest.join('\t')) };
    });
}

/** The tokens analyze() scores: entities decoded, URLs taken out. */
export function tokensOf(input: string) {
  const text = decodeHTML(input);
  return { text, tokens: tokenize(text.replace(URL_RE, ' ')) };
}

const FILES: [string, string][] = [
  ['multilingual-train/german_sb10k.train.tsv', 'de'],
  ['multilingual-train/german_potts.train.tsv', 'de'],
  ['multilingual-train/spanish_intertass.train.tsv', 'es'],
  ['multilingual-train/french_deft17.train.tsv', 'fr'],
  ['tweets_dev.tsv', 'en'],
  ...readdirSync(join(DATA, 'semeval-2013-2016')).map((f): [string, string] => [`semeval-2013-2016/${f}`, 'en']),
];

/** Ternary macro-F1: the mean F1 of positive, neutral and negative. */
export function macroF1(pred: Label[], gold: Label[]): number {
  const labels: Label[] = ['positive', 'neutral', 'negative'];
  let sum = 0;
  for (const l of labels) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (pred[i] === l && gold[i] === l) tp++;
      else if (pred[i] === l) fp++;
      else if (gold[i] === l) fn++;
    }
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return sum / labels.length;
}

/** Gold label -> predicted counts, as "pos: +a 0b -c". */
function confusion(pred: Label[], gold: Label[]): string {
  const labels: Label[] = ['positive', 'neutral', 'negative'];
  return labels
    .map((g) => {
      const n = (p: Label) => pred.filter((x, i) => x === p && gold[i] === g).length;
      return `${g.slice(0, 3)}: +${n('positive')} 0 ${n('neutral')} -${n('negative')}`;
    })
    .join(' | ');
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function main() {
  const errorsFor = process.argv.find((a) => a.startsWith('--errors='))?.slice(9);
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  const english = { right: 0, all: 0 };
  console.log(
    'file | items | detected right (of those ELD calls so) | called English | F1 rules-only | F1 rules, detected',
  );
  for (const [file, lang] of FILES) {
    if (only && only !== lang) continue;
    const rows = readRows(join(DATA, file));
    let right = 0;
    let asEnglish = 0;
    let eldSays = 0;
    let eldAgrees = 0;
    const rules: Label[] = [];
    const full: Label[] = [];
    const elsewhere = new Map<string, number>();
    for (const row of rows) {
      const { text, tokens } = tokensOf(row.text);
      const code = detectLanguage(text, tokens).code;
      const reference = eld.detect(text);
      if (reference.isReliable() && reference.language === lang) {
        eldSays++;
        if (code === lang) eldAgrees++;
      }
      if (code === lang) right++;
      else {
        elsewhere.set(String(code), (elsewhere.get(String(code)) ?? 0) + 1);
        if (errorsFor === lang) console.log(`  [${code}] ${row.text.replace(/\s+/g, ' ')}`);
      }
      if (code === 'en') asEnglish++;
      if (lang !== 'en') {
        rules.push(labelFor(scoreOtherLanguage(lang as OtherLanguage, tokens).compound));
        full.push(rulesDetected(code, tokens));
      }
    }
    if (lang === 'en') {
      english.right += right;
      english.all += rows.length;
    }
    const gold = rows.map((r) => r.gold);
    const f1s = lang === 'en' ? '-' : `${macroF1(rules, gold).toFixed(3)} | ${macroF1(full, gold).toFixed(3)}`;
    if (lang !== 'en') console.log(`  rules-only, gold -> predicted: ${confusion(rules, gold)}`);
    const top = [...elsewhere].sort((a, b) => b[1] - a[1]).slice(0, 4);
    console.log(
      `${file} | ${rows.length} | ${pct(right / rows.length)} (${pct(eldAgrees / eldSays)} of ${eldSays}) | ` +
        `${pct(asEnglish / rows.length)} | ${f1s}` +
        `  (else: ${top.map(([c, n]) => `${c} ${n}`).join(', ')})`,
    );
  }
  console.log(`all English files | ${english.all} | ${pct(english.right / english.all)}`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main();
