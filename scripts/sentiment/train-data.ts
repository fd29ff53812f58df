import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldLabel, type Label } from './metrics';

/**
 * The training data of ../shared/data/sentiment (see its README for sources and terms: only what is
 * derived from them, the weights, ever enters the repository), read into one shape.
 */
export interface Example {
  text: string;
  label: Label;
  /** The data set it came from: cross-validated figures are reported per set. */
  set: string;
  language: string;
  /** Rated on VADER's -4..4 scale (binary accuracy is reported for those). */
  rated: boolean;
}

export const DATA_DIR = new URL('../../../shared/data/sentiment/', import.meta.url).pathname;

const SEMEVAL_LABELS: Record<string, Label> = { positive: 'positive', neutral: 'neutral', negative: 'negative' };
const GOLD: Record<string, Label> = { '2': 'positive', '0': 'neutral', '-2': 'negative' };

function lines(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.split('\t'));
}

/** SemEval texts come wrapped in quotes when they hold a comma; the same tweet appears in several years. */
function semeval(dir: string): Example[] {
  const seen = new Set<string>();
  const out: Example[] = [];
  for (const f of readdirSync(dir).sort()) {
    for (const [id, label, ...rest] of lines(join(dir, f))) {
      if (!id || seen.has(id) || !SEMEVAL_LABELS[label!]) continue;
      seen.add(id);
      const text = rest
        .join(' ')
        .trim()
        .replace(/^"(.*)"$/s, '$1');
      out.push({ text, label: SEMEVAL_LABELS[label!]!, set: 'semeval-2013-2016', language: 'en', rated: false });
    }
  }
  return out;
}

function rated(file: string, set: string): Example[] {
  return lines(file).map(([, mean, ...rest]) => ({
    text: rest.join('\t'),
    label: goldLabel(Number(mean)),
    set,
    language: 'en',
    rated: true,
  }));
}

function gold(file: string, set: string, language: string): Example[] {
  return lines(file)
    .filter(([, g]) => GOLD[g!])
    .map(([, g, ...rest]) => ({ text: rest.join('\t'), label: GOLD[g!]!, set, language, rated: false }));
}

/** Every training example we have, by language; throws when the data folder is missing. */
export function loadTrainingData(dir = DATA_DIR): Map<string, Example[]> {
  if (!existsSync(dir)) throw new Error(`${dir} not found: the training data lives in ../shared/data/sentiment`);
  const ml = join(dir, 'multilingual-train');
  return new Map([
    [
      'en',
      [
        ...semeval(join(dir, 'semeval-2013-2016')),
        ...rated(join(dir, 'tweets_dev.tsv'), 'vader-tweets'),
        ...rated(join(dir, 'movie_snippets.tsv'), 'movie-snippets'),
        ...rated(join(dir, 'nyt_snippets.tsv'), 'nyt-snippets'),
      ],
    ],
    [
      'de',
      [
        ...gold(join(ml, 'german_sb10k.train.tsv'), 'sb10k', 'de'),
        ...gold(join(ml, 'german_potts.train.tsv'), 'potts', 'de'),
      ],
    ],
    ['es', gold(join(ml, 'spanish_intertass.train.tsv'), 'intertass', 'es')],
    ['fr', gold(join(ml, 'french_deft17.train.tsv'), 'deft17', 'fr')],
  ]);
}
